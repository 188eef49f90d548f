/**
 * A text being normalized (lowercased, accents stripped, a prefix space added) that remembers,
 * for each of its UTF-16 units, which span of the original input it came from. Tokenizers cut
 * tokens out of the normalized text and read their offsets back from here.
 */
import { isMark } from './unicode.ts';

export interface AlignedText {
  readonly text: string;
  /** For unit i of `text`: it came from input[starts[i], ends[i]). Both never decrease. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** `text` aligned to itself, unit by unit, shifted so unit 0 sits at input offset `offset`. */
export function alignedIdentity(text: string, offset = 0): AlignedText {
  const starts: number[] = [];
  const ends: number[] = [];
  // A surrogate pair is one character: both units carry its whole span.
  for (let i = 0; i < text.length; ) {
    const len = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    for (let k = 0; k < len; k++) {
      starts.push(offset + i);
      ends.push(offset + i + len);
    }
    i += len;
  }
  return { text, starts, ends };
}

/**
 * Rewrites each code point of `src` with `fn` (which may return '', one char or several); the
 * output units inherit the span of the code point they came from. When `fn` drops a combining
 * mark, the mark's span is folded into the previous output character, so an accent stripped
 * from "cafe\u0301" still lies inside the span of the token "cafe".
 */
export function mapCodePoints(src: AlignedText, fn: (ch: string) => string): AlignedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let lastCharAt = -1; // index in the output of the first unit of the last output character
  for (let i = 0; i < src.text.length; ) {
    const cp = src.text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const ch = src.text.slice(i, i + len);
    const start = src.starts[i];
    const end = src.ends[i + len - 1];
    const out = fn(ch);
    if (out.length === 0) {
      if (lastCharAt >= 0 && isMark(ch)) {
        for (let k = lastCharAt; k < ends.length; k++) ends[k] = Math.max(ends[k], end);
      }
    } else {
      for (let k = 0; k < out.length; ) {
        const outLen = (out.codePointAt(k) ?? 0) > 0xffff ? 2 : 1;
        lastCharAt = starts.length;
        for (let u = 0; u < outLen; u++) {
          starts.push(start);
          ends.push(end);
        }
        k += outLen;
      }
      text += out;
    }
    i += len;
  }
  return { text, starts, ends };
}

/** Puts `prefix` before the text; its units come from no input, a zero-width span at the start. */
export function prependUnaligned(src: AlignedText, prefix: string, at: number): AlignedText {
  const pre = Array.from({ length: prefix.length }, () => at);
  return { text: prefix + src.text, starts: [...pre, ...src.starts], ends: [...pre, ...src.ends] };
}

/** The input span of units [i, j) of the aligned text (j > i). */
export function sourceSpan(a: AlignedText, i: number, j: number): { start: number; end: number } {
  return { start: a.starts[i], end: a.ends[j - 1] };
}

/**
 * Replaces every occurrence of `from` (left to right, not overlapping) with `to`; the units of
 * `to` inherit the span of the occurrence they replace, so a space turned into "▁" keeps the
 * space's offsets.
 */
export function replaceAligned(src: AlignedText, from: string, to: string): AlignedText {
  if (from.length === 0) return src;
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < src.text.length; ) {
    if (src.text.startsWith(from, i)) {
      const start = src.starts[i];
      const end = src.ends[i + from.length - 1];
      for (let k = 0; k < to.length; k++) {
        starts.push(start);
        ends.push(end);
      }
      text += to;
      i += from.length;
    } else {
      starts.push(src.starts[i]);
      ends.push(src.ends[i]);
      text += src.text[i];
      i++;
    }
  }
  return { text, starts, ends };
}

/** Units [i, j) of the aligned text, keeping their spans. */
export function sliceAligned(src: AlignedText, i: number, j: number): AlignedText {
  return { text: src.text.slice(i, j), starts: src.starts.slice(i, j), ends: src.ends.slice(i, j) };
}
