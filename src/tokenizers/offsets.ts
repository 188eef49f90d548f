/**
 * The offset contract every tokenizer keeps (see Token in types.ts), as a checker the tests
 * and the app's debug views can run on any encoding.
 */
import type { Token } from './types.ts';

/**
 * Lists every way `tokens` break the offset contract for `text` (empty when they keep it):
 * spans inside the text, both ends never decreasing, and consecutive tokens overlapping by at
 * most the one character they share (a character split between tokens).
 */
export function offsetProblems(text: string, tokens: readonly Token[]): string[] {
  const problems: string[] = [];
  let prev: Token | null = null;
  tokens.forEach((t, i) => {
    const where = `token ${i} (${JSON.stringify(t.text)} [${t.start}, ${t.end}))`;
    if (t.start === null || t.end === null) {
      if (t.start !== t.end) problems.push(`${where}: only one offset is null`);
      return;
    }
    const integral = Number.isInteger(t.start) && Number.isInteger(t.end);
    if (!(integral && t.start >= 0 && t.start <= t.end && t.end <= text.length)) {
      problems.push(`${where}: not a span of the ${text.length}-unit text`);
    }
    if (prev !== null && prev.start !== null && prev.end !== null) {
      const before = `[${prev.start}, ${prev.end})`;
      if (t.start < prev.start || t.end < prev.end) problems.push(`${where}: goes back from ${before}`);
      const charLen = (text.codePointAt(t.start) ?? 0) > 0xffff ? 2 : 1;
      if (prev.end - t.start > charLen) problems.push(`${where}: overlaps ${before} by more than one character`);
    }
    prev = t;
  });
  return problems;
}
