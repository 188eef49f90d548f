/**
 * SentencePiece-style BPE as Llama-family tokenizer.json files describe it: spaces become "▁"
 * and a "▁" goes before the text (normalizer or Metaspace pre-tokenizer), each word starts as
 * one symbol per character, and the adjacent pair with the best merge rank is merged until none
 * is left. A character missing from the vocab falls back to its UTF-8 bytes as <0xNN> tokens.
 */
import { alignedIdentity, prependUnaligned, replaceAligned, sliceAligned } from './aligned.ts';
import type { AlignedText } from './aligned.ts';
import { splitOnAddedTokens } from './added-tokens.ts';
import type { AddedToken } from './added-tokens.ts';
import { runDecoders } from './hf-decoders.ts';
import type { DecoderStep, PrependScheme } from './hf-decoders.ts';
import { applyTemplate } from './template.ts';
import type { TemplateItem } from './template.ts';
import { skippableIds } from './types.ts';
import type { DecodeOptions, EncodeOptions, SpecialIds, Token, Tokenizer } from './types.ts';
import { isWhiteSpace, utf8OfCodePoint } from './unicode.ts';

/** One normalizer of the chain, applied to each run of text between added tokens. */
export type NormalizerStep =
  | { type: 'prepend'; text: string } // Llama 2: "▁" before any non-empty text
  | { type: 'replace'; from: string; to: string } // Llama 2: " " -> "▁"
  | { type: 'strip'; left: boolean; right: boolean }; // drop whitespace at the ends

/** The Metaspace pre-tokenizer (newer Llama / Mistral files use it instead of a normalizer). */
export interface MetaspaceOptions {
  replacement: string; // '▁'
  prependScheme: PrependScheme; // 'first': only before the text's first run
  split: boolean; // true: each "▁" starts a new word
}

export interface SentencePieceBpeConfig {
  vocab: ReadonlyMap<string, number>;
  /** Merge rules, best first: the index is the rank. */
  merges: ReadonlyArray<readonly [string, string]>;
  addedTokens?: AddedToken[];
  normalizer?: NormalizerStep[]; // []: Llama 2's files use [prepend "▁", replace " " -> "▁"]
  metaspace?: MetaspaceOptions | null; // null: no pre-tokenizer, each run is one word
  byteFallback?: boolean; // true: unknown characters become <0xNN> byte tokens
  unkToken?: string | null; // '<unk>'
  fuseUnk?: boolean; // true: consecutive unknown characters make one unk token
  ignoreMerges?: boolean; // false; true: a word in the vocab is taken whole
  template?: TemplateItem[]; // [<s>, 'sequence'] for Llama
  decoder?: DecoderStep[] | null; // null: join tokens with spaces (the HF default)
  specialIds?: SpecialIds; // default: read from the template and the usual token names
}

/** A symbol of a word while merging: its id and the word's units [from, to) it covers. */
interface Sym {
  id: number;
  from: number;
  to: number;
  unknown?: boolean;
}

export class SentencePieceBpeTokenizer implements Tokenizer {
  readonly kind = 'sentencepiece-bpe';
  readonly vocabSize: number;
  readonly specialIds: SpecialIds;
  private readonly vocab: ReadonlyMap<string, number>;
  private readonly byId = new Map<number, string>();
  /** (left id, right id) -> rank and merged id, keyed left * idBase + right. */
  private readonly mergeMap = new Map<number, { rank: number; id: number }>();
  private readonly idBase: number;
  private readonly byteIds: Array<number | undefined>;
  private readonly unkId: number | undefined;
  private readonly cache = new Map<string, Sym[]>();
  private readonly cfg: SentencePieceBpeConfig & { addedTokens: AddedToken[]; template: TemplateItem[] };

  /** @throws if a merge names a token, or makes one, that is not in the vocab */
  constructor(cfg: SentencePieceBpeConfig) {
    this.cfg = { ...cfg, addedTokens: cfg.addedTokens ?? [], template: cfg.template ?? ['sequence'] };
    this.vocab = cfg.vocab;
    for (const [tok, id] of cfg.vocab) this.byId.set(id, tok);
    for (const t of this.cfg.addedTokens) if (!this.byId.has(t.id)) this.byId.set(t.id, t.content);
    let maxId = -1;
    for (const id of this.byId.keys()) maxId = Math.max(maxId, id);
    this.vocabSize = maxId + 1;
    this.idBase = this.vocabSize + 1;
    cfg.merges.forEach(([a, b], rank) => {
      const [ia, ib, im] = [cfg.vocab.get(a), cfg.vocab.get(b), cfg.vocab.get(a + b)];
      if (ia === undefined || ib === undefined || im === undefined) {
        throw new Error(`SentencePiece BPE: merge ${JSON.stringify([a, b])} uses a token that is not in the vocab`);
      }
      const key = ia * this.idBase + ib;
      if (!this.mergeMap.has(key)) this.mergeMap.set(key, { rank, id: im });
    });
    this.byteIds = Array.from({ length: 256 }, (_, b) =>
      cfg.vocab.get(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`),
    );
    this.unkId = cfg.unkToken ? cfg.vocab.get(cfg.unkToken) : undefined;
    this.specialIds = cfg.specialIds ?? this.defaultSpecialIds();
  }

  private defaultSpecialIds(): SpecialIds {
    const ids: SpecialIds = {};
    const find = (...names: string[]): number | undefined =>
      names.map((n) => this.tokenToId(n)).find((id) => id !== undefined);
    const seq = this.cfg.template.indexOf('sequence');
    const before = this.cfg.template.slice(0, seq).filter((t) => t !== 'sequence');
    const after = this.cfg.template.slice(seq + 1).filter((t) => t !== 'sequence');
    const bos = before[0]?.id ?? find('<s>', '<bos>');
    const eos = after[after.length - 1]?.id ?? find('</s>', '<eos>');
    const pad = find('<pad>');
    if (bos !== undefined) ids.bos = bos;
    if (eos !== undefined) ids.eos = eos;
    if (pad !== undefined) ids.pad = pad;
    if (this.unkId !== undefined) ids.unk = this.unkId;
    return ids;
  }

  /**
   * Tokens with spans into `text`. The "▁" put before a run comes from no input character (a
   * zero-width span where the run begins); a "▁" from a space spans that space; the byte tokens
   * of one character each carry the whole character's span. Unknown tokens are flagged.
   */
  encode(text: string, opts: EncodeOptions = {}): Token[] {
    const tokens: Token[] = [];
    for (const seg of splitOnAddedTokens(text, this.cfg.addedTokens)) {
      if (seg.added) {
        tokens.push({ text: seg.added.content, id: seg.added.id, start: seg.start, end: seg.end });
        continue;
      }
      const a = this.normalize(alignedIdentity(text.slice(seg.start, seg.end), seg.start), seg.start);
      for (const word of this.preTokenize(a, seg.start === 0)) this.encodeWord(word, tokens);
    }
    return opts.addSpecialTokens === false ? tokens : applyTemplate(this.cfg.template, tokens);
  }

  private normalize(a: AlignedText, at: number): AlignedText {
    for (const step of this.cfg.normalizer ?? []) {
      if (step.type === 'prepend') {
        if (a.text.length > 0) a = prependUnaligned(a, step.text, a.starts[0] ?? at);
      } else if (step.type === 'replace') {
        a = replaceAligned(a, step.from, step.to);
      } else {
        let i = 0;
        let j = a.text.length;
        if (step.left) while (i < j && isWhiteSpace(a.text[i])) i++;
        if (step.right) while (j > i && isWhiteSpace(a.text[j - 1])) j--;
        a = sliceAligned(a, i, j);
      }
    }
    return a;
  }

  /** Metaspace: spaces to "▁", the prefix "▁", then a word at each "▁" (or the run whole). */
  private preTokenize(a: AlignedText, atTextStart: boolean): AlignedText[] {
    const m = this.cfg.metaspace;
    if (!m) return a.text.length > 0 ? [a] : [];
    a = replaceAligned(a, ' ', m.replacement);
    const prepend = m.prependScheme === 'always' || (m.prependScheme === 'first' && atTextStart);
    if (prepend && a.text.length > 0 && !a.text.startsWith(m.replacement)) {
      a = prependUnaligned(a, m.replacement, a.starts[0]);
    }
    if (!m.split) return a.text.length > 0 ? [a] : [];
    const words: AlignedText[] = [];
    let from = 0;
    for (let i = 1; i <= a.text.length; i++) {
      if (i === a.text.length || a.text.startsWith(m.replacement, i)) {
        if (i > from) words.push(sliceAligned(a, from, i));
        from = i;
      }
    }
    return words;
  }

  private encodeWord(word: AlignedText, out: Token[]): void {
    for (const s of this.bpe(word.text)) {
      const start = word.starts[s.from];
      const end = word.ends[s.to - 1];
      const text = this.byId.get(s.id) as string;
      out.push(s.unknown ? { text, id: s.id, start, end, unknown: true } : { text, id: s.id, start, end });
    }
  }

  /** The symbols of one word: characters (or their bytes), then merged by rank; cached by word. */
  private bpe(word: string): Sym[] {
    const hit = this.cache.get(word);
    if (hit) return hit;
    let syms: Sym[];
    const whole = this.vocab.get(word);
    if (this.cfg.ignoreMerges && whole !== undefined) syms = [{ id: whole, from: 0, to: word.length }];
    else {
      syms = this.initialSymbols(word);
      this.mergeAll(syms);
    }
    if (this.cache.size > 10_000) this.cache.clear(); // bounded: long sessions see many words
    this.cache.set(word, syms);
    return syms;
  }

  private initialSymbols(word: string): Sym[] {
    const syms: Sym[] = [];
    const unks: Sym[] = []; // the unknown run being built (one entry with fuse_unk), emitted before the next symbol
    const push = (s: Sym): void => {
      syms.push(...unks.splice(0), s);
    };
    for (let u = 0; u < word.length; ) {
      const len = (word.codePointAt(u) ?? 0) > 0xffff ? 2 : 1;
      const ch = word.slice(u, u + len);
      const id = this.vocab.get(ch);
      const bytes = id === undefined && this.cfg.byteFallback !== false ? utf8OfCodePoint(ch).map((b) => this.byteIds[b]) : [];
      if (id !== undefined) push({ id, from: u, to: u + len });
      else if (bytes.length > 0 && bytes.every((b) => b !== undefined)) {
        for (const b of bytes) push({ id: b as number, from: u, to: u + len });
      } else if (this.unkId !== undefined) {
        const last = unks[unks.length - 1];
        if (last && this.cfg.fuseUnk) last.to = u + len;
        else unks.push({ id: this.unkId, from: u, to: u + len, unknown: true });
      } else {
        throw new Error(`SentencePiece BPE: ${JSON.stringify(ch)} is not in the vocab and there is no unknown token`);
      }
      u += len;
    }
    syms.push(...unks);
    return syms;
  }

  /**
   * Merges, in place, the adjacent pair with the lowest rank (the leftmost on ties), again and
   * again: the order tokenizers' priority queue gives. Only the pairs beside a merge change.
   */
  private mergeAll(syms: Sym[]): void {
    const pairAt = (i: number) => this.mergeMap.get(syms[i].id * this.idBase + syms[i + 1].id);
    const pairs = syms.slice(0, -1).map((_, i) => pairAt(i));
    for (;;) {
      let best = -1;
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i];
        if (p !== undefined && (best < 0 || p.rank < (pairs[best] as { rank: number }).rank)) best = i;
      }
      if (best < 0) return;
      const merged = pairs[best] as { id: number };
      syms.splice(best, 2, { id: merged.id, from: syms[best].from, to: syms[best + 1].to });
      pairs.splice(best, 1);
      if (best > 0) pairs[best - 1] = pairAt(best - 1);
      if (best < pairs.length) pairs[best] = pairAt(best);
    }
  }

  /** Token strings through the file's decoder chain ("▁" to spaces, bytes to characters). */
  decode(ids: readonly number[], opts: DecodeOptions = {}): string {
    const skip = opts.skipSpecialTokens === false ? new Set<number>() : skippableIds(this.specialIds);
    const toks = ids.filter((id) => !skip.has(id)).map((id) => this.byId.get(id) ?? '');
    return runDecoders(this.cfg.decoder ?? null, toks);
  }

  idToToken(id: number): string | undefined {
    return this.byId.get(id);
  }

  tokenToId(tok: string): number | undefined {
    return this.vocab.get(tok) ?? this.cfg.addedTokens.find((t) => t.content === tok)?.id;
  }
}
