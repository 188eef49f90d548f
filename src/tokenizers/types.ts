/**
 * The one interface every tokenizer in the course implements, so lessons can show any model's
 * tokens (and where each came from in the sentence) the same way.
 */

/**
 * One token of an encoded text.
 *
 * `text` is the vocabulary string of the token (what `idToToken(id)` returns: `##ing`, `Ġthe`,
 * `[UNK]`, `<0xE2>`); the source text it stands for is `input.slice(start, end)`.
 *
 * `[start, end)` are offsets in UTF-16 code units of the JS input string. They are `null` only
 * for tokens added around the text (BOS, CLS, SEP...). Offsets never decrease from one token to
 * the next, and tokens do not overlap, with one exception: when a token boundary falls inside a
 * single character (a byte-level token holding half of an emoji's UTF-8 bytes, a byte-fallback
 * byte, one of the two letters `İ` lowercases to), every token that touches that character
 * carries the whole character's span.
 */
export interface Token {
  text: string;
  id: number;
  start: number | null;
  end: number | null;
  /** True when the tokenizer had to emit its unknown token: the model never saw this word. */
  unknown?: boolean;
}

export interface EncodeOptions {
  /** Add the model's special tokens (BOS, [CLS] ... [SEP]). Default true. */
  addSpecialTokens?: boolean;
}

export interface DecodeOptions {
  /** Drop special tokens (BOS, EOS, [CLS], [SEP], [PAD], [MASK]) from the text. Default true. */
  skipSpecialTokens?: boolean;
}

export interface SpecialIds {
  bos?: number;
  eos?: number;
  pad?: number;
  unk?: number;
  cls?: number;
  sep?: number;
  mask?: number;
}

export interface Tokenizer {
  /** Which algorithm: 'wordpiece', 'byte-level-bpe', 'sentencepiece-bpe', 'llama2c'. */
  readonly kind: string;
  readonly vocabSize: number;
  encode(text: string, opts?: EncodeOptions): Token[];
  decode(ids: readonly number[], opts?: DecodeOptions): string;
  idToToken(id: number): string | undefined;
  tokenToId(tok: string): number | undefined;
  readonly specialIds: SpecialIds;
}

/** Ids of `specialIds` that decode() drops by default (everything except unk). */
export function skippableIds(special: SpecialIds): Set<number> {
  const ids = [special.bos, special.eos, special.pad, special.cls, special.sep, special.mask];
  return new Set(ids.filter((id): id is number => id !== undefined && id !== special.unk));
}
