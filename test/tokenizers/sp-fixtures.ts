/**
 * SentencePiece-style tokenizer.json files built at test time: a hand-made Llama-2-like one,
 * and llama2.c's real tok512.bin rewritten the way transformers' LlamaConverter writes one.
 */
import { readFileSync } from 'node:fs';
import { Llama2cTokenizer } from '../../src/tokenizers/llama2c.ts';
import { sharedPath } from '../helpers/shared.ts';

export const BYTE_PIECES = Array.from({ length: 256 }, (_, b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);

/** Llama 2's normalizer (older files): "▁" before the text, spaces to "▁". */
export const LLAMA2_NORMALIZER = {
  type: 'Sequence',
  normalizers: [
    { type: 'Prepend', prepend: '▁' },
    { type: 'Replace', pattern: { String: ' ' }, content: '▁' },
  ],
};

export const LLAMA2_DECODER = {
  type: 'Sequence',
  decoders: [
    { type: 'Replace', pattern: { String: '▁' }, content: ' ' },
    { type: 'ByteFallback' },
    { type: 'Fuse' },
    { type: 'Strip', content: ' ', start: 1, stop: 0 },
  ],
};

const special = (id: number, content: string) => ({
  id,
  content,
  single_word: false,
  lstrip: false,
  rstrip: false,
  normalized: false,
  special: true,
});

/** A Llama-2-format tokenizer.json (legacy normalizer, no pre-tokenizer) from pieces and merges. */
export function llamaJson(pieces: readonly string[], merges: ReadonlyArray<readonly [string, string]>): Record<string, any> {
  const vocab = Object.fromEntries(['<unk>', '<s>', '</s>', ...BYTE_PIECES, ...pieces].map((p, i) => [p, i]));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(0, '<unk>'), special(1, '<s>'), special(2, '</s>')],
    normalizer: structuredClone(LLAMA2_NORMALIZER),
    pre_tokenizer: null,
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
      pair: [],
      special_tokens: { '<s>': { id: '<s>', ids: [1], tokens: ['<s>'] } },
    },
    decoder: structuredClone(LLAMA2_DECODER),
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: '<unk>',
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: true,
      byte_fallback: true,
      vocab,
      merges: merges.map(([a, b]) => `${a} ${b}`),
    },
  };
}

/** The same file in the newer layout: no normalizer, a Metaspace pre-tokenizer. */
export function asMetaspace(json: Record<string, any>, prependScheme: 'first' | 'always' = 'first'): Record<string, any> {
  const j = structuredClone(json);
  j.normalizer = null;
  j.pre_tokenizer = { type: 'Metaspace', replacement: '▁', prepend_scheme: prependScheme, split: false };
  return j;
}

/** A tiny vocab: enough merges to form "▁the", "▁cat", "▁sat" and "he", no emoji. */
export const TINY_PIECES = ['▁', 't', 'h', 'e', 'c', 'a', 's', '▁t', 'he', '▁the', 'at', '▁c', '▁cat', '▁s', '▁sat', 'é'];
export const TINY_MERGES: Array<[string, string]> = [
  ['▁', 't'],
  ['h', 'e'],
  ['▁t', 'he'],
  ['a', 't'],
  ['▁', 'c'],
  ['▁c', 'at'],
  ['▁', 's'],
  ['▁s', 'at'],
];

/** llama2.c's stories260K tokenizer (../shared), and its pieces as transformers would write them. */
export function tok512(): { llama2c: Llama2cTokenizer; json: Record<string, any> } {
  const llama2c = Llama2cTokenizer.fromBytes(
    new Uint8Array(readFileSync(sharedPath('reference-models', 'stories260K', 'tok512.bin'))),
    512,
  );
  // llama2.c's export turned "▁" into " "; SentencePiece pieces have "▁". Ids 3..258 are bytes.
  const pieces: string[] = [];
  const score = new Map<string, number>();
  for (let id = 3 + 256; id < llama2c.vocabSize; id++) {
    const p = (llama2c.idToToken(id) as string).replaceAll(' ', '▁');
    pieces.push(p);
    score.set(p, llama2c.score(id));
  }
  // LlamaConverter's merges: every split of a piece into two pieces, ranked by the piece's score.
  const inVocab = new Set(pieces);
  const merges: Array<[string, string, number]> = [];
  for (const p of pieces) {
    const chars = Array.from(p);
    for (let k = 1; k < chars.length; k++) {
      const [l, r] = [chars.slice(0, k).join(''), chars.slice(k).join('')];
      if (inVocab.has(l) && inVocab.has(r)) merges.push([l, r, score.get(p) as number]);
    }
  }
  merges.sort((x, y) => y[2] - x[2]);
  return { llama2c, json: llamaJson(pieces, merges.map(([l, r]) => [l, r])) };
}
