/**
 * The Bahdanau encoder-decoder against its PyTorch mirror (scripts/gen_rnn_golden.py): logits,
 * annotations, alignment weights, loss, the gradient of every parameter and greedy decoding,
 * with and without attention; then finite differences and the padding behaviour.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng, backward, crossEntropy, noGrad, zeroGrad } from '../../src/runtime/index.ts';
import { loadNamedParameters } from '../../src/models/rnn.ts';
import { Seq2Seq, seq2seqLoss, teacherForcing, padBatch, type Seq2SeqConfig } from '../../src/models/seq2seq.ts';
import { repoRoot } from '../helpers/shared.ts';

interface Packed {
  shape: number[];
  data: number[];
}

interface Seq2SeqFixture {
  config: Seq2SeqConfig;
  params: Record<string, Packed>;
  grads: Record<string, Packed>;
  src: number[][];
  tgtIn: number[][];
  tgtOut: number[][];
  annotations: Packed; // (B*T_src, dEncOut)
  logits: Packed; // (B*T_out, V)
  weights: Packed | null; // (B, T_out, T_src)
  loss: number;
  greedy: { maxLen: number; tokens: number[][]; weights: Packed | null }; // weights (B, maxLen, T_src)
}

function expectClose(actual: ArrayLike<number> | null, expected: ArrayLike<number>, what: string, tol = 1e-5): void {
  expect(actual, `${what}: no values`).not.toBeNull();
  const a = actual as ArrayLike<number>;
  expect(a.length, `${what}: length`).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  expect(worst, `${what}: max relative error`).toBeLessThan(tol);
}

/** weights[b, t, 0:n] of a (B, T_out, T_src) array. */
function alignRow(w: Packed, b: number, t: number, n: number): number[] {
  const [, To, Ts] = w.shape;
  const o = (b * To + t) * Ts;
  return w.data.slice(o, o + n);
}

describe.each(['seq2seq_bahdanau', 'seq2seq_noattn'])('%s vs PyTorch', (name) => {
  const fx = JSON.parse(readFileSync(resolve(repoRoot, `test/fixtures/rnn/${name}.json`), 'utf8')) as Seq2SeqFixture;
  const load = (): Seq2Seq => {
    const model = new Seq2Seq(fx.config, new Rng(0));
    loadNamedParameters(model.namedParameters(), new Map(Object.entries(fx.params)));
    return model;
  };

  it('matches logits, annotations, alignment, loss and every gradient', () => {
    const model = load();
    const { output, trace } = model.forward(fx.src, fx.tgtIn);
    expectClose(output.data, fx.logits.data, 'logits');
    expectClose(trace?.annotations.data ?? null, fx.annotations.data, 'annotations');
    const Ts = fx.src[0].length;
    trace?.steps.forEach((st, t) => {
      fx.src.forEach((_, b) => {
        if (fx.weights) expectClose(st.weights?.row(b) ?? null, alignRow(fx.weights, b, t, Ts), `weights[${b}, ${t}]`);
        else expect(st.weights).toBeNull();
      });
    });
    const loss = crossEntropy(output, fx.tgtOut.flat(), fx.config.padId);
    expect(loss.item()).toBeCloseTo(fx.loss, 5);
    backward(loss);
    for (const [n, p] of model.namedParameters()) expectClose(p.grad, fx.grads[n].data, `d ${n}`);
  });

  it('decodes greedily like PyTorch, stopping at eos, with the alignment per sentence', () => {
    const { tokens, alignment } = load().greedyDecode(fx.src, fx.greedy.maxLen);
    fx.greedy.tokens.forEach((ref, b) => {
      const eos = ref.indexOf(fx.config.eosId);
      expect(tokens[b]).toEqual(eos === -1 ? ref : ref.slice(0, eos + 1));
    });
    if (!fx.greedy.weights) return expect(alignment).toBeNull();
    const lengths = fx.src.map((row) => row.filter((id) => id !== fx.config.padId).length);
    alignment?.forEach((a, b) => {
      expect(a.shape).toEqual([tokens[b].length, lengths[b]]);
      tokens[b].forEach((_, t) => expectClose(a.row(t), alignRow(fx.greedy.weights as Packed, b, t, lengths[b]), `alignment[${b}][${t}]`));
    });
  });
});

describe('Seq2Seq', () => {
  const src = [[3, 4, 5, 6], [6, 5]];
  const targets = [[7, 8, 9], [9, 3]];
  const cfg: Partial<Seq2SeqConfig> = { srcVocab: 8, tgtVocab: 10, dEmb: 4, dEnc: 5, dDec: 6, dAttn: 5 };

  it.each([
    ['bidirectional with attention', { bidirectional: true, attention: true }],
    ['unidirectional without attention', { bidirectional: false, attention: false }],
  ])('has loss gradients that agree with central differences (%s)', (_, variant) => {
    const model = new Seq2Seq({ ...cfg, ...variant }, new Rng(7));
    const loss = () => seq2seqLoss(model, src, targets);
    backward(loss());
    const eps = 1e-2;
    for (const [n, p] of model.namedParameters()) {
      // Derivative along the parameter's own gradient direction d = g / |g|: analytically |g|,
      // so any error in g's size or direction shows, with one pair of evaluations per tensor.
      const g = p.grad as Float32Array;
      const norm = Math.hypot(...g);
      const dir = g.map((v) => v / norm);
      const analytic = norm;
      const base = Float32Array.from(p.data);
      const at = (sign: number): number => {
        p.data.set(base.map((v, i) => v + sign * eps * dir[i]));
        return noGrad(loss).item();
      };
      const numeric = (at(1) - at(-1)) / (2 * eps);
      p.data.set(base);
      // float32 losses make the difference quotient noisy at about 1e-5.
      expect(Math.abs(numeric - analytic), `${n}: numeric ${numeric} vs analytic ${analytic}`).toBeLessThan(3e-5 + 1e-2 * analytic);
    }
    zeroGrad(model.parameters());
  });

  it('gives padded sentences the same logits and alignment as unpadded ones', () => {
    const model = new Seq2Seq(cfg, new Rng(5));
    const { tgtIn } = teacherForcing(targets, model.cfg);
    const batch = noGrad(() => model.forward(padBatch(src, 0), tgtIn));
    const alone = noGrad(() => model.forward([src[1]], [tgtIn[1]]));
    const T = tgtIn[0].length;
    const V = model.cfg.tgtVocab;
    expectClose(batch.output.data.subarray(T * V, 2 * T * V), alone.output.data, 'logits of the short sentence');
    batch.trace?.steps.forEach((st, t) => {
      const w = st.weights?.row(1) ?? new Float32Array();
      expect(Array.from(w.subarray(2))).toEqual([0, 0]); // padding gets no weight
      expectClose(w.subarray(0, 2), alone.trace?.steps[t].weights?.data ?? [], `weights at step ${t}`);
      expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    });
  });

  it('without attention has no alignment parameters and a fixed context', () => {
    const model = new Seq2Seq({ ...cfg, attention: false }, new Rng(5));
    expect([...model.namedParameters().keys()].some((n) => n.startsWith('attention.'))).toBe(false);
    const { trace } = noGrad(() => model.forward(padBatch(src, 0), teacherForcing(targets, model.cfg).tgtIn));
    const steps = trace?.steps ?? [];
    expect(steps.every((st) => st.weights === null && st.scores === null)).toBe(true);
    expect(steps.every((st) => st.context === steps[0].context)).toBe(true);
  });

  it('rejects malformed batches with messages that say what is wrong', () => {
    const model = new Seq2Seq(cfg, new Rng(5));
    expect(() => model.forward([[3, 0, 4]], [[1, 7]])).toThrow(/padding/);
    expect(() => model.forward([[3, 99]], [[1, 7]])).toThrow(/source id 99/);
    expect(() => model.forward([[3, 4], [5]], [[1], [1]])).toThrow(/equal rows/);
  });
});
