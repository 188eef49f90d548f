/**
 * GPT-2's byte-level BPE: each pre-token's bytes start as single symbols and the adjacent pair
 * with the best (lowest) merge rank is merged, again and again, as in GPT-2's encoder.py.
 */
import { alignedIdentity, prependUnaligned } from './aligned.ts';
import { splitOnAddedTokens } from './added-tokens.ts';
import type { AddedToken } from './added-tokens.ts';
import { byteLevelDecode, byteLevelPieces } from './byte-level.ts';
import type { BytePiece } from './byte-level.ts';
import { applyTemplate } from './template.ts';
import type { TemplateItem } from './template.ts';
import { skippableIds } from './types.ts';
import type { DecodeOptions, EncodeOptions, SpecialIds, Token, Tokenizer } from './types.ts';

export interface ByteLevelBpeConfig {
  vocab: ReadonlyMap<string, number>;
  /** Merge rules, best first: the index is the rank. */
  merges: ReadonlyArray<readonly [string, string]>;
  addedTokens?: AddedToken[];
  addPrefixSpace?: boolean; // false for GPT-2: "Hello" and " Hello" differ
  useRegex?: boolean; // true: split with GPT-2's regex before BPE
  splitRegex?: RegExp | null; // null; Llama 3: its Split pre-tokenizer's pattern, applied first
  trimOffsets?: boolean; // false for GPT-2: "Ġcat" spans the space too
  ignoreMerges?: boolean; // false; true (Llama 3): a pre-token in the vocab is taken whole
  template?: TemplateItem[]; // ['sequence']: GPT-2 adds nothing
  unkToken?: string | null; // null: byte-level needs none
  specialIds?: SpecialIds; // default: <|endoftext|> as bos/eos, the template's tokens
}

const pairKey = (a: string, b: string): string => `${a.length}:${a}${b}`;

export class ByteLevelBpeTokenizer implements Tokenizer {
  readonly kind = 'byte-level-bpe';
  readonly vocabSize: number;
  readonly specialIds: SpecialIds;
  private readonly vocab: ReadonlyMap<string, number>;
  private readonly byId = new Map<number, string>();
  private readonly ranks = new Map<string, number>();
  private readonly cache = new Map<string, string[]>();
  private readonly cfg: Required<Omit<ByteLevelBpeConfig, 'specialIds' | 'unkToken'>> & { unkToken: string | null };

  constructor(cfg: ByteLevelBpeConfig) {
    this.vocab = cfg.vocab;
    this.cfg = {
      vocab: cfg.vocab,
      merges: cfg.merges,
      addedTokens: cfg.addedTokens ?? [],
      addPrefixSpace: cfg.addPrefixSpace ?? false,
      useRegex: cfg.useRegex ?? true,
      splitRegex: cfg.splitRegex ?? null,
      trimOffsets: cfg.trimOffsets ?? false,
      ignoreMerges: cfg.ignoreMerges ?? false,
      template: cfg.template ?? ['sequence'],
      unkToken: cfg.unkToken ?? null,
    };
    cfg.merges.forEach(([a, b], rank) => {
      const key = pairKey(a, b);
      if (!this.ranks.has(key)) this.ranks.set(key, rank);
    });
    for (const [tok, id] of cfg.vocab) this.byId.set(id, tok);
    for (const t of this.cfg.addedTokens) if (!this.byId.has(t.id)) this.byId.set(t.id, t.content);
    let maxId = -1;
    for (const id of this.byId.keys()) maxId = Math.max(maxId, id);
    this.vocabSize = maxId + 1;
    this.specialIds = cfg.specialIds ?? this.defaultSpecialIds();
  }

  private defaultSpecialIds(): SpecialIds {
    const ids: SpecialIds = {};
    const eot = this.tokenToId('<|endoftext|>') ?? this.tokenToId('<|end_of_text|>'); // GPT-2, Llama 3
    if (eot !== undefined) ids.bos = ids.eos = eot;
    const seq = this.cfg.template.indexOf('sequence');
    const before = this.cfg.template.slice(0, seq).filter((t) => t !== 'sequence');
    const after = this.cfg.template.slice(seq + 1).filter((t) => t !== 'sequence');
    if (before.length > 0) ids.bos = before[0].id;
    if (after.length > 0) ids.eos = after[after.length - 1].id;
    if (this.cfg.unkToken !== null) ids.unk = this.vocab.get(this.cfg.unkToken);
    return ids;
  }

  /**
   * Byte-level BPE tokens with spans into `text`. A token holding only some bytes of a
   * character (half an emoji) carries that whole character's span.
   */
  encode(text: string, opts: EncodeOptions = {}): Token[] {
    const tokens: Token[] = [];
    for (const seg of splitOnAddedTokens(text, this.cfg.addedTokens)) {
      if (seg.added) {
        tokens.push({ text: seg.added.content, id: seg.added.id, start: seg.start, end: seg.end });
        continue;
      }
      let a = alignedIdentity(text.slice(seg.start, seg.end), seg.start);
      // The prefix space stands for no input character: a zero-width span where the text begins.
      if (this.cfg.addPrefixSpace && !a.text.startsWith(' ')) a = prependUnaligned(a, ' ', seg.start);
      for (const piece of byteLevelPieces(a, this.cfg.useRegex, this.cfg.splitRegex)) this.encodePiece(piece, tokens);
    }
    return opts.addSpecialTokens === false ? tokens : applyTemplate(this.cfg.template, tokens);
  }

  private encodePiece(piece: BytePiece, out: Token[]): void {
    let b = 0; // byte index in the piece; each stand-in char is one byte and one UTF-16 unit
    for (const part of this.bpe(piece.chars)) {
      const from = b;
      const to = b + part.length;
      b = to;
      let id = this.vocab.get(part);
      let unknown = false;
      if (id === undefined) {
        const unk = this.cfg.unkToken === null ? undefined : this.vocab.get(this.cfg.unkToken);
        if (unk === undefined) throw new Error(`byte-level BPE: ${JSON.stringify(part)} is not in the vocab`);
        id = unk;
        unknown = true;
      }
      let lo = from;
      let hi = to;
      if (this.cfg.trimOffsets) {
        // Leave the token's leading/trailing spaces ("Ġ") out of its span, as HF's ByteLevel does.
        while (lo < hi && piece.chars[lo] === 'Ġ') lo++;
        while (hi > lo && piece.chars[hi - 1] === 'Ġ') hi--;
      }
      const start = lo < hi ? piece.starts[lo] : piece.ends[to - 1];
      const end = lo < hi ? piece.ends[hi - 1] : start;
      const text = unknown ? (this.cfg.unkToken as string) : part;
      out.push(unknown ? { text, id, start, end, unknown } : { text, id, start, end });
    }
  }

  /** The BPE symbols of one pre-token (a byte-level string), cached by pre-token. */
  bpe(word: string): string[] {
    const hit = this.cache.get(word);
    if (hit) return hit;
    let parts = Array.from(word);
    if (!(this.cfg.ignoreMerges && this.vocab.has(word))) {
      while (parts.length > 1) {
        let best = Infinity;
        let first = '';
        let second = '';
        for (let i = 0; i + 1 < parts.length; i++) {
          const rank = this.ranks.get(pairKey(parts[i], parts[i + 1]));
          if (rank !== undefined && rank < best) [best, first, second] = [rank, parts[i], parts[i + 1]];
        }
        if (best === Infinity) break;
        // Merge every occurrence of the best pair, left to right (encoder.py's loop).
        const merged: string[] = [];
        for (let i = 0; i < parts.length; i++) {
          if (i + 1 < parts.length && parts[i] === first && parts[i + 1] === second) {
            merged.push(first + second);
            i++;
          } else merged.push(parts[i]);
        }
        parts = merged;
      }
    } else parts = [word];
    if (this.cache.size > 10_000) this.cache.clear(); // bounded: long sessions see many words
    this.cache.set(word, parts);
    return parts;
  }

  /** Bytes of the tokens back to text; decode(encode(s)) === s for any well-formed string. */
  decode(ids: readonly number[], opts: DecodeOptions = {}): string {
    const skip = opts.skipSpecialTokens === false ? new Set<number>() : skippableIds(this.specialIds);
    const toks = ids.filter((id) => !skip.has(id)).map((id) => this.byId.get(id) ?? '');
    return byteLevelDecode(toks);
  }

  idToToken(id: number): string | undefined {
    return this.byId.get(id);
  }

  tokenToId(tok: string): number | undefined {
    return this.vocab.get(tok) ?? this.cfg.addedTokens.find((t) => t.content === tok)?.id;
  }
}
