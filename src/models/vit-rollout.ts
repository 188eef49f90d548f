/**
 * Attention rollout (Abnar & Zuidema 2020): how much each input token flows into each
 * position through all layers, counting the residual path. Each layer's attention is
 * averaged over heads and mixed half-and-half with the identity (the residual), rows are
 * renormalised, and the layers are multiplied from the first up. The CLS row of the result
 * is the "where did the ViT look" map the lesson draws over the digit.
 */
import { Tensor } from '../runtime/index.ts';
import type { LayerTrace } from './block.ts';

/**
 * Rollout over traced layers: (T, T), row t says how much of position t's final state
 * comes from each input token. Rows sum to 1. Reads values only; builds no autograd graph.
 */
export function attentionRollout(layers: readonly LayerTrace[]): Tensor {
  if (layers.length === 0) throw new Error('attentionRollout: no traced layers (run the forward pass with trace: true)');
  const T = layers[0].heads[0].weights.shape[0];
  let rollout = identity(T);
  for (const layer of layers) {
    const a = residualMix(layer, T); // (T, T)
    rollout = matmulSquare(a, rollout, T); // later layers act on what earlier ones gathered
  }
  return new Tensor(Float32Array.from(rollout), [T, T]);
}

/**
 * The CLS row of the rollout over the patches only (CLS's own share dropped), renormalised
 * to sum to 1, in patch reading order: a (grid x grid) map once reshaped.
 */
export function clsRolloutMap(layers: readonly LayerTrace[]): Float32Array {
  const r = attentionRollout(layers);
  const T = r.shape[0];
  const map = r.data.slice(1, T); // row 0, columns 1..T-1
  const total = map.reduce((s, v) => s + v, 0);
  return total > 0 ? map.map((v) => v / total) : map;
}

/** 0.5 * mean over heads of the attention weights + 0.5 * I, rows renormalised. */
function residualMix(layer: LayerTrace, T: number): Float64Array {
  const out = new Float64Array(T * T);
  const H = layer.heads.length;
  for (const head of layer.heads) {
    const w = head.weights.data; // (T, T)
    for (let i = 0; i < T * T; i++) out[i] += (0.5 * w[i]) / H;
  }
  for (let t = 0; t < T; t++) out[t * T + t] += 0.5;
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let j = 0; j < T; j++) s += out[t * T + j];
    for (let j = 0; j < T; j++) out[t * T + j] /= s;
  }
  return out;
}

function identity(T: number): Float64Array {
  const m = new Float64Array(T * T);
  for (let t = 0; t < T; t++) m[t * T + t] = 1;
  return m;
}

/** a @ b for (T, T) matrices stored flat. */
function matmulSquare(a: Float64Array, b: Float64Array, T: number): Float64Array {
  const out = new Float64Array(T * T);
  for (let i = 0; i < T; i++) {
    for (let k = 0; k < T; k++) {
      const aik = a[i * T + k];
      if (aik === 0) continue;
      for (let j = 0; j < T; j++) out[i * T + j] += aik * b[k * T + j];
    }
  }
  return out;
}
