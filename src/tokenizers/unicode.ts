/**
 * Character classes and UTF-8 helpers shared by the tokenizers. The BERT classes follow Google
 * BERT's tokenization.py and Hugging Face's BertNormalizer, so our splits match theirs.
 */

const PUNCT = /^\p{P}$/u;
const SPACE_SEPARATOR = /^\p{Zs}$/u;
const OTHER = /^\p{C}$/u;
const MARK = /^\p{M}$/u;
const NONSPACING_MARK = /\p{Mn}/gu;
const WHITE_SPACE = /^\p{White_Space}$/u;

/** BERT punctuation: every non-letter/digit printable ASCII char (`$`, `^`, `` ` ``) plus Unicode P*. */
export function isBertPunctuation(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
    return true;
  }
  return PUNCT.test(ch);
}

/** BERT's whitespace for clean-up: space, tab, newline, carriage return and Unicode Zs. */
export function isBertWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || SPACE_SEPARATOR.test(ch);
}

/** BERT's control characters (categories C*, which a lone surrogate also falls in), minus \t\n\r. */
export function isBertControl(ch: string): boolean {
  if (ch === '\t' || ch === '\n' || ch === '\r') return false;
  return OTHER.test(ch);
}

/** Unicode White_Space: what Rust's char::is_whitespace and Oniguruma's \s (so HF's splits) use. */
export function isWhiteSpace(ch: string): boolean {
  return WHITE_SPACE.test(ch);
}

/** A combining mark (M*): removing one should not leave its letter's span. */
export function isMark(ch: string): boolean {
  return MARK.test(ch);
}

/** The CJK Unified Ideograph blocks BERT isolates as one-character words (not Hangul or kana). */
export function isChineseChar(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/** BERT's accent stripping for one code point: NFD, then drop nonspacing marks. */
export function stripAccents(ch: string): string {
  return ch.normalize('NFD').replace(NONSPACING_MARK, '');
}

/**
 * UTF-8 bytes of one code point (given as its JS string of 1 or 2 units). A lone surrogate
 * becomes U+FFFD's bytes, as TextEncoder does, so byte counts agree with it.
 */
export function utf8OfCodePoint(ch: string): number[] {
  let cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/**
 * UTF-8 bytes to text. ignoreBOM keeps a leading U+FEFF, which a plain TextDecoder silently
 * drops, so decode(encode("\ufeff...")) gives the text back.
 */
export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Latin-1 "binary string" of bytes: one char per byte, a cheap exact Map key for byte strings. */
export function bytesToBinary(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** Inverse of bytesToBinary. */
export function binaryToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
