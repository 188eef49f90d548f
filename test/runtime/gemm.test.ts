// @vitest-environment node
/**
 * gemm against a float64 triple loop, over random shapes (ragged ones included: M, N, K not
 * multiples of the 4x4 block), every transpose combination and accumulation.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gemm, gemmPacked, packOperands } from '../../src/runtime/gemm.ts';
import { Rng } from '../../src/runtime/rng.ts';

/** C = op(A) op(B) [+ C0] in float64, reading A and B through their stored layouts. */
function naive(
  a: Float32Array, b: Float32Array, c0: Float32Array, M: number, K: number, N: number,
  transA: boolean, transB: boolean, accumulate: boolean,
): Float64Array {
  const out = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let t = accumulate ? c0[i * N + j] : 0;
      for (let k = 0; k < K; k++) {
        const x = transA ? a[k * M + i] : a[i * K + k];
        const y = transB ? b[j * K + k] : b[k * N + j];
        t += x * y;
      }
      out[i * N + j] = t;
    }
  }
  return out;
}

function randomArray(n: number, rng: Rng): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

/** Largest |got - want| relative to the size of the terms summed (K of them, each <= 1). */
function worstError(got: Float32Array, want: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
  return worst;
}

interface Case {
  M: number; K: number; N: number; transA: boolean; transB: boolean; accumulate: boolean; seed: number;
}

function check({ M, K, N, transA, transB, accumulate, seed }: Case): void {
  const rng = new Rng(seed);
  const a = randomArray(M * K, rng);
  const b = randomArray(K * N, rng);
  const c0 = randomArray(M * N, rng);
  const c = c0.slice();
  gemm(a, b, c, M, K, N, transA, transB, accumulate);
  const want = naive(a, b, c0, M, K, N, transA, transB, accumulate);
  // float32 storage of the result plus float64 accumulation: error ~ 1e-7 * (K + 1).
  const err = worstError(c, want);
  expect(err, `gemm ${M}x${K}x${N} tA=${transA} tB=${transB} acc=${accumulate}`).toBeLessThan(1e-6 * (K + 2));
}

const caseArb = fc.record({
  M: fc.integer({ min: 1, max: 23 }),
  K: fc.integer({ min: 1, max: 40 }),
  N: fc.integer({ min: 1, max: 23 }),
  transA: fc.boolean(),
  transB: fc.boolean(),
  accumulate: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1 << 30 }),
});

describe('gemm', () => {
  it('matches a float64 reference on random shapes, transposes and accumulation', () => {
    fc.assert(fc.property(caseArb, (c) => check(c)), { numRuns: 300 });
  });

  it('matches on the shapes the models use, ragged and large K included', () => {
    const shapes: Array<[number, number, number]> = [
      [32, 768, 96], [16, 128, 128], [128, 64, 128], [33, 65, 70], [1, 300, 9], [7, 1, 5], [5, 1000, 3],
    ];
    let seed = 1;
    for (const [M, K, N] of shapes) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          for (const accumulate of [false, true]) check({ M, K, N, transA, transB, accumulate, seed: seed++ });
        }
      }
    }
  });

  it('gives exact results on small integers (no rounding anywhere)', () => {
    const a = Float32Array.from([1, 2, 3, 4, 5, 6]); // (2, 3)
    const b = Float32Array.from([7, 8, 9, 10, 11, 12]); // (3, 2)
    const c = new Float32Array(4);
    gemm(a, b, c, 2, 3, 2);
    expect(Array.from(c)).toEqual([58, 64, 139, 154]);
    gemm(a, b, c, 2, 3, 2, false, false, true);
    expect(Array.from(c)).toEqual([116, 128, 278, 308]);
  });

  it('writes zeros for K = 0 and leaves C alone for an empty product that accumulates', () => {
    const c = Float32Array.from([1, 2, 3, 4]);
    gemm(new Float32Array(0), new Float32Array(0), c, 2, 0, 2, false, false, true);
    expect(Array.from(c)).toEqual([1, 2, 3, 4]);
    gemm(new Float32Array(0), new Float32Array(0), c, 2, 0, 2);
    expect(Array.from(c)).toEqual([0, 0, 0, 0]);
  });

  it('computes disjoint bands that together make the whole product (the worker contract)', () => {
    const rng = new Rng(7);
    const [M, K, N] = [19, 33, 26];
    const a = randomArray(M * K, rng);
    const b = randomArray(N * K, rng);
    const whole = new Float32Array(M * N);
    gemm(a, b, whole, M, K, N, false, true);
    const [pa, pb] = packOperands(a, b, M, K, N, false, true, new Float32Array(M * K), new Float32Array(N * K));
    const byRows = new Float32Array(M * N);
    gemmPacked(pa, pb, byRows, M, K, N, false, 0, 2);
    gemmPacked(pa, pb, byRows, M, K, N, false, 2, 5);
    expect(byRows).toEqual(whole);
    const byCols = new Float32Array(M * N);
    gemmPacked(pa, pb, byCols, M, K, N, false, 0, 5, 0, 3);
    gemmPacked(pa, pb, byCols, M, K, N, false, 0, 5, 3, 7);
    expect(byCols).toEqual(whole);
  });
});
