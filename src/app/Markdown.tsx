/**
 * Renders the small Markdown that model cards use (headings, paragraphs, "-" lists, fenced
 * code, `code` and **bold**) as React elements. No HTML is ever injected: a card is data,
 * and a hostile one can at worst show odd text.
 */
import type { ReactNode } from 'react';

type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'code'; text: string }
  | { type: 'para'; text: string };

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
      out.push({ type: 'code', text: body.join('\n') });
      i++;
    } else if (/^#{1,6} /.test(line)) {
      const level = line.indexOf(' ');
      out.push({ type: 'heading', level, text: line.slice(level + 1) });
      i++;
    } else if (/^\s*[-*] /.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && /^\s*[-*] /.test(lines[i]); i++) items.push(lines[i].replace(/^\s*[-*] /, ''));
      out.push({ type: 'list', items });
    } else if (line.trim() === '') {
      i++;
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i].trim() !== '' && !/^(#{1,6} |```|\s*[-*] )/.test(lines[i]); i++) para.push(lines[i]);
      out.push({ type: 'para', text: para.join(' ') });
    }
  }
  return out;
}

/** `code` and **bold** inside a line. */
function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3) return <strong key={i}>{part.slice(2, -2)}</strong>;
    return part;
  });
}

/** `shift` demotes headings so a card's "#" sits under the page's own h1. */
export function Markdown({ source, shift = 1 }: { source: string; shift?: number }) {
  return (
    <div className="markdown">
      {parseMarkdown(source).map((b, i) => {
        if (b.type === 'heading') {
          const Tag = `h${Math.min(6, b.level + shift)}` as 'h2';
          return <Tag key={i}>{inline(b.text)}</Tag>;
        }
        if (b.type === 'list') return <ul key={i}>{b.items.map((it, j) => <li key={j}>{inline(it)}</li>)}</ul>;
        if (b.type === 'code') return <pre key={i} tabIndex={0}><code>{b.text}</code></pre>;
        return <p key={i}>{inline(b.text)}</p>;
      })}
    </div>
  );
}
