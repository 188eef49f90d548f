/**
 * The model cards' Markdown: headings, lists, fenced code, paragraphs; anything else is
 * text, never HTML.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/app/Markdown.tsx';

describe('parseMarkdown', () => {
  it('splits a card into headings, lists, code and paragraphs', () => {
    const blocks = parseMarkdown('# coref\n\nA small encoder\nover two lines.\n\n- one\n- two\n\n## Measured\n\n```json\n{"a": 1}\n```\n');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'coref' },
      { type: 'para', text: 'A small encoder over two lines.' },
      { type: 'list', items: ['one', 'two'] },
      { type: 'heading', level: 2, text: 'Measured' },
      { type: 'code', text: '{"a": 1}' },
    ]);
  });

  it('keeps HTML as text and survives an unclosed fence', () => {
    const blocks = parseMarkdown('<script>alert(1)</script>\n```\nnever closed');
    expect(blocks[0]).toEqual({ type: 'para', text: '<script>alert(1)</script>' });
    expect(blocks[1]).toEqual({ type: 'code', text: 'never closed' });
  });
});
