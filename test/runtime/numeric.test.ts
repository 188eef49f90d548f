/**
 * The small numeric helpers every model, recipe, lesson and figure shares: argmax, topK and
 * cosine, on examples and as properties for any input (ties, NaN, empty vectors included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argmax, cosine, topK } from '../../src/runtime/index.ts';

/** Few distinct values, so that ties are common; NaN now and then. */
const entry = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) });
const vector = fc.array(entry, { maxLength: 12 });
/** Zero or of magnitude 1e-6 to 1e3: no subnormal products to underflow. */
const finite = fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((x) => (Math.abs(x) < 1e-6 ? 0 : x));

describe('argmax', () => {
  it('takes the largest entry, the lowest index on a tie, and skips NaN', () => {
    expect(argmax([1, 3, 2])).toBe(1);
    expect(argmax(Float32Array.from([2, 5, 5, 1]))).toBe(1);
    expect(argmax([Number.NaN, -1, -2])).toBe(1);
    expect(argmax([-Infinity, -Infinity])).toBe(0);
  });

  it('is -1 for an empty or all-NaN vector', () => {
    expect(argmax([])).toBe(-1);
    expect(argmax([Number.NaN, Number.NaN])).toBe(-1);
  });

  it('for any vector: no number beats it, no earlier entry ties it, and topK(v, 1) agrees', () => {
    fc.assert(fc.property(vector, (v) => {
      const i = argmax(v);
      const numbers = v.filter((x) => !Number.isNaN(x));
      if (numbers.length === 0) {
        expect(i).toBe(-1);
        expect(topK(v, 1)).toEqual([]);
        return;
      }
      expect(numbers.every((x) => x <= v[i])).toBe(true);
      expect(v.indexOf(v[i])).toBe(i);
      expect(topK(v, 1)).toEqual([i]);
    }));
  });
});

describe('topK', () => {
  it('ranks largest first, earlier index first on a tie, never NaN or skipped entries', () => {
    expect(topK([0.1, 0.5, 0.2, 0.5], 3)).toEqual([1, 3, 2]);
    expect(topK([Number.NaN, 1, 2], 5)).toEqual([2, 1]);
    expect(topK([3, 2, 1], 2, (i) => i === 0)).toEqual([1, 2]);
  });

  it('gives [] for k <= 0 or an empty vector', () => {
    expect(topK([1, 2], 0)).toEqual([]);
    expect(topK([1, 2], -1)).toEqual([]);
    expect(topK([], 3)).toEqual([]);
  });

  it('for any vector and k: a sorted prefix of the full ranking that leaves nothing larger out', () => {
    fc.assert(fc.property(vector, fc.integer({ min: -1, max: 14 }), fc.integer({ min: 0, max: 11 }), (v, k, skipped) => {
      const skip = (i: number) => i === skipped;
      const top = topK(v, k, skip);
      const eligible = v.map((_, i) => i).filter((i) => !Number.isNaN(v[i]) && !skip(i));
      expect(top.length).toBe(Math.max(0, Math.min(k, eligible.length)));
      expect(top).toEqual(topK(v, v.length, skip).slice(0, top.length));
      for (let n = 1; n < top.length; n++) {
        const [a, b] = [top[n - 1], top[n]];
        expect(v[a] > v[b] || (v[a] === v[b] && a < b)).toBe(true);
      }
      if (top.length === 0) return;
      const last = top[top.length - 1];
      for (const i of eligible) if (!top.includes(i)) expect(v[i] < v[last] || (v[i] === v[last] && i > last)).toBe(true);
    }));
  });
});

describe('cosine', () => {
  it('is 1 for one direction, -1 for opposite ones, 0 for orthogonal ones', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosine([1, 2], [-1, -2])).toBeCloseTo(-1, 12);
    expect(cosine(Float32Array.from([1, 0]), Float64Array.from([0, 3]))).toBe(0);
  });

  it('is 0 when either vector is all zero, and for two empty vectors', () => {
    expect(cosine([0, 0], [1, 2])).toBe(0);
    expect(cosine([1, 2], [0, 0])).toBe(0);
    expect(cosine([], [])).toBe(0);
  });

  it('says both lengths when they differ', () => {
    expect(() => cosine([1, 2], [1, 2, 3])).toThrow(/length 2 and 3/);
  });

  it('for any two vectors: symmetric, within [-1, 1], unchanged by positive scaling', () => {
    const pair = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(
      fc.array(finite, { minLength: n, maxLength: n }), fc.array(finite, { minLength: n, maxLength: n }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    ));
    fc.assert(fc.property(pair, ([a, b, s]) => {
      const c = cosine(a, b);
      expect(cosine(b, a)).toBe(c);
      expect(Math.abs(c)).toBeLessThanOrEqual(1 + 1e-12);
      expect(cosine(a.map((x) => s * x), b)).toBeCloseTo(c, 9);
    }));
  });
});
