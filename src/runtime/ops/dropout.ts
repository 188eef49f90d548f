/** Inverted dropout: only while training; at inference it is the identity. */
import { makeResult, gradOf } from '../autograd.ts';
import type { Rng } from '../rng.ts';
import type { Tensor } from '../tensor.ts';

/** Zeroes each value with probability p and scales survivors by 1/(1-p). */
export function dropout(a: Tensor, p: number, rng: Rng, training: boolean): Tensor {
  if (!training || p === 0) return a;
  if (!(p >= 0 && p < 1)) throw new RangeError(`dropout: p must be in [0, 1), got ${p}`);
  const keep = new Float32Array(a.size);
  const s = 1 / (1 - p);
  for (let i = 0; i < keep.length; i++) keep[i] = rng.next() >= p ? s : 0;
  const out = new Float32Array(a.size);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] * keep[i];
  return makeResult('dropout', out, a.shape, [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < g.length; i++) ga[i] += g[i] * keep[i];
  });
}
