/**
 * The residual stream of a traced Transformer: its length (Euclidean norm) per token after
 * every sub-layer, what one sub-layer adds to it, and the LayerNorm around each sub-layer in
 * whichever placement the model's config says (pre-norm: x + f(LN(x)); post-norm: LN(x + f(x))).
 */
import { applyNorm } from '../../../src/models/block.ts';
import type { LayerTrace } from '../../../src/models/block.ts';
import type { TransformerConfig } from '../../../src/models/config.ts';
import type { TransformerModel, TransformerTrace } from '../../../src/models/transformer.ts';
import type { NormWeights } from '../../../src/models/weights.ts';
import { add, noGrad, type Tensor } from '../../../src/runtime/index.ts';

/** Euclidean length of a vector. */
export function vectorNorm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** The norm of every row of a (T, d) tensor. */
export function rowNorms(t: Tensor): number[] {
  const [T] = t.shape;
  return Array.from({ length: T }, (_, i) => vectorNorm(t.row(i)));
}

export type SubLayer = 'attention' | 'cross' | 'ffn';

export interface Stage {
  label: string; // "embeddings", "layer 1 attention", ...
  short: string; // a column header: "emb", "L1 attn"
  stream: Tensor; // (T, d) the residual stream at this point
}

/**
 * The residual stream after the embeddings and after each sub-layer of each block, in order.
 * The width never changes (dModel); only the vectors' lengths do.
 */
export function residualStages(trace: TransformerTrace): Stage[] {
  const stages: Stage[] = [{ label: 'embeddings', short: 'emb', stream: trace.embeddings }];
  trace.layers.forEach((l, k) => {
    const n = k + 1;
    stages.push({ label: `layer ${n} after self-attention`, short: `L${n} attn`, stream: l.afterAttention });
    if (l.afterCross) stages.push({ label: `layer ${n} after cross-attention`, short: `L${n} cross`, stream: l.afterCross });
    stages.push({ label: `layer ${n} after feed-forward`, short: `L${n} FFN`, stream: l.output });
  });
  return stages;
}

/** norms[t][s]: the norm of token t's residual vector at stage s. */
export function residualNormTable(stages: readonly Stage[]): number[][] {
  const perStage = stages.map((s) => rowNorms(s.stream));
  const T = perStage[0]?.length ?? 0;
  return Array.from({ length: T }, (_, t) => perStage.map((col) => col[t]));
}

/** The stream entering a sub-layer and the stream it leaves behind. */
function streamAround(l: LayerTrace, which: SubLayer): { before: Tensor; after: Tensor; out: Tensor } {
  if (which === 'attention') return { before: l.input, after: l.afterAttention, out: l.attention };
  if (which === 'cross') {
    if (!l.cross || !l.afterCross) throw new Error('this layer has no cross-attention');
    return { before: l.afterAttention, after: l.afterCross, out: l.cross };
  }
  return { before: l.afterCross ?? l.afterAttention, after: l.output, out: l.ffn };
}

/** The LayerNorm weights in front of (pre-norm) or after (post-norm) one sub-layer. */
export function normWeightsOf(model: TransformerModel, layer: number, which: SubLayer): NormWeights {
  const w = model.weights.blocks[layer];
  if (!w) throw new RangeError(`layer ${layer} is outside 0..${model.weights.blocks.length - 1}`);
  const n = which === 'attention' ? w.attnNorm : which === 'cross' ? w.crossNorm : w.ffnNorm;
  if (!n) throw new Error('this layer has no cross-attention norm');
  return n;
}

export interface ResidualStep {
  before: Tensor; // (T, d) the stream entering the sub-layer
  normIn: Tensor; // what the LayerNorm reads: before (pre-norm) or before + out (post-norm)
  normOut: Tensor; // what the LayerNorm gives back
  out: Tensor; // the sub-layer's output f(...), what is added to the stream
  after: Tensor; // (T, d) the stream leaving: before + out (pre-norm) or LN(before + out) (post-norm)
}

/**
 * One sub-layer with its residual and its LayerNorm, in the model's own placement. The norm's
 * input and output are recomputed from the block's weights (the trace keeps only some of them).
 */
export function residualStep(model: TransformerModel, trace: TransformerTrace, layer: number, which: SubLayer): ResidualStep {
  const l = trace.layers[layer];
  if (!l) throw new RangeError(`layer ${layer} is outside 0..${trace.layers.length - 1}`);
  const { before, after, out } = streamAround(l, which);
  const cfg: TransformerConfig = model.config;
  const w = normWeightsOf(model, layer, which);
  return noGrad(() => {
    const normIn = cfg.preNorm ? before : add(before, out);
    return { before, normIn, normOut: applyNorm(cfg, normIn, w), out, after };
  });
}

export interface LayerNormParts {
  mean: number;
  std: number; // sqrt(biased variance + eps), what LayerNorm divides by
  standardized: Float32Array; // (x - mean) / std: mean 0, variance ~1
  output: Float32Array; // gamma * standardized + beta
}

/** LayerNorm of one vector taken apart: the statistics, the standardized vector, the affine output. */
export function layerNormParts(x: ArrayLike<number>, w: NormWeights, eps: number): LayerNormParts {
  const D = x.length;
  let mean = 0;
  for (let i = 0; i < D; i++) mean += x[i];
  mean /= D;
  let v = 0;
  for (let i = 0; i < D; i++) v += (x[i] - mean) ** 2;
  const std = Math.sqrt(v / D + eps);
  const standardized = new Float32Array(D);
  const output = new Float32Array(D);
  for (let i = 0; i < D; i++) {
    standardized[i] = (x[i] - mean) / std;
    output[i] = standardized[i] * w.weight.data[i] + (w.bias ? w.bias.data[i] : 0);
  }
  return { mean, std, standardized, output };
}

/** Mean and standard deviation (biased) of a vector, for the read-outs beside the bars. */
export function meanStd(v: ArrayLike<number>): { mean: number; std: number } {
  let mean = 0;
  for (let i = 0; i < v.length; i++) mean += v[i];
  mean /= v.length;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] - mean) ** 2;
  return { mean, std: Math.sqrt(s / v.length) };
}

