/**
 * Measures lesson 3 reads off a head's steps (src/models/head-steps.ts computes the steps).
 */
import type { Tensor } from '../../src/runtime/index.ts';

/** Mean over rows of each row's largest weight: 1 means every query looks at one key only. */
export function meanMaxWeight(weights: Tensor): number {
  const [T, S] = weights.dims2('meanMaxWeight');
  let total = 0;
  for (let i = 0; i < T; i++) {
    let m = 0;
    for (let j = 0; j < S; j++) m = Math.max(m, weights.data[i * S + j]);
    total += m;
  }
  return total / T;
}

/** Standard deviation of all entries: how spread out the raw scores are. */
export function spread(t: Tensor): number {
  const n = t.data.length;
  let mean = 0;
  for (const v of t.data) mean += v / n;
  let varSum = 0;
  for (const v of t.data) varSum += (v - mean) ** 2;
  return Math.sqrt(varSum / n);
}
