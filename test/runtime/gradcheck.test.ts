/**
 * Finite differences for every differentiable op, for composite chains that mirror a
 * Transformer block, and for gradient accumulation when one tensor feeds several ops.
 * Independent of PyTorch: if a backward and its forward disagree, this finds it.
 */
import { describe, it } from 'vitest';
import {
  Rng, Tensor, add, sub, mul, scale, sum, mean, gelu, geluTanh, sigmoid, silu, tanh, relu, matmul, matmulT,
  linear, transpose, reshape, sliceRows, sliceCols, concatRows, concatCols, embedding, softmax, maskFill,
  crossEntropy, layerNorm, rmsNorm, rope, dropout, log, gather,
} from '../../src/runtime/index.ts';
import { gradcheck, randn } from './helpers.ts';

const rng = new Rng(2024);
const r = (...shape: number[]): Tensor => randn(rng, shape);
const causal = (T: number): Uint8Array => Uint8Array.from({ length: T * T }, (_, k) => (k % T > Math.floor(k / T) ? 1 : 0));

type Check = [name: string, f: (...xs: Tensor[]) => Tensor, inputs: () => Tensor[]];

const elementwise: Check[] = [
  ['add', add, () => [r(3, 4), r(3, 4)]],
  ['add bias broadcast', add, () => [r(4, 3), r(3)]],
  ['add (T, T) over (H, T, T)', add, () => [r(2, 3, 3), r(3, 3)]],
  ['sub', sub, () => [r(3, 4), r(1, 4)]],
  ['mul', mul, () => [r(3, 4), r(3, 4)]],
  ['mul broadcast', mul, () => [r(2, 5), r(5)]],
  ['scale', (a) => scale(a, -0.7), () => [r(3, 3)]],
  ['sum', sum, () => [r(4, 2)]],
  ['mean', mean, () => [r(2, 3, 2)]],
];

// Inputs kept 0.05 away from 0 so relu's kink never falls inside a finite-difference step.
const act = (): Tensor[] => [randn(rng, [3, 6], 2, 0.05)];
const activations: Check[] = [
  ['gelu', gelu, act], ['geluTanh', geluTanh, act], ['sigmoid', sigmoid, act],
  ['silu', silu, act], ['tanh', tanh, act], ['relu', relu, act],
  ['log', log, () => {
    const x = r(3, 4);
    x.data.forEach((v, i) => (x.data[i] = Math.abs(v) + 0.5)); // log needs x > 0; 0.5 keeps the step small next to x
    return [x];
  }],
];

const linalg: Check[] = [
  ['matmul', matmul, () => [r(5, 7), r(7, 3)]],
  ['matmulT', matmulT, () => [r(6, 5), r(3, 5)]],
  ['linear with bias', linear, () => [r(5, 6), r(7, 6), r(7)]],
  ['linear without bias', (x, w) => linear(x, w), () => [r(3, 9), r(5, 9)]],
  ['transpose', transpose, () => [r(3, 5)]],
];

const shape: Check[] = [
  ['reshape', (a) => reshape(a, [3, 4]), () => [r(2, 6)]],
  ['sliceRows', (a) => sliceRows(a, 1, 3), () => [r(4, 2, 3)]],
  ['sliceCols', (a) => sliceCols(a, 2, 5), () => [r(3, 6)]],
  ['concatRows', (a, b) => concatRows([a, b]), () => [r(2, 3), r(1, 3)]],
  ['concatCols', (a, b, c) => concatCols([a, b, c]), () => [r(3, 2), r(3, 4), r(3, 1)]],
  ['embedding with repeated ids', (t) => embedding(t, [2, 0, 2, 5, 2]), () => [r(6, 4)]],
  ['gather with a repeated index', (a) => gather(a, [7, 0, 7, 11]), () => [r(3, 4)]],
];

const withMasked = (): Tensor[] => {
  const x = r(3, 5);
  for (const i of [1, 3, 7, 10, 11, 12, 13, 14]) x.data[i] = -Infinity; // row 2 fully masked
  return [x];
};
const attention: Check[] = [
  ['softmax', softmax, () => [randn(rng, [4, 6], 2)]],
  ['softmax rank 3', softmax, () => [r(2, 3, 4)]],
  ['softmax with -inf and a fully masked row', softmax, withMasked],
  ['maskFill then softmax (causal)', (x) => softmax(maskFill(x, causal(4))), () => [r(2, 4, 4)]],
  ['maskFill', (x) => maskFill(x, causal(3)), () => [r(3, 3)]],
  // The coref recipe's attention loss: -log of one softmax weight per sequence.
  ['-log(gather(softmax))', (x) => mean(scale(log(gather(softmax(x), [1, 6, 11])), -1)), () => [randn(rng, [3, 4], 2)]],
  ['crossEntropy with ignored targets', (x) => crossEntropy(x, [3, -100, 0, 4, -100]), () => [randn(rng, [5, 5], 2)]],
];

const norms: Check[] = [
  ['layerNorm affine', (x, g, b) => layerNorm(x, g, b), () => [randn(rng, [4, 6], 2), r(6), r(6)]],
  ['layerNorm plain rank 3', (x) => layerNorm(x), () => [r(2, 3, 5)]],
  ['rmsNorm with gain', (x, g) => rmsNorm(x, g), () => [randn(rng, [4, 6], 2), r(6)]],
  ['rmsNorm plain', (x) => rmsNorm(x), () => [r(3, 4)]],
  ['rope', (x) => rope(x, 2, [0, 5, 1, 9]), () => [r(4, 8)]],
  // A fresh rng with a fixed seed draws the same mask on every call, so dropout is deterministic here.
  ['dropout', (x) => dropout(x, 0.4, new Rng(3), true), () => [r(5, 6)]],
];

const chains: Check[] = [
  [
    'linear -> layerNorm -> gelu -> softmax -> crossEntropy',
    (x, w, b, g, be) => crossEntropy(softmax(gelu(layerNorm(linear(x, w, b), g, be))), [1, 0, -100, 4]),
    () => [r(4, 6), r(5, 6), r(5), r(5), r(5)],
  ],
  [
    'causal attention head, residual, rmsNorm, silu MLP',
    (x, wq, wk, wv, wo, w1) => {
      const q = rope(linear(x, wq), 1, [0, 1, 2, 3]); // (T, dHead)
      const k = rope(linear(x, wk), 1, [0, 1, 2, 3]); // (T, dHead)
      const v = linear(x, wv); // (T, dHead)
      const weights = softmax(maskFill(scale(matmulT(q, k), 0.5), causal(4))); // (T, T)
      const h = add(x, linear(matmul(weights, v), wo)); // (T, dModel), x used a fourth time
      return mean(mul(silu(linear(rmsNorm(h), w1)), tanh(linear(rmsNorm(h), w1))));
    },
    () => [r(4, 6), r(4, 6), r(4, 6), r(4, 6), r(6, 4), r(5, 6)],
  ],
  [
    'heads split by columns and joined again',
    (x) => concatCols([sigmoid(sliceCols(x, 0, 2)), sliceCols(x, 2, 6), relu(sliceCols(x, 1, 3))]),
    () => [randn(rng, [3, 6], 1, 0.05)],
  ],
];

const accumulation: Check[] = [
  ['add(a, a)', (a) => add(a, a), () => [r(3, 3)]],
  ['mul(a, a)', (a) => mul(a, a), () => [r(3, 3)]],
  ['matmul(a, transpose(a))', (a) => matmul(a, transpose(a)), () => [r(3, 4)]],
  ['matmulT(a, a)', (a) => matmulT(a, a), () => [r(4, 3)]],
  ['one tensor in three branches', (a) => sub(mul(tanh(a), a), scale(a, 2)), () => [r(2, 5)]],
  ['an embedding table shared as output head', (t) => matmulT(embedding(t, [1, 3, 1]), t), () => [r(4, 3)]],
];

const groups: Record<string, Check[]> = { elementwise, activations, linalg, shape, attention, norms, chains, accumulation };

for (const [group, checks] of Object.entries(groups)) {
  describe(`gradcheck: ${group}`, () => {
    it.each(checks.map((c) => [c[0], c] as const))('%s', (_name, [, f, inputs]) => gradcheck(f, inputs()));
  });
}
