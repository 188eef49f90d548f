/**
 * BERT's "basic tokenizer" with offsets: the BertNormalizer (clean up, strip accents,
 * lowercase) and the BertPreTokenizer (split on whitespace, every punctuation mark and every
 * CJK ideograph its own word). WordPiece then cuts each word into pieces.
 */
import { alignedIdentity, mapCodePoints } from './aligned.ts';
import type { AlignedText } from './aligned.ts';
import {
  isBertControl,
  isBertPunctuation,
  isBertWhitespace,
  isChineseChar,
  isWhiteSpace,
  stripAccents,
} from './unicode.ts';

export interface BertNormalizerOptions {
  /** Drop control characters and U+FFFD, turn every whitespace into ' '. Default true. */
  cleanText: boolean;
  /** Make every CJK ideograph a word of its own (BERT has no spaces to split Chinese on). */
  handleChineseChars: boolean;
  /** NFD, then drop nonspacing marks: "café" -> "cafe". */
  stripAccents: boolean;
  lowercase: boolean;
}

/** A word of the normalized text: units [start, end) of `AlignedText.text`. */
export interface WordSpan {
  start: number;
  end: number;
}

/** Applies BertNormalizer to `text`, whose unit 0 sits at input offset `offset`. */
export function bertNormalize(text: string, opts: BertNormalizerOptions, offset = 0): AlignedText {
  let a = alignedIdentity(text, offset);
  if (opts.cleanText) {
    a = mapCodePoints(a, (ch) => {
      if (ch === '\0' || ch === '\ufffd' || isBertControl(ch)) return '';
      return isBertWhitespace(ch) ? ' ' : ch;
    });
  }
  // Strip before lowercasing, as HF does: U+0130 decomposes to I + U+0307 and ends up "i".
  if (opts.stripAccents) a = mapCodePoints(a, stripAccents);
  if (opts.lowercase) a = mapCodePoints(a, (ch) => ch.toLowerCase());
  return a;
}

/**
 * Splits normalized text into words as BertPreTokenizer does: whitespace separates words and
 * is dropped; each punctuation mark (and, with handleChineseChars, each CJK ideograph) is a
 * word by itself, so "didn't" gives "didn", "'", "t".
 */
export function bertPreTokenize(text: string, handleChineseChars: boolean): WordSpan[] {
  const words: WordSpan[] = [];
  let wordStart = -1;
  const flush = (end: number): void => {
    if (wordStart >= 0) words.push({ start: wordStart, end });
    wordStart = -1;
  };
  for (let i = 0; i < text.length; ) {
    const len = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    if (isWhiteSpace(ch)) {
      flush(i);
    } else if (isBertPunctuation(ch) || (handleChineseChars && isChineseChar(ch))) {
      flush(i);
      words.push({ start: i, end: i + len });
    } else if (wordStart < 0) {
      wordStart = i;
    }
    i += len;
  }
  flush(text.length);
  return words;
}
