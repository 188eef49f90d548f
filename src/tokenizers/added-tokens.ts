/**
 * Added tokens ([MASK], <|endoftext|>...) written literally in the input are matched before any
 * normalization, as Hugging Face does, so "the cat sat on the [MASK]" gives the mask token.
 */

export interface AddedToken {
  id: number;
  content: string;
  /** Special tokens are dropped by decode() unless asked to keep them. */
  special: boolean;
}

/** A run of the input: plain text to tokenize, or one occurrence of an added token. */
export interface Segment {
  start: number;
  end: number;
  added?: AddedToken;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Cuts `text` into plain runs and exact occurrences of the added tokens (leftmost first, the
 * longest when several start at one place). Plain runs are never empty. HF's lstrip / rstrip /
 * single_word flags are not applied: the content must match exactly.
 */
export function splitOnAddedTokens(text: string, added: readonly AddedToken[]): Segment[] {
  const usable = added.filter((t) => t.content.length > 0);
  if (usable.length === 0) {
    return text.length > 0 ? [{ start: 0, end: text.length }] : [];
  }
  const byContent = new Map(usable.map((t) => [t.content, t]));
  const alternatives = [...byContent.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(alternatives.join('|'), 'g');
  const segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    if (start > last) segments.push({ start: last, end: start });
    segments.push({ start, end: start + m[0].length, added: byContent.get(m[0]) });
    last = start + m[0].length;
  }
  if (last < text.length) segments.push({ start: last, end: text.length });
  return segments;
}
