/**
 * Recurrent cells and the sequence runner against PyTorch (scripts/gen_rnn_golden.py):
 * nn.RNNCell / LSTMCell / GRUCell unrolled over 4 steps, values and gradients, the per-step
 * state gradients read through probes, and packed right-padded batches in both directions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tensor, Rng, add, mul, sum, backward, sliceRows, noGrad, ShapeError } from '../../src/runtime/index.ts';
import { RecurrentCell, loadNamedParameters, type CellKind, type CellState } from '../../src/models/rnn.ts';
import { runSequence, embedSteps, batchMajor, timeMajor } from '../../src/models/rnn-sequence.ts';
import { repoRoot } from '../helpers/shared.ts';

interface Packed {
  shape: number[];
  data: number[];
}

interface CellFixture {
  kind: CellKind;
  inputSize: number;
  hiddenSize: number;
  B: number;
  T: number;
  params: Record<string, Packed>;
  grads: Record<string, Packed>;
  x: Packed; // (T, B, I)
  h0: Packed; // (B, H)
  c0?: Packed;
  R: Packed; // (T, B, H) loss weights
  h: Packed; // (T, B, H)
  c?: Packed;
  loss: number;
  dx: Packed;
  dh0: Packed;
  dc0?: Packed;
  dh: Packed; // (T, B, H) dL/dh_t
  dc?: Packed;
  packed: { lengths: number[]; out: Packed; h_n: Packed; c_n?: Packed }; // out (T, B, 2H), h_n (2, B, H)
}

const TOL = 1e-5;

function fixture(kind: CellKind): CellFixture {
  return JSON.parse(readFileSync(resolve(repoRoot, `test/fixtures/rnn/cell_${kind}.json`), 'utf8')) as CellFixture;
}

/** Largest |a - e| / max(1, |e|), with a message naming the tensor. */
function expectClose(actual: ArrayLike<number> | null, expected: ArrayLike<number>, what: string, tol = TOL): void {
  expect(actual, `${what}: no values`).not.toBeNull();
  const a = actual as ArrayLike<number>;
  expect(a.length, `${what}: length`).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  expect(worst, `${what}: max relative error`).toBeLessThan(tol);
}

/** Rows [t*B, (t+1)*B) of a (T, B, H) array: step t as a flat (B, H) block. */
function stepOf(p: Packed, t: number): number[] {
  const block = p.shape.slice(1).reduce((x, y) => x * y, 1);
  return p.data.slice(t * block, (t + 1) * block);
}

function loadCell(fx: CellFixture): RecurrentCell {
  const cell = new RecurrentCell({ kind: fx.kind, inputSize: fx.inputSize, hiddenSize: fx.hiddenSize }, new Rng(0));
  loadNamedParameters(cell.namedParameters(), new Map(Object.entries(fx.params)));
  return cell;
}

const leaf = (p: Packed, t?: number): Tensor =>
  t === undefined ? Tensor.from(p.data, p.shape, true) : Tensor.from(stepOf(p, t), p.shape.slice(1), true);

describe.each(['rnn', 'lstm', 'gru'] as const)('%s cell vs PyTorch', (kind) => {
  const fx = fixture(kind);

  it('matches states, loss and every gradient, including dL/dh_t through probes', () => {
    const cell = loadCell(fx);
    const xs = Array.from({ length: fx.T }, (_, t) => leaf(fx.x, t)); // T x (B, I)
    const initial: CellState = { h: leaf(fx.h0), c: fx.c0 ? leaf(fx.c0) : null };
    const run = runSequence(cell, xs, { initial, probes: true });
    const terms = run.output.map((h, t) => sum(mul(h, Tensor.from(stepOf(fx.R, t), [fx.B, fx.hiddenSize]))));
    const loss = terms.reduce((a, b) => add(a, b));
    expect(loss.item()).toBeCloseTo(fx.loss, 4);
    backward(loss);

    run.output.forEach((h, t) => expectClose(h.data, stepOf(fx.h, t), `h_${t}`));
    for (const [name, p] of cell.namedParameters()) expectClose(p.grad, fx.grads[name].data, `d${name}`);
    xs.forEach((x, t) => expectClose(x.grad, stepOf(fx.dx, t), `dx_${t}`));
    expectClose(initial.h.grad, fx.dh0.data, 'dh0');
    const probes = run.probes ?? [];
    probes.forEach((p, t) => expectClose(p.h.grad, stepOf(fx.dh, t), `dL/dh_${t}`));
    if (fx.c && fx.dc && fx.dc0) {
      run.trace?.forEach((st, t) => expectClose(st.kind === 'lstm' ? st.c.data : null, stepOf(fx.c as Packed, t), `c_${t}`));
      expectClose(initial.c?.grad ?? null, fx.dc0.data, 'dc0');
      probes.forEach((p, t) => expectClose(p.c?.grad ?? null, stepOf(fx.dc as Packed, t), `dL/dc_${t}`));
    }
  });

  it('matches packed nn.RNN/LSTM/GRU over a right-padded batch, forwards and in reverse', () => {
    const cell = loadCell(fx);
    const { lengths, out, h_n, c_n } = fx.packed;
    const H = fx.hiddenSize;
    const xs = Array.from({ length: fx.T }, (_, t) => leaf(fx.x, t));
    const fwd = noGrad(() => runSequence(cell, xs, { lengths }));
    const bwd = noGrad(() => runSequence(cell, xs, { lengths, reverse: true }));
    for (let t = 0; t < fx.T; t++) {
      for (let b = 0; b < fx.B; b++) {
        if (t >= lengths[b]) continue; // PyTorch writes zeros there; the runner holds the state
        const row = stepOf(out, t).slice(b * 2 * H, (b + 1) * 2 * H);
        expectClose(fwd.output[t].row(b), row.slice(0, H), `forward h_${t}[${b}]`);
        expectClose(bwd.output[t].row(b), row.slice(H), `reverse h_${t}[${b}]`);
      }
    }
    expectClose(fwd.state.h.data, stepOf(h_n, 0), 'forward h_n');
    expectClose(bwd.state.h.data, stepOf(h_n, 1), 'reverse h_n');
    if (c_n) {
      expectClose(fwd.state.c?.data ?? null, stepOf(c_n, 0), 'forward c_n');
      expectClose(bwd.state.c?.data ?? null, stepOf(c_n, 1), 'reverse c_n');
    }
  });
});

describe('runSequence', () => {
  const cell = new RecurrentCell({ kind: 'lstm', inputSize: 2, hiddenSize: 3 }, new Rng(1));
  const table = Tensor.from([[0.5, -1], [1, 0.25], [-0.3, 0.8]]);
  const ids = [[0, 1, 2], [2, 2, 1]];

  it('keeps gates in a typed trace that satisfy the LSTM equations, or none when asked', () => {
    const run = noGrad(() => runSequence(cell, embedSteps(table, ids)));
    const st = run.trace?.[1];
    if (st?.kind !== 'lstm') throw new Error('expected an LSTM trace');
    const cPrev = run.trace?.[0].kind === 'lstm' ? run.trace[0].c : null;
    for (let i = 0; i < st.c.size; i++) {
      expect(st.c.data[i]).toBeCloseTo(st.f.data[i] * (cPrev?.data[i] ?? 0) + st.i.data[i] * st.g.data[i], 6);
      expect(st.h.data[i]).toBeCloseTo(st.o.data[i] * Math.tanh(st.c.data[i]), 6);
    }
    expect(st.h).toBe(run.output[1]);
    expect(runSequence(cell, embedSteps(table, ids), { trace: false }).trace).toBeNull();
  });

  it('gives the same values with and without probes', () => {
    const plain = runSequence(cell, embedSteps(table, ids));
    const probed = runSequence(cell, embedSteps(table, ids), { probes: true });
    plain.output.forEach((h, t) => expect(Array.from(probed.output[t].data)).toEqual(Array.from(h.data)));
  });

  it('reaches every earlier step and the embeddings through backprop-through-time', () => {
    const emb = Tensor.from(table.data, table.shape, true);
    const run = runSequence(cell, embedSteps(emb, ids), { probes: true });
    backward(sum(sliceRows(run.output[2], 0, 1)));
    const norms = (run.probes ?? []).map((p) => Math.hypot(...(p.h.grad ?? [])));
    expect(norms.every((n) => n > 0)).toBe(true);
    expect(emb.grad?.some((g) => g !== 0)).toBe(true);
  });

  it('moves between batch-major features (B*T, I) and time-major steps', () => {
    const x = Tensor.from(Array.from({ length: 12 }, (_, i) => i), [6, 2]); // B = 2, T = 3, row b*T + t
    const steps = timeMajor(x, 2);
    expect(steps.map((s) => Array.from(s.data))).toEqual([[0, 1, 6, 7], [2, 3, 8, 9], [4, 5, 10, 11]]);
    expect(Array.from(batchMajor(steps).data)).toEqual(Array.from(x.data));
  });

  it('names shapes in its errors', () => {
    expect(() => cell.step(Tensor.zeros([2, 5]), cell.zeroState(2))).toThrow(ShapeError);
    expect(() => cell.step(Tensor.zeros([2, 5]), cell.zeroState(2))).toThrow(/\(2, 5\)/);
    expect(() => runSequence(cell, [Tensor.zeros([2, 2])], { lengths: [1, 3] })).toThrow(RangeError);
  });

  it('draws PyTorch-style uniform weights within 1/sqrt(H) and loads by name', () => {
    const c = new RecurrentCell({ kind: 'gru', inputSize: 4, hiddenSize: 9 }, new Rng(3));
    expect(c.params.weight_ih.shape).toEqual([27, 4]);
    expect(c.params.weight_hh.shape).toEqual([27, 9]);
    expect(c.parameters().every((p) => p.data.every((v) => Math.abs(v) <= 1 / 3))).toBe(true);
    expect([...c.namedParameters('enc.').keys()]).toEqual(['enc.weight_ih', 'enc.weight_hh', 'enc.bias_ih', 'enc.bias_hh']);
    const values = new Map([...c.namedParameters()].map(([n, p]) => [n, { data: p.data, shape: [...p.shape] }]));
    values.set('weight_hh', { data: new Float32Array(4), shape: [2, 2] });
    expect(() => loadNamedParameters(c.namedParameters(), values)).toThrow(/weight_hh/);
  });
});
