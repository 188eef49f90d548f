/**
 * A model folder as the app and the CLI use it: config.json + model.safetensors, a
 * tokenizer (tokenizer.json, vocab.txt or a llama2.c tokenizer .bin) and optional card.json
 * metadata (which head resolves coreference, what each head does). Files are read through
 * a callback so the same code serves fetch() in the page and the file system in Node.
 */
import type { TransformerModel } from '../models/transformer.ts';
import type { VitModel } from '../models/vit.ts';
import { loadHfTokenizer, Llama2cTokenizer, WordPieceTokenizer, type Tokenizer } from '../tokenizers/index.ts';
import { CheckpointError } from './errors.ts';
import { loadHfModel } from './hf-load.ts';

/** Reads one file of the folder; resolves null when the file does not exist. */
export type FileSource = (name: string) => Promise<Uint8Array | null>;

/** What card.json may tell the app about a model, beyond its architecture. */
export interface ModelMeta {
  /** A head the card shows resolving pronouns (its `coreferenceHead` when it meets the bar). */
  coreferenceHead?: [number, number];
  /** The card's `coreferenceHead` when its own measurement says it does not meet the bar. */
  bestPronounHead?: [number, number];
  heads?: Array<{ layer: number; head: number; role: string; evidence?: string }>;
  description?: string;
}

interface BundleBase {
  id: string;
  architecture: string; // e.g. LlamaForCausalLM, GPT2LMHeadModel
  family: string;
  meta: ModelMeta;
}

export type ModelBundle =
  | (BundleBase & { kind: 'text'; model: TransformerModel; tokenizer: Tokenizer | null; languageModel: boolean })
  | (BundleBase & { kind: 'vision'; model: VitModel });

/** Tokenizer files in order of preference. */
const TOKENIZER_FILES = ['tokenizer.json', 'vocab.txt', 'tokenizer.bin', 'tok512.bin'] as const;

async function readTokenizer(read: FileSource): Promise<Tokenizer | null> {
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  for (const name of TOKENIZER_FILES) {
    const bytes = await read(name);
    if (!bytes) continue;
    if (name === 'tokenizer.json') return loadHfTokenizer(text(bytes));
    if (name === 'vocab.txt') return WordPieceTokenizer.fromVocabTxt(text(bytes));
    return Llama2cTokenizer.fromBytes(bytes);
  }
  return null;
}

function parseMeta(bytes: Uint8Array | null): ModelMeta {
  if (!bytes) return {};
  let card: unknown;
  try {
    card = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new CheckpointError(`card.json is not valid JSON: ${(e as Error).message}`);
  }
  const c = (card ?? {}) as Record<string, unknown>;
  const meta: ModelMeta = {};
  const coref = c.coreferenceHead;
  if (coref !== undefined) {
    if (!Array.isArray(coref) || coref.length !== 2 || !coref.every((n) => Number.isInteger(n) && n >= 0)) {
      throw new CheckpointError('card.json: coreferenceHead must be [layer, head]');
    }
    // A card that measured its named head below the bar says so (evaluation.public.meetsBar):
    // the app must not present that head as one that resolves pronouns.
    const meetsBar = (c.evaluation as { public?: { meetsBar?: unknown } } | undefined)?.public?.meetsBar;
    if (meetsBar === false) meta.bestPronounHead = [coref[0], coref[1]];
    else meta.coreferenceHead = [coref[0], coref[1]];
  }
  if (Array.isArray(c.heads)) meta.heads = c.heads as ModelMeta['heads'];
  if (typeof c.description === 'string') meta.description = c.description;
  return meta;
}

/** Loads and checks a whole model folder. */
export async function loadBundle(id: string, read: FileSource): Promise<ModelBundle> {
  const config = await read('config.json');
  if (!config) throw new CheckpointError(`${id}: no config.json`);
  const weights = await read('model.safetensors');
  if (!weights) throw new CheckpointError(`${id}: no model.safetensors`);
  const loaded = loadHfModel(new TextDecoder().decode(config), weights);
  const meta = parseMeta(await read('card.json'));
  const architecture = Array.isArray(loaded.hfConfig.architectures) ? String(loaded.hfConfig.architectures[0]) : loaded.family;
  if (loaded.kind === 'vision') return { id, architecture, family: loaded.family, meta, kind: 'vision', model: loaded.model };
  const { model } = loaded;
  if (meta.coreferenceHead) {
    const [l, h] = meta.coreferenceHead;
    if (l >= model.config.nLayers || h >= model.config.nHeads) {
      throw new CheckpointError(`card.json: coreferenceHead [${l}, ${h}] is outside ${model.config.nLayers} layers x ${model.config.nHeads} heads`);
    }
  }
  const tokenizer = await readTokenizer(read);
  if (tokenizer && tokenizer.vocabSize > model.config.vocabSize) {
    throw new CheckpointError(`${id}: the tokenizer has ${tokenizer.vocabSize} tokens but the model only ${model.config.vocabSize}`);
  }
  const languageModel = model.config.causal && model.config.lmHead !== 'none';
  return { id, architecture, family: loaded.family, meta, kind: 'text', model, tokenizer, languageModel };
}
