/**
 * What the attention figures read from a trace: one head's weights or their mean over the
 * heads, where the weight of each row goes (before or after the query), and the masked
 * scores as numbers and minus infinities.
 */
import type { HeadTrace } from '../../../src/models/attention.ts';

/** Which head to show: an index, or 'mean' for the average over the layer's heads. */
export type HeadChoice = number | 'mean';

/** The (T, S) weights of one head, or the element-wise mean of all heads (rows still sum to 1). */
export function headWeights(heads: readonly HeadTrace[], choice: HeadChoice): Float32Array {
  if (heads.length === 0) throw new Error('headWeights: the layer has no heads in its trace');
  if (choice !== 'mean') {
    const h = heads[choice];
    if (!h) throw new RangeError(`headWeights: head ${choice} is outside 0..${heads.length - 1}`);
    return h.weights.data;
  }
  const out = new Float32Array(heads[0].weights.size);
  for (const h of heads) for (let i = 0; i < out.length; i++) out[i] += h.weights.data[i] / heads.length;
  return out;
}

/** Sum of each row of a (T, S) matrix. */
export function rowSums(values: ArrayLike<number>, T: number, S: number): number[] {
  return Array.from({ length: T }, (_, i) => {
    let s = 0;
    for (let j = 0; j < S; j++) s += values[i * S + j];
    return s;
  });
}

/** For each query row of a square (T, T) matrix, the weight it puts on keys after it. */
export function weightOnLaterKeys(values: ArrayLike<number>, T: number): number[] {
  return Array.from({ length: T }, (_, i) => {
    let s = 0;
    for (let j = i + 1; j < T; j++) s += values[i * T + j];
    return s;
  });
}

/** The largest weight any query puts on a later key (0 exactly under a causal mask). */
export function maxLaterWeight(values: ArrayLike<number>, T: number): number {
  return Math.max(0, ...weightOnLaterKeys(values, T));
}

export interface MaskedCell {
  value: number; // the masked score: the scaled score, or -Infinity where the mask blocks
  blocked: boolean;
}

/** The masked scores of a (T, T) head as cells, row by row, for the table that writes out -inf. */
export function maskedCells(masked: { data: Float32Array; shape: readonly number[] }): MaskedCell[][] {
  const [T, S] = masked.shape;
  return Array.from({ length: T }, (_, i) =>
    Array.from({ length: S }, (_, j) => {
      const value = masked.data[i * S + j];
      return { value, blocked: value === -Infinity };
    }),
  );
}
