/**
 * The tokenizer of Karpathy's llama2.c (tokenizer.bin / tok512.bin): a SentencePiece BPE vocab
 * exported with scores, encoded by llama2.c's own `encode()` so ids match its models exactly.
 */
import { skippableIds } from './types.ts';
import type { DecodeOptions, EncodeOptions, SpecialIds, Token, Tokenizer } from './types.ts';
import { binaryToBytes, bytesToBinary, utf8Decode, utf8OfCodePoint } from './unicode.ts';

/** llama2.c's fixed ids (SentencePiece's defaults). Byte b falls back to id b + BYTE_OFFSET. */
export const LLAMA2C_UNK = 0;
export const LLAMA2C_BOS = 1;
export const LLAMA2C_EOS = 2;
const BYTE_OFFSET = 3;

const BYTE_PIECE = /^<0x([0-9A-Fa-f]{2})>$/;

/** A token in the middle of merging: its id and the input span it has absorbed so far. */
interface Sym {
  id: number;
  start: number | null;
  end: number | null;
}

export class Llama2cTokenizer implements Tokenizer {
  readonly kind = 'llama2c';
  readonly vocabSize: number;
  readonly specialIds: SpecialIds = { unk: LLAMA2C_UNK, bos: LLAMA2C_BOS, eos: LLAMA2C_EOS };
  /** Longest piece in bytes, as stored in the file header. */
  readonly maxTokenLength: number;
  private readonly pieces: string[]; // raw bytes of each piece, one char per byte
  private readonly texts: string[]; // the same pieces as UTF-8 text
  private readonly scores: Float32Array;
  private readonly lookup = new Map<string, number>();

  private constructor(maxTokenLength: number, pieces: string[], scores: Float32Array) {
    this.maxTokenLength = maxTokenLength;
    this.pieces = pieces;
    this.scores = scores;
    this.vocabSize = pieces.length;
    this.texts = pieces.map((p) => utf8Decode(binaryToBytes(p)));
    // llama2.c bsearches a sorted copy; with repeated pieces it could find either, we keep the first.
    pieces.forEach((p, id) => {
      if (!this.lookup.has(p)) this.lookup.set(p, id);
    });
  }

  /**
   * Parses a tokenizer.bin: int32 max_token_length, then per token f32 score, int32 byte
   * length, bytes (little-endian). The file does not store the vocab size: give it to read
   * exactly that many tokens, or leave it out to read to the end.
   */
  static fromBytes(bytes: Uint8Array, vocabSize?: number): Llama2cTokenizer {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const need = (at: number, n: number): void => {
      if (at + n > bytes.byteLength) {
        throw new Error(`llama2.c tokenizer: file ends at byte ${bytes.byteLength}, needed ${at + n}`);
      }
    };
    need(0, 4);
    const maxTokenLength = view.getInt32(0, true);
    const pieces: string[] = [];
    const scores: number[] = [];
    let at = 4;
    while (vocabSize === undefined ? at < bytes.byteLength : pieces.length < vocabSize) {
      need(at, 8);
      scores.push(view.getFloat32(at, true));
      const len = view.getInt32(at + 4, true);
      if (len < 0) throw new Error(`llama2.c tokenizer: token ${pieces.length} has length ${len}`);
      need(at + 8, len);
      pieces.push(bytesToBinary(bytes.subarray(at + 8, at + 8 + len)));
      at += 8 + len;
    }
    return new Llama2cTokenizer(maxTokenLength, pieces, Float32Array.from(scores));
  }

  /**
   * llama2.c's encode(): BOS (unless addSpecialTokens is false), a dummy-prefix " " token when
   * the text is not empty, one token per UTF-8 character (or one per byte, id byte + 3, when
   * the character is not in the vocab), then merge the adjacent pair whose joined piece is in
   * the vocab with the highest score (the leftmost on ties) until no pair merges. No EOS.
   *
   * Offsets: the dummy-prefix space comes from no input character, so it gets the empty span
   * [0, 0); once merged into " Once" the token spans the word, [0, 4). Byte-fallback tokens of
   * one character each carry that character's span. BOS has null offsets.
   *
   * Unlike C, where a string ends at its first NUL, a "\0" in the text is encoded (as <0x00>).
   */
  encode(text: string, opts: EncodeOptions = {}): Token[] {
    const syms: Sym[] = [];
    if (opts.addSpecialTokens !== false) syms.push({ id: LLAMA2C_BOS, start: null, end: null });
    const space = this.lookup.get(' ');
    // llama2.c looks the " " piece up unconditionally; a vocab without it has no dummy prefix.
    if (text.length > 0 && space !== undefined) syms.push({ id: space, start: 0, end: 0 });
    for (let u = 0; u < text.length; ) {
      const len = (text.codePointAt(u) ?? 0) > 0xffff ? 2 : 1;
      const utf8 = utf8OfCodePoint(text.slice(u, u + len));
      const id = this.lookup.get(bytesToBinary(utf8));
      if (id !== undefined) syms.push({ id, start: u, end: u + len });
      else for (const b of utf8) syms.push({ id: b + BYTE_OFFSET, start: u, end: u + len });
      u += len;
    }
    this.mergeAll(syms);
    return syms.map((s) => ({ text: this.texts[s.id], id: s.id, start: s.start, end: s.end }));
  }

  /** The greedy merge loop of llama2.c's encode(), in place. */
  private mergeAll(syms: Sym[]): void {
    // pair[i]: the id that syms[i] + syms[i+1] would merge into, or -1. Only the two pairs next
    // to a merge change, so long texts avoid re-joining every pair's strings on every pass.
    const pairId = (i: number): number => this.lookup.get(this.pieces[syms[i].id] + this.pieces[syms[i + 1].id]) ?? -1;
    const pair = syms.slice(0, -1).map((_, i) => pairId(i));
    for (;;) {
      let bestScore = -1e10;
      let bestIdx = -1;
      for (let i = 0; i < pair.length; i++) {
        if (pair[i] !== -1 && this.scores[pair[i]] > bestScore) {
          bestScore = this.scores[pair[i]];
          bestIdx = i;
        }
      }
      if (bestIdx === -1) return;
      const [left, right] = [syms[bestIdx], syms[bestIdx + 1]];
      syms.splice(bestIdx, 2, { id: pair[bestIdx], start: left.start ?? right.start, end: right.end ?? left.end });
      pair.splice(bestIdx, 1);
      if (bestIdx > 0) pair[bestIdx - 1] = pairId(bestIdx - 1);
      if (bestIdx < pair.length) pair[bestIdx] = pairId(bestIdx);
    }
  }

  /**
   * Text of the ids as llama2.c prints them: a piece right after BOS loses its leading space,
   * <0xXX> pieces are raw bytes (so split characters join up again). BOS/EOS are dropped unless
   * skipSpecialTokens is false.
   */
  decode(ids: readonly number[], opts: DecodeOptions = {}): string {
    const skip = opts.skipSpecialTokens === false ? new Set<number>() : skippableIds(this.specialIds);
    const bytes: number[] = [];
    let prev = -1;
    for (const id of ids) {
      let piece = this.pieces[id];
      if (piece === undefined) throw new Error(`llama2.c decode: id ${id} outside the vocab (${this.vocabSize})`);
      if (!skip.has(id)) {
        if (prev === LLAMA2C_BOS && piece.startsWith(' ')) piece = piece.slice(1);
        const byte = BYTE_PIECE.exec(piece);
        if (byte) bytes.push(parseInt(byte[1], 16));
        else for (let i = 0; i < piece.length; i++) bytes.push(piece.charCodeAt(i));
      }
      prev = id;
    }
    return utf8Decode(new Uint8Array(bytes));
  }

  /** The piece as text (`" Once"`, `"<0xE2>"`). */
  idToToken(id: number): string | undefined {
    return this.texts[id];
  }

  tokenToId(tok: string): number | undefined {
    return this.lookup.get(bytesToBinary(new TextEncoder().encode(tok)));
  }

  /** The piece's score: higher merges first. */
  score(id: number): number {
    return this.scores[id];
  }
}
