/**
 * A model folder as the app and the CLI use it: config.json + model.safetensors (or the
 * shards of model.safetensors.index.json), a tokenizer (tokenizer.json, vocab.txt or a
 * llama2.c tokenizer .bin) and optional card.json metadata (which head resolves coreference,
 * what each head does). Files are read through a callback so the same code serves fetch() in
 * the page and the file system in Node.
 */
import type { TransformerModel } from '../models/transformer.ts';
import type { VitModel } from '../models/vit.ts';
import { tokenizerFromFiles, TokenizerFilesError, type Tokenizer } from '../tokenizers/index.ts';
import { parseCoreference, type CorefMeta } from './coref-meta.ts';
import { CheckpointError } from './errors.ts';

export { parseCoreference, type CorefMeta };
import { loadHfCheckpoint } from './hf-load.ts';
import { INDEX_FILE, parseSafetensorsIndex, SINGLE_FILE } from './tensor-source.ts';

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
  /** What the card measured about pronouns (every text model of the course has it). */
  coreference?: CorefMeta;
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

/** The folder's tokenizer (src/tokenizers/from-files.ts picks it from the files there), or null for none. */
async function readTokenizer(id: string, read: FileSource): Promise<Tokenizer | null> {
  try {
    return (await tokenizerFromFiles(read, { optional: true }))?.tokenizer ?? null;
  } catch (e) {
    if (e instanceof TokenizerFilesError) throw new CheckpointError(`${id}: ${e.message}`);
    throw e;
  }
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
    const meetsBar = (c.coreference as { meetsBar?: unknown } | undefined)?.meetsBar
      ?? (c.evaluation as { public?: { meetsBar?: unknown } } | undefined)?.public?.meetsBar;
    if (meetsBar === false) meta.bestPronounHead = [coref[0], coref[1]];
    else meta.coreferenceHead = [coref[0], coref[1]];
  }
  if (Array.isArray(c.heads)) meta.heads = c.heads as ModelMeta['heads'];
  if (typeof c.description === 'string') meta.description = c.description;
  const coreference = parseCoreference(c.coreference);
  if (coreference) meta.coreference = coreference;
  return meta;
}

/** model.safetensors, or the index and every shard it names (a missing shard is named by the loader). */
async function readWeights(id: string, read: FileSource): Promise<{ weights: Map<string, Uint8Array>; index?: string }> {
  const single = await read(SINGLE_FILE);
  if (single) return { weights: new Map([[SINGLE_FILE, single]]) };
  const indexBytes = await read(INDEX_FILE);
  if (!indexBytes) throw new CheckpointError(`${id}: no model.safetensors (nor ${INDEX_FILE})`);
  const index = new TextDecoder().decode(indexBytes);
  const weights = new Map<string, Uint8Array>();
  for (const shard of parseSafetensorsIndex(index).shards) {
    const bytes = await read(shard);
    if (bytes) weights.set(shard, bytes);
  }
  return { weights, index };
}

/** Loads and checks a whole model folder. */
export async function loadBundle(id: string, read: FileSource): Promise<ModelBundle> {
  const config = await read('config.json');
  if (!config) throw new CheckpointError(`${id}: no config.json`);
  const loaded = loadHfCheckpoint({ config: new TextDecoder().decode(config), ...(await readWeights(id, read)) });
  const meta = parseMeta(await read('card.json'));
  const architecture = Array.isArray(loaded.hfConfig.architectures) ? String(loaded.hfConfig.architectures[0]) : loaded.family;
  if (loaded.kind === 'vision') return { id, architecture, family: loaded.family, meta, kind: 'vision', model: loaded.model };
  const { model } = loaded;
  for (const [what, named] of [['coreferenceHead', meta.coreferenceHead], ['coreference.head', meta.coreference?.head]] as const) {
    if (!named) continue;
    const [l, h] = named;
    if (l >= model.config.nLayers || h >= model.config.nHeads) {
      throw new CheckpointError(`card.json: ${what} [${l}, ${h}] is outside ${model.config.nLayers} layers x ${model.config.nHeads} heads`);
    }
  }
  const grid = meta.coreference?.everyHeadMean;
  if (grid && (grid.length !== model.config.nLayers || grid.some((r) => r.length !== model.config.nHeads))) {
    throw new CheckpointError(`card.json: coreference.everyHeadMean is not ${model.config.nLayers} layers x ${model.config.nHeads} heads`);
  }
  const tokenizer = await readTokenizer(id, read);
  if (tokenizer && tokenizer.vocabSize > model.config.vocabSize) {
    throw new CheckpointError(`${id}: the tokenizer has ${tokenizer.vocabSize} tokens but the model only ${model.config.vocabSize}`);
  }
  const languageModel = model.config.causal && model.config.lmHead !== 'none';
  return { id, architecture, family: loaded.family, meta, kind: 'text', model, tokenizer, languageModel };
}
