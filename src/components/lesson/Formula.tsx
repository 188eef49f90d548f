/**
 * A typeset formula (KaTeX). Parts wrapped in \hl{...} are highlighted: the part of the
 * formula the current step computes. Only our own TeX reaches KaTeX, and its `trust` allows
 * nothing but the class that \hl expands to.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';
import './lesson.css';

export function renderFormula(tex: string, display = true): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    output: 'htmlAndMathml', // MathML for screen readers
    macros: { '\\hl': '\\htmlClass{formula-hl}{#1}' },
    trust: (ctx) => ctx.command === '\\htmlClass' && ctx.class === 'formula-hl',
    strict: 'ignore',
  });
}

export function Formula({ tex, display = true, label }: { tex: string; display?: boolean; label?: string }) {
  const html = useMemo(() => renderFormula(tex, display), [tex, display]);
  // KaTeX output of our own TeX, with trust limited above.
  const Tag = display ? 'div' : 'span';
  return <Tag className={display ? 'formula formula-display' : 'formula'} role={label ? 'math' : undefined} aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
