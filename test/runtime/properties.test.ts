/**
 * Properties that must hold for any input, checked with fast-check: softmax is a
 * distribution (even for scores near float32's limits), masks give exactly zero weight,
 * mismatched shapes fail loudly with both shapes in the message, and rng is a pure function
 * of its seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Tensor, ShapeError, shapeStr, Rng, add, sub, mul, matmul, matmulT, linear, concatRows, concatCols, reshape,
  layerNorm, rmsNorm, softmax, maskFill, crossEntropy, rope, embedding,
} from '../../src/runtime/index.ts';
import { expectClose } from './helpers.ts';

const dim = fc.integer({ min: 1, max: 6 });
const f32 = (min: number, max: number): fc.Arbitrary<number> =>
  fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true });

/** A (rows, cols) matrix of values drawn from `value`. */
const matrix = (value: fc.Arbitrary<number>, maxRows = 5, maxCols = 8): fc.Arbitrary<Tensor> =>
  fc.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols })).chain(([R, C]) =>
    fc.array(value, { minLength: R * C, maxLength: R * C }).map((v) => Tensor.from(v, [R, C])),
  );

function rowSums(t: Tensor): number[] {
  const C = t.shape[t.rank - 1];
  return Array.from({ length: t.size / C }, (_, r) => t.data.subarray(r * C, (r + 1) * C).reduce((s, v) => s + v, 0));
}

describe('softmax', () => {
  it('rows are distributions for ordinary scores', () => {
    fc.assert(fc.property(matrix(f32(-80, 80)), (x) => {
      const y = softmax(x);
      expect(y.data.every((v) => v >= 0 && v <= 1)).toBe(true);
      for (const s of rowSums(y)) expect(Math.abs(s - 1)).toBeLessThan(1e-5);
    }));
  });

  it('stays finite and normalised for huge scores (1e30, -1e30, near float32 max)', () => {
    const huge = fc.oneof(fc.constantFrom(1e30, -1e30, 3e38, -3e38, 0), f32(-1e30, 1e30));
    fc.assert(fc.property(matrix(huge), (x) => {
      const y = softmax(x);
      expect(y.data.every(Number.isFinite)).toBe(true);
      for (const s of rowSums(y)) expect(Math.abs(s - 1)).toBeLessThan(1e-5);
    }));
  });

  it('gives masked entries exactly 0, fully masked rows all 0, other rows sum to 1', () => {
    const scoresAndMask = matrix(f32(-1e4, 1e4)).chain((x) =>
      fc.array(fc.boolean(), { minLength: x.size, maxLength: x.size }).map((m) => [x, Uint8Array.from(m, Number)] as const),
    );
    fc.assert(fc.property(scoresAndMask, ([x, blocked]) => {
      const y = softmax(maskFill(x, blocked));
      const C = x.shape[1];
      rowSums(y).forEach((s, r) => {
        const allBlocked = blocked.subarray(r * C, (r + 1) * C).every((b) => b === 1);
        expect(Math.abs(s - (allBlocked ? 0 : 1))).toBeLessThan(1e-5);
      });
      blocked.forEach((b, i) => b && expect(Object.is(y.data[i], 0)).toBe(true));
    }));
  });

  it('with a causal mask gives zero weight above the diagonal for any scores and heads', () => {
    const heads = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 })).chain(([H, T]) =>
      fc.array(f32(-1e6, 1e6), { minLength: H * T * T, maxLength: H * T * T }).map((v) => Tensor.from(v, [H, T, T])),
    );
    fc.assert(fc.property(heads, (scores) => {
      const T = scores.shape[2];
      const blocked = Uint8Array.from({ length: T * T }, (_, k) => (k % T > Math.floor(k / T) ? 1 : 0));
      const w = softmax(maskFill(scores, blocked)); // (H, T, T)
      for (let h = 0; h < scores.shape[0]; h++) {
        for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) expect(w.at(h, i, j)).toBe(0);
      }
      for (const s of rowSums(w)) expect(Math.abs(s - 1)).toBeLessThan(1e-5);
    }));
  });
});

describe('matrix products', () => {
  /** op(A) @ op(B) in double, the definition itself. */
  function naive(a: Tensor, b: Tensor, transB: boolean): Float64Array {
    const [M, K] = a.shape;
    const N = transB ? b.shape[0] : b.shape[1];
    const out = new Float64Array(M * N);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += a.data[i * K + k] * (transB ? b.data[j * K + k] : b.data[k * N + j]);
        out[i * N + j] = s;
      }
    }
    return out;
  }
  const filled = (shape: number[], seed: number): Tensor => {
    const rng = new Rng(seed);
    return Tensor.from(Array.from({ length: shape[0] * shape[1] }, () => rng.normal()), shape);
  };
  // Sizes from 0 up past two 4-wide panels, so empty, ragged and full blocks all occur.
  const size = fc.integer({ min: 0, max: 11 });

  it('matmul, matmulT and linear equal the naive product for any sizes, including 0', () => {
    fc.assert(fc.property(size, size, size, fc.nat(), (M, K, N, seed) => {
      const a = filled([M, K], seed);
      const b = filled([K, N], seed + 1);
      const bt = filled([N, K], seed + 2);
      const bias = Tensor.from(Array.from({ length: N }, (_, j) => j - 1), [N]);
      const tol = { atol: 1e-5 * Math.max(1, K), rtol: 1e-5 };
      expectClose(matmul(a, b).data, naive(a, b, false), tol, 'matmul');
      expectClose(matmulT(a, bt).data, naive(a, bt, true), tol, 'matmulT');
      const withBias = naive(a, bt, true).map((v, i) => v + bias.data[i % Math.max(1, N)]);
      expectClose(linear(a, bt, bias).data, withBias, tol, 'linear');
    }));
  });
});

/** Asserts fn throws a ShapeError whose message names every given shape. */
function expectShapeError(fn: () => unknown, ...shapes: (readonly number[])[]): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ShapeError);
  for (const s of shapes) expect((caught as Error).message).toContain(shapeStr(s));
}

const z = (...shape: number[]): Tensor => Tensor.zeros(shape);
const differ = fc.tuple(dim, dim).filter(([a, b]) => a !== b);

/** Whether b broadcasts onto a under the runtime's one-way trailing-dims rule. */
function broadcasts(a: number[], b: number[]): boolean {
  const tail = [...b];
  while (tail.length > 0 && tail[0] === 1) tail.shift();
  return a.slice(a.length - tail.length).join() === tail.join() && tail.length <= a.length;
}

describe('mismatched shapes throw ShapeError naming both shapes', () => {
  const shape = fc.array(dim, { minLength: 1, maxLength: 3 });

  it('add, sub, mul', () => {
    fc.assert(fc.property(shape, shape, (a, b) => {
      fc.pre(!broadcasts(a, b));
      for (const op of [add, sub, mul]) expectShapeError(() => op(z(...a), z(...b)), a, b);
    }));
  });

  it('matmul, matmulT and linear when inner dims differ', () => {
    fc.assert(fc.property(dim, dim, differ, (m, n, [k1, k2]) => {
      expectShapeError(() => matmul(z(m, k1), z(k2, n)), [m, k1], [k2, n]);
      expectShapeError(() => matmulT(z(m, k1), z(n, k2)), [m, k1], [n, k2]);
      expectShapeError(() => linear(z(m, k1), z(n, k2)), [m, k1], [n, k2]);
    }));
  });

  it('matmul, matmulT and linear when an operand is not a matrix', () => {
    fc.assert(fc.property(dim, dim, dim, (m, k, n) => {
      expectShapeError(() => matmul(z(2, m, k), z(k, n)), [2, m, k], [k, n]);
      expectShapeError(() => matmulT(z(m, k), z(n)), [m, k], [n]);
      expectShapeError(() => linear(z(k), z(n, k)), [k], [n, k]);
    }));
  });

  it('linear bias, layerNorm and rmsNorm parameters of the wrong width', () => {
    fc.assert(fc.property(dim, dim, differ, (m, k, [n1, n2]) => {
      expectShapeError(() => linear(z(m, k), z(n1, k), z(n2)), [n2], [n1, k]);
      expectShapeError(() => layerNorm(z(m, n1), z(n2)), [m, n1], [n2]);
      expectShapeError(() => layerNorm(z(m, n1), z(n1), z(n2)), [m, n1], [n2]);
      expectShapeError(() => rmsNorm(z(m, n1), z(n2)), [m, n1], [n2]);
    }));
  });

  it('concatRows, concatCols and reshape', () => {
    fc.assert(fc.property(dim, dim, differ, (r1, r2, [c1, c2]) => {
      expectShapeError(() => concatRows([z(r1, c1), z(r2, c2)]), [r1, c1], [r2, c2]);
      expectShapeError(() => concatCols([z(c1, r1), z(c2, r2)]), [c1, r1], [c2, r2]);
      expectShapeError(() => reshape(z(r1, c1), [r1, c2]), [r1, c1], [r1, c2]);
    }));
  });

  it('ops whose second operand is not a tensor name the tensor shape', () => {
    fc.assert(fc.property(dim, differ, (d, [n1, n2]) => {
      expectShapeError(() => crossEntropy(z(n1, d), new Array(n2).fill(0)), [n1, d]);
      expectShapeError(() => rope(z(n1, 3), 1, new Array(n1).fill(0)), [n1, 3]); // odd head width
      expectShapeError(() => maskFill(z(n1, 5), new Uint8Array(3)), [n1, 5]);
      expectShapeError(() => embedding(z(n1), [0]), [n1]);
    }));
  });
});

describe('rng', () => {
  const draw = (rng: Rng): number[] => [rng.next(), rng.normal(), rng.int(1000), rng.normal(), rng.nextUint32()];

  it('is a pure function of its seed', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
      const a = new Rng(seed);
      const b = new Rng(seed);
      for (let i = 0; i < 20; i++) expect(draw(a)).toEqual(draw(b));
    }));
  });

  it('gives different streams for different seeds, and values in range', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
      const a = new Rng(seed);
      const b = new Rng(seed + 1);
      expect([a.nextUint32(), a.nextUint32()]).not.toEqual([b.nextUint32(), b.nextUint32()]);
      for (let i = 0; i < 50; i++) {
        const u = a.next();
        const k = a.int(n);
        expect(u >= 0 && u < 1).toBe(true);
        expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
      }
      expect(a.shuffle([...Array(n).keys()]).sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
    }));
  });

  it('has uniform and normal draws with the right moments', () => {
    const rng = new Rng(7);
    const n = 100_000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    for (let i = 0; i < n; i++) {
      su += rng.next();
      const g = rng.normal();
      sn += g;
      sn2 += g * g;
    }
    expect(Math.abs(su / n - 0.5)).toBeLessThan(0.005); // sd of the mean ~0.0009
    expect(Math.abs(sn / n)).toBeLessThan(0.015); // sd ~0.003
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(0.02); // sd ~0.0045
  });
});
