/**
 * Rotary positions (Su et al. 2021) on one query and one key: the runtime's `rope` op rotates
 * q as if it sat at position m and k as if at n, and the attention score is their dot product.
 * The lesson compares that with adding the sinusoidal vector to q and k instead.
 */
import { sinusoidalEncoding } from '../../src/models/positional.ts';
import { noGrad, rope, Rng, Tensor } from '../../src/runtime/index.ts';

/** A seeded random query and key of width dHead (standard normal entries). */
export function randomQueryKey(seed: number, dHead: number): { q: Float32Array; k: Float32Array } {
  const rng = new Rng(seed);
  const q = Float32Array.from({ length: dHead }, () => rng.normal());
  const k = Float32Array.from({ length: dHead }, () => rng.normal());
  return { q, k };
}

/** `v` repeated in P rows and rotated by rope, row p as position p: (P, dHead). */
export function rotatedRows(v: Float32Array, P: number, theta = 10000): Float32Array {
  const d = v.length;
  const rows = new Float32Array(P * d);
  for (let p = 0; p < P; p++) rows.set(v, p * d);
  return noGrad(() => rope(new Tensor(rows, [P, d]), 1, Array.from({ length: P }, (_, p) => p), theta)).data;
}

/** dot(a row i, b row j) for (P, d) row-major a and b: the (P, P) score grid, query m down, key n across. */
function scoreGrid(a: Float32Array, b: Float32Array, P: number, d: number): Float32Array {
  const out = new Float32Array(P * P);
  for (let m = 0; m < P; m++) {
    for (let n = 0; n < P; n++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += a[m * d + c] * b[n * d + c];
      out[m * P + n] = s;
    }
  }
  return out;
}

/** Scores (R_m q) . (R_n k) for every query position m and key position n below P. */
export function rotaryScores(q: Float32Array, k: Float32Array, P: number, theta = 10000): Float32Array {
  return scoreGrid(rotatedRows(q, P, theta), rotatedRows(k, P, theta), P, q.length);
}

/** Scores (q + PE_m) . (k + PE_n) with the sinusoidal PE of width dHead added instead. */
export function additiveScores(q: Float32Array, k: Float32Array, P: number): Float32Array {
  const d = q.length;
  const pe = sinusoidalEncoding(P, d).data;
  const qs = new Float32Array(P * d);
  const ks = new Float32Array(P * d);
  for (let p = 0; p < P; p++) {
    for (let c = 0; c < d; c++) {
      qs[p * d + c] = q[c] + pe[p * d + c];
      ks[p * d + c] = k[c] + pe[p * d + c];
    }
  }
  return scoreGrid(qs, ks, P, d);
}
