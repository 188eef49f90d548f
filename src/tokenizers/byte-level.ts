/**
 * GPT-2's byte-level pieces: the text is split with GPT-2's regex, each piece is turned into
 * UTF-8 bytes, and each byte is shown as one printable character (bytes_to_unicode), so BPE
 * can work on any text without an unknown token. Each byte keeps the input span of its char.
 */
import type { AlignedText } from './aligned.ts';
import { utf8Decode, utf8OfCodePoint } from './unicode.ts';

/**
 * GPT-2's bytes_to_unicode: printable Latin-1 bytes stand for themselves, the other 68 bytes
 * (controls, space, 0x7F-0xA0, 0xAD) are shifted to U+0100.. so no byte is invisible ("Ġ" is a
 * space). Index = byte, value = its one-character stand-in.
 */
export const BYTE_TO_CHAR: readonly string[] = (() => {
  const out: string[] = new Array(256);
  let n = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    out[b] = String.fromCharCode(printable ? b : 256 + n++);
  }
  return out;
})();

/** Inverse of BYTE_TO_CHAR. */
export const CHAR_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_CHAR.map((c, b) => [c, b]));

// Oniguruma's (and Python regex's) \s is Unicode White_Space; JS's \s differs (it has U+FEFF and
// lacks U+0085), so the class is spelled out to split exactly like the Rust library.
const S = String.raw`\p{White_Space}`;
/** GPT-2's pre-tokenizer regex, as Hugging Face's ByteLevel pre-tokenizer uses it. */
export const GPT2_SPLIT = new RegExp(
  String.raw`'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^${S}\p{L}\p{N}]+|[${S}]+(?![^${S}])|[${S}]+`,
  'gu',
);

/** One pre-token: its byte-level string and, per byte, the input span of that byte's char. */
export interface BytePiece {
  chars: string; // one BYTE_TO_CHAR stand-in per UTF-8 byte
  starts: number[];
  ends: number[];
}

/** Cuts units [i, j) of `text` at `re`'s matches: each match is a range, and so is each gap. */
function splitRange(text: string, i: number, j: number, re: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let last = i;
  for (const m of text.slice(i, j).matchAll(re)) {
    const at = i + (m.index ?? 0);
    if (m[0].length === 0) continue;
    // GPT-2's regex matches every character, but a gap is kept rather than lost if one slips by.
    if (at > last) out.push([last, at]);
    out.push([at, at + m[0].length]);
    last = at + m[0].length;
  }
  if (last < j) out.push([last, j]);
  return out;
}

/**
 * Splits aligned text into pre-tokens: first at a Split pre-tokenizer's regex (Llama 3's,
 * when given; matches and gaps are both kept, its "Isolated" behaviour), then with GPT-2's
 * regex unless useRegex is false.
 */
export function byteLevelPieces(a: AlignedText, useRegex: boolean, split: RegExp | null = null): BytePiece[] {
  let ranges: Array<[number, number]> = a.text.length > 0 ? [[0, a.text.length]] : [];
  for (const re of [split, useRegex ? GPT2_SPLIT : null]) {
    if (re) ranges = ranges.flatMap(([i, j]) => splitRange(a.text, i, j, re));
  }
  return ranges.map(([i, j]) => toBytePiece(a, i, j));
}

function toBytePiece(a: AlignedText, i: number, j: number): BytePiece {
  const piece: BytePiece = { chars: '', starts: [], ends: [] };
  for (let u = i; u < j; ) {
    const len = (a.text.codePointAt(u) ?? 0) > 0xffff && u + 1 < j ? 2 : 1;
    const start = a.starts[u];
    const end = a.ends[u + len - 1];
    for (const b of utf8OfCodePoint(a.text.slice(u, u + len))) {
      piece.chars += BYTE_TO_CHAR[b];
      piece.starts.push(start);
      piece.ends.push(end);
    }
    u += len;
  }
  return piece;
}

/** Turns byte-level token strings back into text (the ByteLevel decoder). */
export function byteLevelDecode(tokens: readonly string[]): string {
  const bytes: number[] = [];
  for (const tok of tokens) {
    for (const ch of tok) {
      const b = CHAR_TO_BYTE.get(ch);
      // A token that is not byte-level (an added token like <|endoftext|>) is copied as text.
      if (b === undefined) bytes.push(...new TextEncoder().encode(ch));
      else bytes.push(b);
    }
  }
  return utf8Decode(new Uint8Array(bytes));
}
