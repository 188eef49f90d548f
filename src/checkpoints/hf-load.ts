/**
 * Loads a checkpoint in Hugging Face format (config.json + model.safetensors) into a
 * runnable model. Takes bytes and text, not paths, so it works in the page and in Node.
 */
import type { TransformerModel } from '../models/transformer.ts';
import type { VitModel } from '../models/vit.ts';
import { familyOf, textConfigFromHf, vitConfigFromHf, ConfigError, type Family, type HfConfig } from './hf-config.ts';
import { gpt2Weights, llamaWeights, bertWeights, vitWeights } from './hf-weights.ts';
import { parseSafetensors } from './safetensors.ts';

export type LoadedModel =
  | { family: Exclude<Family, 'vit'>; kind: 'text'; model: TransformerModel; hfConfig: HfConfig }
  | { family: 'vit'; kind: 'vision'; model: VitModel; hfConfig: HfConfig };

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

/** Builds the model described by config.json from the tensors in model.safetensors. */
export function loadHfModel(configText: string, safetensors: Uint8Array): LoadedModel {
  const hfConfig = parseHfConfig(configText);
  const family = familyOf(hfConfig);
  const { tensors } = parseSafetensors(safetensors);
  if (family === 'vit') {
    const config = vitConfigFromHf(hfConfig);
    return { family, kind: 'vision', model: { config, weights: vitWeights(config, tensors) }, hfConfig };
  }
  const config = textConfigFromHf(hfConfig);
  if (family === 'gpt2') return { family, kind: 'text', model: { config, weights: gpt2Weights(config, tensors) }, hfConfig };
  if (family === 'llama') return { family, kind: 'text', model: { config, weights: llamaWeights(config, tensors) }, hfConfig };
  const { weights, hasMlmHead } = bertWeights(config, tensors);
  const bertConfig = hasMlmHead ? config : { ...config, lmHead: 'none' as const, mlmTransform: false };
  return { family, kind: 'text', model: { config: bertConfig, weights }, hfConfig };
}
