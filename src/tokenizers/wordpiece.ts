/**
 * WordPiece, BERT's tokenizer: BERT basic pre-tokenization, then greedy longest-match-first
 * pieces with "##" marking a piece that continues a word. Used for the project's own models
 * (built from a vocab list) and for Hugging Face BERT tokenizer.json files (hf-wordpiece.ts).
 */
import { sourceSpan } from './aligned.ts';
import { splitOnAddedTokens } from './added-tokens.ts';
import type { AddedToken } from './added-tokens.ts';
import { bertNormalize, bertPreTokenize } from './bert-basic.ts';
import type { BertNormalizerOptions } from './bert-basic.ts';
import { applyTemplate } from './template.ts';
import type { TemplateItem } from './template.ts';
import { skippableIds } from './types.ts';
import type { DecodeOptions, EncodeOptions, SpecialIds, Token, Tokenizer } from './types.ts';

/** Names of the special tokens, looked up in the vocab (the BERT names by default). */
export interface WordPieceSpecialTokens {
  unk: string; // '[UNK]': must be in the vocab
  cls: string; // '[CLS]'
  sep: string; // '[SEP]'
  pad: string; // '[PAD]'
  mask: string; // '[MASK]'
}

export interface WordPieceOptions {
  lowercase: boolean; // true: "The" and "the" are one word
  stripAccents: boolean; // defaults to `lowercase`, BERT's rule
  handleChineseChars: boolean; // true: each CJK ideograph is a word
  cleanText: boolean; // true: drop control chars, any whitespace -> ' '
  continuingSubwordPrefix: string; // '##'
  maxInputCharsPerWord: number; // 100: longer words become [UNK] (BERT's limit)
  specialTokens: WordPieceSpecialTokens;
  /** What encode() puts around the text; default [CLS] A [SEP] when both are in the vocab. */
  template?: TemplateItem[];
  /** Tokens matched literally in the input; default: the special tokens present in the vocab. */
  addedTokens?: AddedToken[];
}

/** What the constructor takes: any option may be left out, special token names one by one. */
export type WordPieceInit = Partial<Omit<WordPieceOptions, 'specialTokens'>> & {
  specialTokens?: Partial<WordPieceSpecialTokens>;
};

export const DEFAULT_SPECIAL_TOKENS: WordPieceSpecialTokens = {
  unk: '[UNK]',
  cls: '[CLS]',
  sep: '[SEP]',
  pad: '[PAD]',
  mask: '[MASK]',
};

/** A piece of one word: units [from, to) of the word. */
interface Piece {
  id: number;
  from: number;
  to: number;
}

export class WordPieceTokenizer implements Tokenizer {
  readonly kind = 'wordpiece';
  readonly vocabSize: number;
  readonly specialIds: SpecialIds;
  readonly options: Readonly<WordPieceOptions> & { template: TemplateItem[]; addedTokens: AddedToken[] };
  private readonly vocab: Map<string, number>;
  private readonly byId = new Map<number, string>();
  private readonly normalizer: BertNormalizerOptions;

  /**
   * @param vocab tokens in id order, or a token -> id map (an HF file's vocab)
   * @throws if the unknown token is not in the vocab (WordPiece has nothing else to fall back on)
   */
  constructor(vocab: readonly string[] | ReadonlyMap<string, number>, opts: WordPieceInit = {}) {
    this.vocab = Array.isArray(vocab)
      ? new Map((vocab as readonly string[]).map((tok, id) => [tok, id]))
      : new Map(vocab as ReadonlyMap<string, number>);
    if (Array.isArray(vocab) && this.vocab.size !== vocab.length) {
      throw new Error('WordPiece vocab: a token appears twice');
    }
    for (const [tok, id] of this.vocab) this.byId.set(id, tok);
    const lowercase = opts.lowercase ?? true;
    const names = { ...DEFAULT_SPECIAL_TOKENS, ...opts.specialTokens };
    const get = (name: string): number | undefined =>
      this.vocab.get(name) ?? opts.addedTokens?.find((t) => t.content === name)?.id;
    this.specialIds = {
      unk: get(names.unk),
      cls: get(names.cls),
      sep: get(names.sep),
      pad: get(names.pad),
      mask: get(names.mask),
    };
    if (this.specialIds.unk === undefined) {
      throw new Error(`WordPiece vocab must contain the unknown token "${names.unk}"`);
    }
    const { cls, sep } = this.specialIds;
    const template: TemplateItem[] =
      opts.template ??
      (cls !== undefined && sep !== undefined
        ? [{ text: names.cls, id: cls }, 'sequence', { text: names.sep, id: sep }]
        : ['sequence']);
    const addedTokens =
      opts.addedTokens ??
      Object.values(names)
        .filter((name) => this.vocab.has(name))
        .map((name) => ({ id: this.vocab.get(name) as number, content: name, special: true }));
    for (const t of addedTokens) this.byId.set(t.id, this.byId.get(t.id) ?? t.content);
    let maxId = -1;
    for (const id of this.byId.keys()) maxId = Math.max(maxId, id);
    this.vocabSize = maxId + 1; // the embedding table's rows, even if some ids are unused
    this.options = {
      lowercase,
      stripAccents: opts.stripAccents ?? lowercase,
      handleChineseChars: opts.handleChineseChars ?? true,
      cleanText: opts.cleanText ?? true,
      continuingSubwordPrefix: opts.continuingSubwordPrefix ?? '##',
      maxInputCharsPerWord: opts.maxInputCharsPerWord ?? 100,
      specialTokens: names,
      template,
      addedTokens,
    };
    this.normalizer = this.options;
  }

  /** Reads a BERT vocab.txt (one token per line, the line number is the id). */
  static fromVocabTxt(text: string, opts: WordPieceInit = {}): WordPieceTokenizer {
    const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return new WordPieceTokenizer(lines, opts);
  }

  /** Writes vocab.txt: tokens in id order, one per line. Throws if the ids have holes. */
  toVocabTxt(): string {
    const lines: string[] = [];
    for (let id = 0; id < this.vocabSize; id++) {
      const tok = this.vocabToken(id);
      if (tok === undefined) throw new Error(`vocab.txt cannot hold a vocab without id ${id}`);
      lines.push(tok);
    }
    return lines.join('\n') + '\n';
  }

  /** The model's vocab (without added tokens that are not in it), as token -> id. */
  vocabEntries(): ReadonlyMap<string, number> {
    return this.vocab;
  }

  /**
   * Splits text into WordPiece tokens with their spans. A word that cannot be pieced, or is
   * longer than maxInputCharsPerWord, becomes one [UNK] token flagged `unknown: true`.
   */
  encode(text: string, opts: EncodeOptions = {}): Token[] {
    const tokens: Token[] = [];
    for (const seg of splitOnAddedTokens(text, this.options.addedTokens)) {
      if (seg.added) {
        tokens.push({ text: seg.added.content, id: seg.added.id, start: seg.start, end: seg.end });
        continue;
      }
      const a = bertNormalize(text.slice(seg.start, seg.end), this.normalizer, seg.start);
      for (const w of bertPreTokenize(a.text, this.options.handleChineseChars)) {
        const pieces = this.pieceWord(a.text.slice(w.start, w.end));
        if (pieces === null) {
          const span = sourceSpan(a, w.start, w.end);
          tokens.push({ text: this.options.specialTokens.unk, id: this.specialIds.unk as number, ...span, unknown: true });
          continue;
        }
        for (const p of pieces) {
          const span = sourceSpan(a, w.start + p.from, w.start + p.to);
          tokens.push({ text: this.byId.get(p.id) as string, id: p.id, ...span });
        }
      }
    }
    return opts.addSpecialTokens === false ? tokens : applyTemplate(this.options.template, tokens);
  }

  /** Greedy longest-match-first pieces of one normalized word, or null when it cannot be pieced. */
  private pieceWord(word: string): Piece[] | null {
    const pos: number[] = []; // unit index of each code point, then word.length
    for (let i = 0; i < word.length; i += (word.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) pos.push(i);
    const n = pos.length;
    pos.push(word.length);
    if (n > this.options.maxInputCharsPerWord) return null;
    const pieces: Piece[] = [];
    for (let start = 0; start < n; ) {
      let found: Piece | null = null;
      for (let end = n; end > start; end--) {
        const sub = word.slice(pos[start], pos[end]);
        const id = this.vocab.get(start > 0 ? this.options.continuingSubwordPrefix + sub : sub);
        if (id !== undefined) {
          found = { id, from: pos[start], to: pos[end] };
          start = end;
          break;
        }
      }
      if (found === null) return null;
      pieces.push(found);
    }
    return pieces;
  }

  /**
   * Joins pieces back into text: "##" pieces glue to the previous one, others get a space, then
   * transformers' clean-up ("hello ." -> "hello."). Lowercasing and accents are not undone.
   */
  decode(ids: readonly number[], opts: DecodeOptions = {}): string {
    const skip = opts.skipSpecialTokens === false ? new Set<number>() : skippableIds(this.specialIds);
    const prefix = this.options.continuingSubwordPrefix;
    let out = '';
    for (const id of ids) {
      const tok = this.byId.get(id);
      if (tok === undefined || skip.has(id)) continue;
      if (out.length > 0 && tok.startsWith(prefix)) out += tok.slice(prefix.length);
      else out += (out.length > 0 ? ' ' : '') + tok;
    }
    return out
      .replaceAll(' .', '.')
      .replaceAll(' ?', '?')
      .replaceAll(' !', '!')
      .replaceAll(' ,', ',')
      .replaceAll(" ' ", "'")
      .replaceAll(" n't", "n't")
      .replaceAll(" 'm", "'m")
      .replaceAll(" 's", "'s")
      .replaceAll(" 've", "'ve")
      .replaceAll(" 're", "'re");
  }

  idToToken(id: number): string | undefined {
    return this.byId.get(id);
  }

  tokenToId(tok: string): number | undefined {
    return this.vocab.get(tok) ?? this.options.addedTokens.find((t) => t.content === tok)?.id;
  }

  private vocabToken(id: number): string | undefined {
    const tok = this.byId.get(id);
    return tok !== undefined && this.vocab.get(tok) === id ? tok : undefined;
  }
}
