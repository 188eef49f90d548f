/**
 * Next-token choice for the generation figure: the distribution at a temperature (0 meaning
 * greedy, the limit T -> 0), and a seeded draw so that a given seed and step always give
 * the same token. The draw follows src/models/generate.ts exactly: one uniform number u per
 * step, and the token whose slice of the cumulative distribution contains u.
 */
import { nextTokenProbabilities, topK } from '../../../src/models/generate.ts';
import { Rng } from '../../../src/runtime/index.ts';

/** Softmax of logits / T; at T = 0 all the probability sits on the argmax (greedy). */
export function probabilitiesAt(logits: Float32Array, temperature: number): Float64Array {
  if (temperature > 0) return nextTokenProbabilities(logits, temperature);
  const p = new Float64Array(logits.length);
  p[topK(logits, 1)[0]] = 1;
  return p;
}

/** The k-th uniform number (k = 0, 1, ...) of the stream seeded by `seed`. */
export function uniformAt(seed: number, k: number): number {
  const rng = new Rng(seed);
  let u = rng.next();
  for (let i = 0; i < k; i++) u = rng.next();
  return u;
}

/** The token whose cumulative slice contains u (the last token if rounding leaves u uncovered). */
export function pickToken(p: ArrayLike<number>, u: number): number {
  let rest = u;
  for (let i = 0; i < p.length; i++) {
    rest -= p[i];
    if (rest < 0) return i;
  }
  return p.length - 1;
}

export interface GenerationStep {
  id: number;
  p: number; // its probability under the temperature it was drawn at
  temperature: number;
  u: number | null; // the uniform number used (null: greedy)
}

/** One step: greedy at T = 0, else the draw with the step's own number from the seed. */
export function chooseNext(logits: Float32Array, temperature: number, seed: number, step: number): GenerationStep {
  const p = probabilitiesAt(logits, temperature);
  if (!(temperature > 0)) {
    const id = topK(logits, 1)[0];
    return { id, p: p[id], temperature: 0, u: null };
  }
  const u = uniformAt(seed, step);
  const id = pickToken(p, u);
  return { id, p: p[id], temperature, u };
}

/** Shannon entropy in bits: 0 for a certain choice, log2(V) for a uniform one. */
export function entropyBits(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log2(p[i]);
  return h;
}
