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

/** Splits aligned text into GPT-2 pre-tokens (or one piece when useRegex is false). */
export function byteLevelPieces(a: AlignedText, useRegex: boolean): BytePiece[] {
  const ranges: Array<[number, number]> = [];
  if (!useRegex) {
    if (a.text.length > 0) ranges.push([0, a.text.length]);
  } else {
    let last = 0;
    for (const m of a.text.matchAll(GPT2_SPLIT)) {
      const i = m.index ?? 0;
      // The regex matches every character, but a gap is kept rather than lost if one slips by.
      if (i > last) ranges.push([last, i]);
      ranges.push([i, i + m[0].length]);
      last = i + m[0].length;
    }
    if (last < a.text.length) ranges.push([last, a.text.length]);
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
