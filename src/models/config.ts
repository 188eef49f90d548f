/**
 * One config object describes every Transformer the project runs: BERT-like encoders,
 * GPT-like decoders, Llama, the encoder and decoder halves of the translator, and the ViT
 * trunk. Names follow the math (dModel, nHeads, dHead = dModel / nHeads).
 */
export type NormKind = 'layer' | 'rms';
export type Activation = 'gelu' | 'geluTanh' | 'relu' | 'swiglu';
export type PositionKind = 'learned' | 'sinusoidal' | 'rotary' | 'none';

export interface TransformerConfig {
  vocabSize: number; // token table rows (0 for ViT, which embeds patches instead)
  dModel: number; // width of the residual stream
  nHeads: number; // query heads per layer
  nKvHeads: number; // key/value heads; < nHeads is grouped-query attention (Llama 2)
  nLayers: number;
  dFF: number; // hidden width of the feed-forward network
  maxPositions: number; // longest sequence the position table or cache covers
  positions: PositionKind;
  ropeTheta: number; // rotary base (10000 in RoFormer and Llama)
  norm: NormKind;
  normEps: number;
  preNorm: boolean; // true: x + f(norm(x)) (GPT-2, Llama, ViT); false: norm(x + f(x)) (BERT, Vaswani)
  activation: Activation;
  bias: boolean; // biases on the attention and FFN projections (Llama has none)
  causal: boolean; // decoder self-attention: position t sees only positions <= t
  embeddingNorm: boolean; // BERT normalises the summed embeddings
  finalNorm: boolean; // pre-norm stacks end with one more norm
  typeVocabSize: number; // BERT segment embeddings; 0 for none
  lmHead: 'none' | 'tied' | 'separate'; // logits from the token table (tied) or their own matrix
  mlmTransform: boolean; // BERT's dense + activation + norm before the tied decoder
  dropout: number; // training only
}

/** Defaults shared by the presets below; every field can be overridden. */
export const baseConfig: TransformerConfig = {
  vocabSize: 0,
  dModel: 64,
  nHeads: 4,
  nKvHeads: 4,
  nLayers: 2,
  dFF: 256,
  maxPositions: 64,
  positions: 'learned',
  ropeTheta: 10000,
  norm: 'layer',
  normEps: 1e-5,
  preNorm: true,
  activation: 'gelu',
  bias: true,
  causal: false,
  embeddingNorm: false,
  finalNorm: true,
  typeVocabSize: 0,
  lmHead: 'none',
  mlmTransform: false,
  dropout: 0,
};

/** A BERT-style encoder (post-norm, embedding norm, masked-LM head tied to the token table). */
export function encoderConfig(over: Partial<TransformerConfig>): TransformerConfig {
  return validateConfig({ ...baseConfig, preNorm: false, embeddingNorm: true, finalNorm: false, lmHead: 'tied', mlmTransform: true, normEps: 1e-12, ...over });
}

/** A GPT-style decoder (pre-norm, causal, final norm, tied LM head). */
export function decoderConfig(over: Partial<TransformerConfig>): TransformerConfig {
  return validateConfig({ ...baseConfig, causal: true, lmHead: 'tied', ...over });
}

/** Throws a readable error for configs no forward pass could run. */
export function validateConfig(cfg: TransformerConfig): TransformerConfig {
  const fail = (msg: string): never => {
    throw new Error(`config: ${msg}`);
  };
  for (const key of ['dModel', 'nHeads', 'nKvHeads', 'nLayers', 'dFF', 'maxPositions'] as const) {
    if (!Number.isInteger(cfg[key]) || cfg[key] < 0) fail(`${key} must be a non-negative integer, got ${cfg[key]}`);
  }
  if (cfg.nHeads < 1 || cfg.dModel % cfg.nHeads !== 0) fail(`dModel ${cfg.dModel} is not divisible into ${cfg.nHeads} heads`);
  if (cfg.nKvHeads < 1 || cfg.nHeads % cfg.nKvHeads !== 0) fail(`${cfg.nHeads} query heads cannot share ${cfg.nKvHeads} key/value heads`);
  if (cfg.positions === 'rotary' && (cfg.dModel / cfg.nHeads) % 2 !== 0) fail('rotary positions need an even head size');
  if (cfg.lmHead !== 'none' && cfg.vocabSize < 1) fail('an LM head needs vocabSize >= 1');
  if (!(cfg.dropout >= 0 && cfg.dropout < 1)) fail(`dropout must be in [0, 1), got ${cfg.dropout}`);
  return cfg;
}

export function headSize(cfg: TransformerConfig): number {
  return cfg.dModel / cfg.nHeads;
}
