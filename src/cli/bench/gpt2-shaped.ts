/**
 * A forward pass with GPT-2 small's shapes and random weights, built from runtime ops: the
 * benchmark's end-to-end workload. No embeddings and no LM head; the input is a (T, dModel)
 * block of random activations. The same weights drive the tfjs version (tfjs-gpt2.ts).
 */
import { decoderConfig } from '../../models/config.ts';
import { runStack } from '../../models/transformer.ts';
import type { BlockWeights as BlockWeightsOfModel } from '../../models/weights.ts';
import { Tensor, noGrad } from '../../runtime/index.ts';
import { randomValues } from './shapes.ts';

export interface Gpt2ShapedConfig {
  nLayers: number; // 12
  dModel: number; // 768
  nHeads: number; // 12 (dHead = 64)
  dFF: number; // 3072
  T: number; // 32 tokens
}

export const GPT2_SMALL_SHAPED: Gpt2ShapedConfig = { nLayers: 12, dModel: 768, nHeads: 12, dFF: 3072, T: 32 };

/** One block's parameters as flat arrays; matrices in nn.Linear layout (out, in). */
export interface BlockWeights {
  ln1Gamma: Float32Array; ln1Beta: Float32Array;
  wQkv: Float32Array; bQkv: Float32Array; // (3 dModel, dModel), (3 dModel)
  wO: Float32Array; bO: Float32Array; // (dModel, dModel), (dModel)
  ln2Gamma: Float32Array; ln2Beta: Float32Array;
  wUp: Float32Array; bUp: Float32Array; // (dFF, dModel), (dFF)
  wDown: Float32Array; bDown: Float32Array; // (dModel, dFF), (dModel)
}

export interface Gpt2ShapedWeights {
  blocks: BlockWeights[];
  lnFGamma: Float32Array;
  lnFBeta: Float32Array;
  /** The input activations (T, dModel). */
  x: Float32Array;
}

/** Random weights with GPT-2's init scale (std 0.02), so activations stay in a normal range. */
export function randomGpt2Weights(cfg: Gpt2ShapedConfig, seed = 1): Gpt2ShapedWeights {
  let next = seed;
  const uniform = (n: number, std: number): Float32Array => {
    const v = randomValues(n, next++ * 7919);
    const s = std * Math.sqrt(3); // uniform on [-s, s) has standard deviation std
    for (let i = 0; i < n; i++) v[i] *= s;
    return v;
  };
  const ones = (n: number): Float32Array => new Float32Array(n).fill(1);
  const { dModel: d, dFF } = cfg;
  const blocks: BlockWeights[] = [];
  for (let l = 0; l < cfg.nLayers; l++) {
    blocks.push({
      ln1Gamma: ones(d), ln1Beta: new Float32Array(d),
      wQkv: uniform(3 * d * d, 0.02), bQkv: uniform(3 * d, 0.02),
      wO: uniform(d * d, 0.02), bO: uniform(d, 0.02),
      ln2Gamma: ones(d), ln2Beta: new Float32Array(d),
      wUp: uniform(dFF * d, 0.02), bUp: uniform(dFF, 0.02),
      wDown: uniform(d * dFF, 0.02), bDown: uniform(d, 0.02),
    });
  }
  return { blocks, lnFGamma: ones(d), lnFBeta: new Float32Array(d), x: uniform(cfg.T * d, 1) };
}

/**
 * The same weights as the project's own model: a pre-norm GPT-2 decoder config and its block
 * weights (views on the arrays, no copies), built once outside the timed region, so the
 * benchmark times the code the app runs (runStack: blocks, attention, FFN, final norm).
 */
export function toModel(cfg: Gpt2ShapedConfig, w: Gpt2ShapedWeights) {
  const { dModel: d, dFF } = cfg;
  const t = (data: Float32Array, shape: number[]) => new Tensor(data, shape);
  const config = decoderConfig({
    vocabSize: 1, dModel: d, nHeads: cfg.nHeads, nKvHeads: cfg.nHeads, nLayers: cfg.nLayers, dFF,
    maxPositions: cfg.T, activation: 'geluTanh', lmHead: 'none',
  });
  const blocks: BlockWeightsOfModel[] = w.blocks.map((b) => ({
    attnNorm: { weight: t(b.ln1Gamma, [d]), bias: t(b.ln1Beta, [d]) },
    attn: {
      wq: t(b.wQkv.subarray(0, d * d), [d, d]), bq: t(b.bQkv.subarray(0, d), [d]),
      wk: t(b.wQkv.subarray(d * d, 2 * d * d), [d, d]), bk: t(b.bQkv.subarray(d, 2 * d), [d]),
      wv: t(b.wQkv.subarray(2 * d * d), [d, d]), bv: t(b.bQkv.subarray(2 * d), [d]),
      wo: t(b.wO, [d, d]), bo: t(b.bO, [d]),
    },
    ffnNorm: { weight: t(b.ln2Gamma, [d]), bias: t(b.ln2Beta, [d]) },
    ffn: { up: t(b.wUp, [dFF, d]), upBias: t(b.bUp, [dFF]), down: t(b.wDown, [d, dFF]), downBias: t(b.bDown, [d]) },
  }));
  return { config, blocks, finalNorm: { weight: t(w.lnFGamma, [d]), bias: t(w.lnFBeta, [d]) }, x: t(w.x, [cfg.T, d]) };
}

export type RuntimeWeights = ReturnType<typeof toModel>;

/** The forward pass through the model code, tracing off: returns the final layer-normed (T, dModel). */
export function forwardRuntime(cfg: Gpt2ShapedConfig, m: RuntimeWeights): Tensor {
  return noGrad(() => runStack(m.config, m.blocks, m.finalNorm, m.x, 1, cfg.T, {}).hidden);
}

/** Multiply-adds of the forward, counted as 2 flops each (matrix products only). */
export function forwardFlops(cfg: Gpt2ShapedConfig): number {
  const { T, dModel: d, dFF, nLayers } = cfg;
  const perLayer = 2 * T * d * (3 * d) + 2 * T * T * d * 2 + 2 * T * d * d + 2 * 2 * T * d * dFF;
  return perLayer * nLayers;
}
