/**
 * Every op's value and input gradients against PyTorch (fixtures written by
 * scripts/gen_runtime_golden.py), then AdamW, clipping and the schedule against torch.optim.
 * Dropout is random by nature, so it is checked by its statistics and its exact mask-gradient.
 */
import { describe, expect, it } from 'vitest';
import {
  Tensor, Rng, backward, zeroGrad, add, sub, mul, scale, sum, mean, gelu, geluTanh, sigmoid, silu, tanh, relu, erf,
  matmul, matmulT, linear, transpose, reshape, sliceRows, sliceCols, concatRows, concatCols, embedding,
  softmax, maskFill, crossEntropy, layerNorm, rmsNorm, rope, dropout, AdamW, clipGradNorm, warmupCosine,
} from '../../src/runtime/index.ts';
import { decode, expectClose, fixtureTensor, loadFixture, type FixtureNumber, type FixtureTensor } from './helpers.ts';

interface OpCase {
  op: string;
  name: string;
  args: Record<string, unknown>;
  inputs: Record<string, FixtureTensor>;
  out: FixtureTensor;
  upstream: FixtureNumber[];
  grads: Record<string, FixtureNumber[]>;
}

type Inputs = Record<string, Tensor>;
type Args = Record<string, any>; // heterogeneous JSON (ids, shapes, eps); each entry below reads its own

/** How each fixture op name maps onto the runtime, with the fixture's inputs and int args. */
const OPS: Record<string, (t: Inputs, a: Args) => Tensor> = {
  add: (t) => add(t.a, t.b),
  sub: (t) => sub(t.a, t.b),
  mul: (t) => mul(t.a, t.b),
  scale: (t, a) => scale(t.a, a.s),
  sum: (t) => sum(t.a),
  mean: (t) => mean(t.a),
  gelu: (t) => gelu(t.x),
  geluTanh: (t) => geluTanh(t.x),
  sigmoid: (t) => sigmoid(t.x),
  silu: (t) => silu(t.x),
  tanh: (t) => tanh(t.x),
  relu: (t) => relu(t.x),
  matmul: (t) => matmul(t.a, t.b),
  matmulT: (t) => matmulT(t.a, t.b),
  linear: (t) => linear(t.x, t.weight, t.bias),
  transpose: (t) => transpose(t.a),
  reshape: (t, a) => reshape(t.a, a.shape),
  sliceRows: (t, a) => sliceRows(t.a, a.start, a.end),
  sliceCols: (t, a) => sliceCols(t.a, a.start, a.end),
  concatRows: (t) => concatRows([t.p0, t.p1, t.p2]),
  concatCols: (t) => concatCols([t.p0, t.p1, t.p2]),
  embedding: (t, a) => embedding(t.table, a.ids),
  softmax: (t) => softmax(t.x), // a fully masked row: zeros here, NaN in torch (the fixture stores zeros)
  maskFill: (t, a) => maskFill(t.x, Uint8Array.from(a.blocked)),
  crossEntropy: (t, a) => crossEntropy(t.logits, a.targets),
  layerNorm: (t) => layerNorm(t.x, t.gamma, t.beta),
  rmsNorm: (t, a) => rmsNorm(t.x, t.gamma, a.eps ?? 1e-5),
  rope: (t, a) => rope(t.x, a.nHeads, a.positions, a.theta),
};

const TOL = { atol: 1e-5, rtol: 1e-5 };
const FILES = ['elementwise', 'activations', 'linalg', 'shape', 'softmax', 'norm', 'rope'];
const cases = FILES.flatMap((f) => loadFixture<{ cases: OpCase[] }>(`${f}.json`).cases);

describe('ops against PyTorch', () => {
  it('has a fixture for every op and an op for every fixture', () => {
    expect(new Set(cases.map((c) => c.op))).toEqual(new Set(Object.keys(OPS)));
  });

  it.each(cases.map((c) => [`${c.op}: ${c.name}`, c] as const))('%s', (_label, c) => {
    const inputs: Inputs = {};
    for (const [k, v] of Object.entries(c.inputs)) inputs[k] = fixtureTensor(v);
    const out = OPS[c.op](inputs, c.args);
    expect(out.shape).toEqual(c.out.shape);
    expectClose(out.data, decode(c.out.data), TOL, `${c.op} value`);
    backward(out, Float32Array.from(decode(c.upstream)));
    for (const [k, g] of Object.entries(c.grads)) {
      expectClose(inputs[k].grad ?? new Float32Array(inputs[k].size), decode(g), TOL, `${c.op} d${k}`);
    }
  });

  it('erf matches Python math.erf to double-ish precision on both sides of the method switch', () => {
    const { x, erf: want } = loadFixture<{ erf: { x: number[]; erf: number[] } }>('activations.json').erf;
    expectClose(x.map(erf), want, { atol: 1e-12, rtol: 0 }, 'erf');
  });
});

describe('dropout', () => {
  const p = 0.3;
  const x = new Tensor(Float32Array.from({ length: 20000 }, (_, i) => 1 + (i % 7)), [200, 100], true);

  it('drops about p of the values and scales survivors by exactly 1/(1-p)', () => {
    const y = dropout(x, p, new Rng(5), true);
    const kept = y.data.map((v) => (v === 0 ? 0 : 1));
    const zeros = y.size - kept.reduce((s, v) => s + v, 0);
    // x is never 0, so a zero output is exactly a dropped value.
    expectClose(y.data, x.data.map((v, i) => (kept[i] * v) / (1 - p)), { atol: 0, rtol: 1e-7 }, 'dropout value');
    // Binomial(20000, 0.3) has sd ~65 (0.3%); 1% is over 3 sd.
    expect(Math.abs(zeros / y.size - p)).toBeLessThan(0.01);
    const meanIn = x.data.reduce((s, v) => s + v, 0) / x.size;
    const meanOut = y.data.reduce((s, v) => s + v, 0) / y.size;
    expect(Math.abs(meanOut / meanIn - 1)).toBeLessThan(0.02);
  });

  it('has gradient upstream * mask / (1 - p)', () => {
    const y = dropout(x, p, new Rng(6), true);
    const up = Float32Array.from({ length: y.size }, (_, i) => Math.sin(i));
    zeroGrad([x]);
    backward(y, up);
    const mask = y.data.map((v) => (v === 0 ? 0 : 1));
    const want = Float64Array.from(up, (u, i) => (u * mask[i]) / (1 - p));
    expectClose(x.grad as Float32Array, want, { atol: 0, rtol: 1e-7 }, 'dropout gradient');
  });

  it('is the identity when not training or p = 0, and the same mask for the same seed', () => {
    expect(dropout(x, p, new Rng(1), false)).toBe(x);
    expect(dropout(x, 0, new Rng(1), true)).toBe(x);
    expect(dropout(x, p, new Rng(9), true).data).toEqual(dropout(x, p, new Rng(9), true).data);
    expect(() => dropout(x, 1, new Rng(1), true)).toThrow(RangeError);
  });
});

interface OptimFixture {
  adamw: {
    config: { beta1: number; beta2: number; eps: number; weightDecay: number };
    shapes: Record<string, number[]>;
    init: Record<string, number[]>;
    steps: { lr: number; grads: Record<string, number[]>; after: Record<string, number[]> }[];
  };
  clip: { maxNorm: number; shapes: number[][]; grads: number[][]; norm: number; clipped: number[][] }[];
  warmupCosine: { lr: number; warmup: number; total: number; minLr: number; values: number[] }[];
}

const optim = loadFixture<OptimFixture>('optim.json');

describe('optimisation against torch.optim', () => {
  it('AdamW follows torch.optim.AdamW step by step (decay on matrices only, lr changing, a param without grad)', () => {
    const { config, shapes, init, steps } = optim.adamw;
    const names = Object.keys(shapes);
    const params = names.map((k) => new Tensor(Float32Array.from(init[k]), shapes[k], true));
    const opt = new AdamW(params, { lr: 1, ...config });
    steps.forEach((s, n) => {
      params.forEach((p, i) => (p.grad = names[i] in s.grads ? Float32Array.from(s.grads[names[i]]) : null));
      opt.step(s.lr);
      params.forEach((p, i) => expectClose(p.data, s.after[names[i]], { atol: 1e-6, rtol: 1e-6 }, `step ${n} ${names[i]}`));
    });
  });

  it('AdamW resumes exactly from state() / loadState()', () => {
    const { config, shapes, init, steps } = optim.adamw;
    const names = Object.keys(shapes);
    const make = (): Tensor[] => names.map((k) => new Tensor(Float32Array.from(init[k]), shapes[k], true));
    const run = (params: Tensor[], opt: AdamW, from: number, to: number): void => {
      for (let n = from; n < to; n++) {
        params.forEach((p, i) => (p.grad = names[i] in steps[n].grads ? Float32Array.from(steps[n].grads[names[i]]) : null));
        opt.step(steps[n].lr);
      }
    };
    const straight = make();
    run(straight, new AdamW(straight, { lr: 1, ...config }), 0, steps.length);
    const first = make();
    const before = new AdamW(first, { lr: 1, ...config });
    run(first, before, 0, 3);
    const saved = before.state();
    const resumed = first.map((p) => new Tensor(p.data.slice(), p.shape, true));
    const after = new AdamW(resumed, { lr: 1, ...config });
    after.loadState({ steps: saved.steps, m: saved.m.map((a) => a.slice()), v: saved.v.map((a) => a.slice()) });
    run(resumed, after, 3, steps.length);
    resumed.forEach((p, i) => expect(p.data).toEqual(straight[i].data));
  });

  it('clipGradNorm returns the pre-clip norm and scales grads like clip_grad_norm_', () => {
    for (const c of optim.clip) {
      const params = c.shapes.map((s, i) => {
        const p = Tensor.zeros(s, true);
        p.grad = Float32Array.from(c.grads[i]);
        return p;
      });
      expect(clipGradNorm(params, c.maxNorm)).toBeCloseTo(c.norm, 5);
      params.forEach((p, i) => expectClose(p.grad as Float32Array, c.clipped[i], { atol: 1e-7, rtol: 1e-6 }, `clip ${i}`));
    }
  });

  it('warmupCosine equals LinearLR warmup then CosineAnnealingLR, and stays at minLr after total', () => {
    for (const s of optim.warmupCosine) {
      const ours = s.values.map((_, step) => warmupCosine(step, s.lr, s.warmup, s.total, s.minLr));
      expectClose(ours, s.values, { atol: 0, rtol: 1e-12 }, `schedule warmup ${s.warmup}`);
      expect(warmupCosine(s.total, s.lr, s.warmup, s.total, s.minLr)).toBe(s.minLr);
      expect(warmupCosine(s.total + 50, s.lr, s.warmup, s.total, s.minLr)).toBe(s.minLr);
    }
  });
});

describe('rng against a Python port of the reference xoshiro128**', () => {
  const known = loadFixture<{ uint32: Record<string, number[]>; normal42: number[] }>('rng.json');

  it('produces the reference uint32 stream for each seed', () => {
    for (const [seed, want] of Object.entries(known.uint32)) {
      const rng = new Rng(Number(seed));
      expect(want.map(() => rng.nextUint32()), `seed ${seed}`).toEqual(want);
    }
  });

  it('draws normals by Box-Muller in the documented order', () => {
    const rng = new Rng(42);
    expectClose(known.normal42.map(() => rng.normal()), known.normal42, { atol: 1e-12, rtol: 0 }, 'normal');
  });
});
