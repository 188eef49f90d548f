/**
 * Loads a checkpoint in Hugging Face format (config.json + model.safetensors, or the shards of
 * model.safetensors.index.json) into a runnable model. Takes bytes and text, not paths or URLs,
 * so it works in the page and in Node. The same checks run from the headers alone
 * (checkHfHeaders), so a caller that fetched only each file's first bytes can refuse a
 * checkpoint before downloading its weights.
 */
import type { TransformerModel } from '../models/transformer.ts';
import type { VitModel } from '../models/vit.ts';
import { ConfigError, familyOf, type HfConfig } from './hf-config.ts';
import { checkLayout, checkMemory, estimateF32Bytes, planModel, MAX_F32_BYTES, type ModelPlan, type TextFamily } from './hf-layout.ts';
import { bertWeights, distilbertWeights, gpt2Weights, llamaWeights, vitWeights, WeightReader } from './hf-weights.ts';
import type { SafetensorsHeader } from './safetensors.ts';
import { parseSafetensorsIndex, SINGLE_FILE, TensorDirectory, TensorSource } from './tensor-source.ts';

export type LoadedModel =
  | { family: TextFamily; kind: 'text'; model: TransformerModel; hfConfig: HfConfig }
  | { family: 'vit'; kind: 'vision'; model: VitModel; hfConfig: HfConfig };

/** The files of a checkpoint, as bytes and text. */
export interface CheckpointFiles {
  /** config.json text. */
  config: string;
  /** model.safetensors, or every shard the index names, by file name. */
  weights: ReadonlyMap<string, Uint8Array>;
  /** model.safetensors.index.json text, for a sharded checkpoint. */
  index?: string;
}

export interface LoadOptions {
  /** Refuse checkpoints whose F32 weights would take more bytes than this. Default MAX_F32_BYTES. */
  maxF32Bytes?: number;
}

/** What the headers say about a checkpoint before its weights are read. */
export interface HeaderReport {
  plan: ModelPlan;
  /** Bytes of the F32 weights once loaded. */
  f32Bytes: number;
  /** Bytes of the safetensors files, as their headers declare them. */
  fileBytes: number;
}

/** Parses config.json text, rejecting anything that is not a JSON object. */
export function parseHfConfig(text: string): HfConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`config.json is not valid JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError('config.json must hold a JSON object');
  return value as HfConfig;
}

function plan(hfConfig: HfConfig, dir: TensorDirectory, opts: LoadOptions): HeaderReport {
  const p = planModel(hfConfig, new Set(dir.entries.keys()));
  checkLayout(p.layout, dir, p.family);
  const f32Bytes = estimateF32Bytes(p.layout);
  checkMemory(f32Bytes, opts.maxF32Bytes ?? MAX_F32_BYTES);
  return { plan: p, f32Bytes, fileBytes: dir.fileBytes };
}

/**
 * Checks config.json against the safetensors headers alone (readSafetensorsHeaderPrefix on the
 * first bytes of each file): every tensor the family needs is there with the config's shape,
 * none is left unused, and the F32 weights fit under the memory limit. `headers` maps file name
 * to header: model.safetensors, or each shard the index text names.
 */
export function checkHfHeaders(configText: string, headers: ReadonlyMap<string, SafetensorsHeader>, indexText?: string, opts: LoadOptions = {}): HeaderReport {
  const hfConfig = parseHfConfig(configText);
  familyOf(hfConfig); // an unknown model_type is the first thing to say
  const index = indexText === undefined ? undefined : parseSafetensorsIndex(indexText);
  return plan(hfConfig, TensorDirectory.fromHeaders(headers, index), opts);
}

/** Builds the model config.json describes from a checkpoint's files, checking them first. */
export function loadHfCheckpoint(files: CheckpointFiles, opts: LoadOptions = {}): LoadedModel {
  const hfConfig = parseHfConfig(files.config);
  familyOf(hfConfig); // an unknown model_type is the first thing to say
  const source = TensorSource.open(files.weights, files.index);
  const { plan: p } = plan(hfConfig, source.directory, opts);
  const r = new WeightReader(p.layout, source);
  let loaded: LoadedModel;
  if (p.kind === 'vision') loaded = { family: p.family, kind: 'vision', model: { config: p.config, weights: vitWeights(p.config, r) }, hfConfig };
  else {
    const weights = {
      gpt2: () => gpt2Weights(p.config, r),
      llama: () => llamaWeights(p.config, r),
      bert: () => bertWeights(p.config, r, p.layout),
      distilbert: () => distilbertWeights(p.config, r),
    }[p.family]();
    loaded = { family: p.family, kind: 'text', model: { config: p.config, weights }, hfConfig };
  }
  r.finish();
  return loaded;
}

/** Builds the model described by config.json from the tensors in one model.safetensors. */
export function loadHfModel(configText: string, safetensors: Uint8Array, opts: LoadOptions = {}): LoadedModel {
  return loadHfCheckpoint({ config: configText, weights: new Map([[SINGLE_FILE, safetensors]]) }, opts);
}
