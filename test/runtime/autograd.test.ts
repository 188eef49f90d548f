/**
 * How the autograd engine behaves around the ops: grad mode, seeds, accumulation, freeing
 * the graph, very deep graphs, and ops keeping their own copies of the integer arrays that
 * their backward reads later.
 */
import { describe, expect, it } from 'vitest';
import {
  Tensor, Rng, add, mul, scale, sum, tanh, matmul, embedding, crossEntropy, rope, maskFill,
  backward, noGrad, isGradEnabled, zeroGrad,
} from '../../src/runtime/index.ts';
import { expectClose, randn } from './helpers.ts';

const rng = new Rng(11);
const leaf = (...shape: number[]): Tensor => randn(rng, shape);

describe('noGrad', () => {
  it('records nothing: no parents, no backward, no requiresGrad', () => {
    const a = leaf(2, 3);
    const y = noGrad(() => sum(tanh(mul(a, a))));
    expect(y.requiresGrad).toBe(false);
    expect(y.parents).toEqual([]);
    expect(y.backwardFn).toBeNull();
    expect(() => backward(y)).toThrow(/does not require grad/);
  });

  it('restores the mode afterwards, also when nested or when fn throws', () => {
    expect(isGradEnabled()).toBe(true);
    noGrad(() => {
      noGrad(() => expect(isGradEnabled()).toBe(false));
      expect(isGradEnabled()).toBe(false);
    });
    expect(() => noGrad(() => { throw new Error('boom'); })).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
  });
});

describe('backward', () => {
  it('refuses a non-scalar root without a seed, and a seed of the wrong size', () => {
    const y = tanh(leaf(2, 2));
    expect(() => backward(y)).toThrow(/not a scalar/);
    expect(() => backward(y, new Float32Array(3))).toThrow(/seed has 3 values/);
  });

  it('seeds a non-scalar root with the given gradient', () => {
    const a = leaf(2, 2);
    backward(scale(a, 3), Float32Array.of(1, 2, 3, 4));
    expect(Array.from(a.grad as Float32Array)).toEqual([3, 6, 9, 12]);
  });

  it('leaves inputs that need no gradient alone', () => {
    const a = leaf(2, 2);
    const c = Tensor.full([2, 2], 5);
    backward(sum(mul(a, c)));
    expect(c.grad).toBeNull();
    expect(Array.from(a.grad as Float32Array)).toEqual([5, 5, 5, 5]);
  });

  it('accumulates over backward calls until zeroGrad clears', () => {
    const a = leaf(3);
    backward(sum(scale(a, 2)));
    backward(sum(scale(a, 2)));
    expect(Array.from(a.grad as Float32Array)).toEqual([4, 4, 4]);
    zeroGrad([a]);
    expect(a.grad).toBeNull();
    backward(sum(scale(a, 2)));
    expect(Array.from(a.grad as Float32Array)).toEqual([2, 2, 2]);
  });

  it('frees intermediate gradients and links, keeping only the leaves\u2019 grads', () => {
    const a = leaf(2, 2);
    const h = tanh(a);
    backward(sum(h));
    expect(h.grad).toBeNull();
    expect(h.parents).toEqual([]);
    expect(a.grad).not.toBeNull();
  });

  it('fails loudly, instead of silently dropping gradients, when backpropagating through a freed graph', () => {
    const w = leaf(2, 2);
    const shared = tanh(w); // computed once, used by two steps: the classic mistake
    backward(sum(shared));
    expect(() => backward(sum(mul(shared, shared)))).toThrow(/already freed/);
    // detach() is the way to say "no gradient through here".
    const cut = shared.detach();
    const x = leaf(2, 2);
    backward(sum(mul(cut, x)));
    expect(Array.from(x.grad as Float32Array)).toEqual(Array.from(cut.data));
  });

  it('handles a 20,000-op chain without overflowing the stack', () => {
    const x = Tensor.from([0.5], [1], true);
    let y = x;
    for (let i = 0; i < 10_000; i++) y = add(scale(y, 0.999), x); // y_n = 0.999 y_{n-1} + x
    backward(sum(y));
    const want = (1 - 0.999 ** 10_001) / 0.001; // d y_n / dx = sum of 0.999^k, k = 0..n
    expect((x.grad as Float32Array)[0]).toBeCloseTo(want, 1);
  });

  it('matmul(a, a) accumulates both operand gradients into one buffer', () => {
    const a = Tensor.from([[1, 2], [3, 4]], undefined, true);
    backward(sum(matmul(a, a)));
    // d/da sum(a a) = 1 1^T a^T + a^T 1 1^T
    expectClose(a.grad as Float32Array, [3 + 4, 7 + 4, 3 + 6, 7 + 6], { atol: 0, rtol: 0 }, 'matmul(a, a)');
  });
});

describe('ops keep their own copies of integer inputs, since backward runs later', () => {
  it('embedding ids', () => {
    const table = leaf(4, 2);
    const ids = Int32Array.of(1, 1, 3);
    const y = embedding(table, ids);
    ids.fill(0); // a caller reusing its id buffer for the next batch
    backward(sum(y));
    expect(Array.from(table.grad as Float32Array)).toEqual([0, 0, 2, 2, 0, 0, 1, 1]);
  });

  it('crossEntropy targets, rope positions and maskFill masks', () => {
    const logits = leaf(2, 3);
    const targets = [2, -100];
    const loss = crossEntropy(logits, targets);
    targets[0] = 0;
    backward(loss);
    const g = logits.grad as Float32Array;
    expect(g[2]).toBeLessThan(0); // the target's logit is pushed up
    expect(Array.from(g.subarray(3))).toEqual([0, 0, 0]); // the ignored row

    const x = leaf(2, 4);
    const positions = [0, 3];
    const y = rope(x, 1, positions);
    positions[1] = 0;
    backward(y, Float32Array.from(y.data)); // d(|y|^2 / 2)/dx = x, since rotation keeps length
    expectClose(x.grad as Float32Array, x.data, { atol: 1e-6, rtol: 1e-6 }, 'rope');

    const s = leaf(2, 2);
    const mask = Uint8Array.of(0, 1, 0, 0);
    const m = maskFill(s, mask);
    mask.fill(0);
    backward(m, Float32Array.of(1, 1, 1, 1));
    expect(Array.from(s.grad as Float32Array)).toEqual([1, 0, 1, 1]);
  });

  it('rope rejects positions that would index outside its table', () => {
    expect(() => rope(leaf(2, 4), 1, [0, -1])).toThrow(RangeError);
    expect(() => rope(leaf(2, 4), 1, [0, 1.5])).toThrow(RangeError);
  });
});
