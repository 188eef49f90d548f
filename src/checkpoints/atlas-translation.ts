/**
 * The project's two toy English -> French translators as files, and back:
 *
 *   config.json        {"model_type": "atlas-translate-rnn" | "atlas-translate-transformer", "config": ...}
 *   model.safetensors  every parameter under its model's own name (Seq2Seq.namedParameters(),
 *                      or the dotted weight-tree paths `encoder.blocks.0.attn.wq`)
 *   vocab-en.txt       the source words, one a line, line number = id
 *   vocab-fr.txt       the target words, likewise
 *
 * Both vocabularies start with the same four specials, so pad, bos, eos and unk have the
 * same ids on both sides. Loading trusts nothing: every problem is a CheckpointError that
 * names the file and what is wrong.
 */
import { defaultSeq2SeqConfig, Seq2Seq, type Seq2SeqConfig } from '../models/seq2seq.ts';
import type { EncoderDecoderModel } from '../models/encoder-decoder.ts';
import { baseConfig, validateConfig, type TransformerConfig } from '../models/config.ts';
import { initTransformer, namedTensors } from '../models/weights.ts';
import { Rng, type Shape, type Tensor } from '../runtime/index.ts';
import type { FileSource } from './bundle.ts';
import { CheckpointError } from './errors.ts';
import { checkShapes, parseSafetensors, serializeSafetensors } from './safetensors.ts';

export const SPECIAL_TOKENS = ['<pad>', '<bos>', '<eos>', '<unk>'] as const;
export const PAD_ID = 0;
export const BOS_ID = 1;
export const EOS_ID = 2;
export const UNK_ID = 3;

/** A word-level vocabulary: SPECIAL_TOKENS, then words; unknown words map to UNK_ID. */
export class WordVocab {
  readonly words: readonly string[];
  private readonly ids: Map<string, number>;

  /** `words` must start with SPECIAL_TOKENS and hold each word once, without whitespace. */
  constructor(words: readonly string[], what = 'vocabulary') {
    SPECIAL_TOKENS.forEach((s, i) => {
      if (words[i] !== s) throw new CheckpointError(`${what}: line ${i + 1} must be ${s}, got ${JSON.stringify(words[i] ?? null)}`);
    });
    const ids = new Map<string, number>();
    words.forEach((w, i) => {
      if (w.length === 0 || /\s/.test(w)) throw new CheckpointError(`${what}: line ${i + 1} ${JSON.stringify(w)} is not a single word`);
      if (ids.has(w)) throw new CheckpointError(`${what}: ${JSON.stringify(w)} appears twice (lines ${(ids.get(w) as number) + 1} and ${i + 1})`);
      ids.set(w, i);
    });
    this.words = [...words];
    this.ids = ids;
  }

  /** Specials first, then the given words in their order. */
  static of(words: readonly string[]): WordVocab {
    return new WordVocab([...SPECIAL_TOKENS, ...words]);
  }

  /** Parses the one-word-a-line text written by toText(). */
  static fromText(text: string, what = 'vocabulary'): WordVocab {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return new WordVocab(lines, what);
  }

  get size(): number {
    return this.words.length;
  }

  has(word: string): boolean {
    return this.ids.has(word);
  }

  /** The id of a word, UNK_ID when it is not in the vocabulary. */
  id(word: string): number {
    return this.ids.get(word) ?? UNK_ID;
  }

  word(id: number): string {
    const w = this.words[id];
    if (w === undefined) throw new RangeError(`vocabulary: id ${id} is outside 0..${this.size - 1}`);
    return w;
  }

  toText(): string {
    return `${this.words.join('\n')}\n`;
  }
}

export interface TranslationVocabs {
  en: WordVocab; // source
  fr: WordVocab; // target
}

/** The encoder-decoder Transformer's two halves; the decoder's blocks have cross-attention. */
export interface TransformerPairConfig {
  encoder: TransformerConfig;
  decoder: TransformerConfig;
}

export interface TranslateRnn {
  kind: 'rnn';
  config: Seq2SeqConfig;
  model: Seq2Seq;
  vocabs: TranslationVocabs;
}

export interface TranslateTransformer {
  kind: 'transformer';
  config: TransformerPairConfig;
  model: EncoderDecoderModel;
  vocabs: TranslationVocabs;
}

export type TranslationModel = TranslateRnn | TranslateTransformer;

const MODEL_TYPES = { rnn: 'atlas-translate-rnn', transformer: 'atlas-translate-transformer' } as const;

/** A fresh GRU + Bahdanau translator; the vocabularies fix both vocabulary sizes and the special ids. */
export function createTranslateRnn(dims: Pick<Seq2SeqConfig, 'dEmb' | 'dEnc' | 'dDec' | 'dAttn'>, vocabs: TranslationVocabs, seed: number): TranslateRnn {
  const config: Seq2SeqConfig = {
    ...defaultSeq2SeqConfig, ...dims, bidirectional: true, attention: true,
    srcVocab: vocabs.en.size, tgtVocab: vocabs.fr.size, padId: PAD_ID, bosId: BOS_ID, eosId: EOS_ID,
  };
  return { kind: 'rnn', config, model: new Seq2Seq(config, new Rng(seed)), vocabs };
}

/** A fresh encoder-decoder Transformer from a checked config pair. */
export function createTranslateTransformer(config: TransformerPairConfig, vocabs: TranslationVocabs, seed: number): TranslateTransformer {
  checkPair(config, vocabs);
  const rng = new Rng(seed);
  const model: EncoderDecoderModel = {
    encoder: { config: config.encoder, weights: initTransformer(config.encoder, rng) },
    decoder: { config: config.decoder, weights: initTransformer(config.decoder, rng, { crossAttention: true }) },
  };
  return { kind: 'transformer', config, model, vocabs };
}

/** Every trainable tensor under the name model.safetensors stores it by. */
export function translationParameters(m: TranslationModel): Map<string, Tensor> {
  return m.kind === 'rnn' ? m.model.namedParameters() : namedTensors({ encoder: m.model.encoder.weights, decoder: m.model.decoder.weights });
}

/** The four files of a model folder (see the header). */
export function translationModelFiles(m: TranslationModel): Record<string, Uint8Array | string> {
  const config = { model_type: MODEL_TYPES[m.kind], config: m.config, special_tokens: [...SPECIAL_TOKENS] };
  return {
    'config.json': `${JSON.stringify(config, null, 2)}\n`,
    'model.safetensors': serializeSafetensors(translationParameters(m), { metadata: { format: 'pt', trainedBy: 'attention-atlas' } }),
    'vocab-en.txt': m.vocabs.en.toText(),
    'vocab-fr.txt': m.vocabs.fr.toText(),
  };
}

/** Reads and checks a model folder written by translationModelFiles; the model is ready to translate. */
export async function loadTranslationModel(read: FileSource): Promise<TranslationModel> {
  const need = async (name: string): Promise<Uint8Array> => {
    const bytes = await read(name);
    if (!bytes) throw new CheckpointError(`translation model: no ${name}`);
    return bytes;
  };
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  let json: unknown;
  try {
    json = JSON.parse(text(await need('config.json')));
  } catch (e) {
    if (e instanceof CheckpointError) throw e;
    throw new CheckpointError(`config.json is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(json)) throw new CheckpointError('config.json must be an object');
  const type = json.model_type;
  if (type !== MODEL_TYPES.rnn && type !== MODEL_TYPES.transformer) {
    throw new CheckpointError(`config.json: model_type must be "${MODEL_TYPES.rnn}" or "${MODEL_TYPES.transformer}", got ${JSON.stringify(type ?? null)}`);
  }
  const vocabs = {
    en: WordVocab.fromText(text(await need('vocab-en.txt')), 'vocab-en.txt'),
    fr: WordVocab.fromText(text(await need('vocab-fr.txt')), 'vocab-fr.txt'),
  };
  const m = type === MODEL_TYPES.rnn ? rnnFromConfig(json.config, vocabs) : transformerFromConfig(json.config, vocabs);
  const file = parseSafetensors(await need('model.safetensors'));
  const params = translationParameters(m);
  const expected = new Map<string, Shape>([...params].map(([k, t]) => [k, t.shape]));
  checkShapes(file.tensors, expected);
  for (const [name, t] of params) t.data.set((file.tensors.get(name) as Tensor).data);
  return m;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks that `raw` has every key of `shape` with a value of the same JSON type. */
function checkFields<T extends object>(raw: unknown, shape: T, where: string): T {
  if (!isObject(raw)) throw new CheckpointError(`${where} must be an object`);
  for (const [key, v] of Object.entries(shape)) {
    if (!(key in raw)) throw new CheckpointError(`${where}: missing "${key}"`);
    if (typeof raw[key] !== typeof v) throw new CheckpointError(`${where}.${key} must be a ${typeof v}, got ${JSON.stringify(raw[key])}`);
  }
  return { ...shape, ...(raw as Partial<T>) };
}

function rnnFromConfig(raw: unknown, vocabs: TranslationVocabs): TranslateRnn {
  const c = checkFields(raw, defaultSeq2SeqConfig, 'config.json: config');
  for (const key of ['dEmb', 'dEnc', 'dDec', 'dAttn'] as const) {
    if (!Number.isInteger(c[key]) || c[key] < 1) throw new CheckpointError(`config.json: config.${key} must be a positive integer, got ${c[key]}`);
  }
  if (!c.attention) throw new CheckpointError('config.json: a translator needs attention: true');
  checkVocabFit(c.srcVocab, c.tgtVocab, c, vocabs);
  return { kind: 'rnn', config: c, model: new Seq2Seq(c, new Rng(0)), vocabs };
}

/** The string fields of TransformerConfig and the values the forward pass knows. */
const CHOICES = {
  positions: ['learned', 'sinusoidal', 'rotary', 'none'],
  norm: ['layer', 'rms'],
  activation: ['gelu', 'geluTanh', 'relu', 'swiglu'],
  lmHead: ['none', 'tied', 'separate'],
} as const satisfies Partial<Record<keyof TransformerConfig, readonly string[]>>;

function transformerFromConfig(raw: unknown, vocabs: TranslationVocabs): TranslateTransformer {
  if (!isObject(raw)) throw new CheckpointError('config.json: config must be an object with encoder and decoder');
  const half = (name: 'encoder' | 'decoder'): TransformerConfig => {
    const c = checkFields(raw[name], baseConfig, `config.json: config.${name}`);
    for (const [key, allowed] of Object.entries(CHOICES) as [keyof typeof CHOICES, readonly string[]][]) {
      if (!allowed.includes(c[key])) throw new CheckpointError(`config.json: config.${name}.${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(c[key])}`);
    }
    try {
      return validateConfig(c);
    } catch (e) {
      throw new CheckpointError(`config.json: config.${name}: ${(e as Error).message}`);
    }
  };
  return createTranslateTransformer({ encoder: half('encoder'), decoder: half('decoder') }, vocabs, 0);
}

/** What encoderDecoderForward and the decode loop assume of the two halves. */
function checkPair(c: TransformerPairConfig, vocabs: TranslationVocabs): void {
  const fail = (msg: string): never => {
    throw new CheckpointError(`translator config: ${msg}`);
  };
  if (c.encoder.causal) fail('the encoder must not be causal');
  if (c.encoder.lmHead !== 'none') fail('the encoder has no LM head (lmHead "none")');
  if (!c.decoder.causal) fail('the decoder must be causal');
  if (c.decoder.lmHead === 'none') fail('the decoder needs an LM head');
  if (c.encoder.dModel !== c.decoder.dModel) fail(`encoder dModel ${c.encoder.dModel} differs from decoder dModel ${c.decoder.dModel}`);
  checkVocabFit(c.encoder.vocabSize, c.decoder.vocabSize, { padId: PAD_ID, bosId: BOS_ID, eosId: EOS_ID }, vocabs);
}

function checkVocabFit(src: number, tgt: number, ids: Pick<Seq2SeqConfig, 'padId' | 'bosId' | 'eosId'>, vocabs: TranslationVocabs): void {
  if (src !== vocabs.en.size) throw new CheckpointError(`config.json: source vocabulary ${src} but vocab-en.txt has ${vocabs.en.size} words`);
  if (tgt !== vocabs.fr.size) throw new CheckpointError(`config.json: target vocabulary ${tgt} but vocab-fr.txt has ${vocabs.fr.size} words`);
  if (ids.padId !== PAD_ID || ids.bosId !== BOS_ID || ids.eosId !== EOS_ID) {
    throw new CheckpointError(`config.json: pad, bos, eos ids must be ${PAD_ID}, ${BOS_ID}, ${EOS_ID} (the vocabularies' specials)`);
  }
}
