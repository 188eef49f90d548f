/**
 * The feed-forward network's hidden layer for one token: how wide it is (dFF, four times
 * dModel in the paper and here), how many of its units fire, and which fire hardest.
 */
import type { BlockWeights } from '../../../src/models/weights.ts';
import type { Tensor } from '../../../src/runtime/index.ts';

export interface FiringSummary {
  width: number; // dFF
  firing: number; // units whose activation is > 0 (pre-activation > 0, for ReLU and GELU alike)
  top: { unit: number; value: number }[]; // the strongest units, largest first
}

/**
 * Units of one row of the activation (T, dFF) that fire. ReLU and GELU are both positive
 * exactly when their input is, so "fires" means the same thing for either activation.
 */
export function firingUnits(activation: Tensor, token: number, k = 12): FiringSummary {
  const row = activation.row(token);
  let firing = 0;
  for (const v of row) if (v > 0) firing++;
  const order = Array.from(row.keys()).sort((a, b) => row[b] - row[a] || a - b);
  return { width: row.length, firing, top: order.slice(0, k).map((unit) => ({ unit, value: row[unit] })) };
}

/** activation[t][unit] for the given units and every token: one column per unit. */
export function unitColumns(activation: Tensor, units: readonly number[]): Float32Array {
  const [T, F] = activation.shape;
  const out = new Float32Array(T * units.length);
  for (let t = 0; t < T; t++) units.forEach((u, j) => (out[t * units.length + j] = activation.data[t * F + u]));
  return out;
}

/** The share of hidden units firing for each token. */
export function firingShares(activation: Tensor): number[] {
  const [T, F] = activation.shape;
  return Array.from({ length: T }, (_, t) => {
    let n = 0;
    for (let u = 0; u < F; u++) if (activation.data[t * F + u] > 0) n++;
    return n / F;
  });
}

/** Parameter counts of one block by part, from the tensors themselves. */
export function blockParameterShares(w: BlockWeights): { ffn: number; attention: number; norms: number } {
  const count = (ts: readonly (Tensor | undefined)[]) => ts.reduce((n, t) => n + (t?.size ?? 0), 0);
  const { attn, ffn } = w;
  return {
    ffn: count([ffn.up, ffn.upBias, ffn.gate, ffn.down, ffn.downBias]),
    attention: count([attn.wq, attn.wk, attn.wv, attn.wo, attn.bq, attn.bk, attn.bv, attn.bo]),
    norms: count([w.attnNorm.weight, w.attnNorm.bias, w.ffnNorm.weight, w.ffnNorm.bias, w.crossNorm?.weight, w.crossNorm?.bias]),
  };
}
