/**
 * multiHeadAttention (src/models/attention.ts) against a batched PyTorch implementation
 * (scripts/golden_torch.py `attention`), case by case: no mask, causal, padding (B = 2 with
 * different lengths), cross-attention (T != S, also padded), grouped-query (4 query heads on
 * 2 key/value heads) and rotary (one key/value head, positions from 3). For each it compares
 *   - the output (B*T, d) of a batched call,
 *   - every head's q, k, v, scores, scaled, masked, weights, out from a traced call per sequence,
 *   - gradients of sum(output * R) w.r.t. wq, wk, wv, wo, the biases, x and memory,
 * and, where the case is plain multi-head attention, torch's own nn.MultiheadAttention kernel
 * (F.multi_head_attention_forward) output and per-head weights as an independent second opinion.
 * The masks are built with causalMask / paddingMask / combineMasks and checked against the
 * fixture's masks first.
 */
import { describe, expect, it } from 'vitest';
import { Tensor, backward, mul, sum, noGrad, sliceRows } from '../../src/runtime/index.ts';
import {
  multiHeadAttention, causalMask, paddingMask, combineMasks, type AttentionOptions,
} from '../../src/models/attention.ts';
import type { AttentionWeights } from '../../src/models/weights.ts';
import { expectHeads, expectMatches, loadModelFixture, slice, tensorOf, type Packed, type PackedHeads } from './golden.ts';

interface Case {
  name: string;
  d: number;
  nHeads: number;
  nKvHeads: number;
  B: number;
  T: number;
  S: number;
  cross: boolean;
  causal: boolean;
  lengths: number[] | null;
  blocked: number[][] | null; // per sequence, (T, S) flattened, 1 = blocked
  rope: { theta: number; positions: number[] } | null;
  weights: Record<keyof AttentionWeights, Packed>;
  x: Packed;
  memory: Packed;
  R: Packed;
  output: Packed;
  heads: PackedHeads[]; // per sequence
  grads: Record<string, Packed>;
  torchMha?: { output: Packed; weights: Packed[] };
}

const { cases } = loadModelFixture<{ cases: Case[] }>('attention.json');
const TOL = { atol: 1e-5, rtol: 1e-5 };

function weightsOf(c: Case): AttentionWeights {
  const w = {} as AttentionWeights;
  for (const [k, v] of Object.entries(c.weights)) w[k as keyof AttentionWeights] = tensorOf(v, true);
  return w;
}

/** The case's masks from the runtime helpers (what the models use), one per sequence. */
function masksOf(c: Case): (Uint8Array | null)[] {
  return Array.from({ length: c.B }, (_, b) => combineMasks(
    c.causal ? causalMask(c.T) : null,
    c.lengths && c.lengths[b] < c.S ? paddingMask(c.T, c.S, c.lengths[b]) : null,
  ));
}

function options(c: Case, B: number, masks: (Uint8Array | null)[], trace: boolean): AttentionOptions {
  const rows = (n: number) => Array.from({ length: B * n }, (_, r) => (c.rope as { positions: number[] }).positions[r % n]);
  return {
    nHeads: c.nHeads, nKvHeads: c.nKvHeads, B, T: c.T, S: c.S, trace,
    blocked: (b) => masks[b],
    rope: c.rope ? { theta: c.rope.theta, queryPositions: rows(c.T), keyPositions: rows(c.S) } : undefined,
  };
}

describe.each(cases.map((c) => [c.name, c] as const))('multiHeadAttention: %s', (_name, c) => {
  const masks = masksOf(c);

  it('builds the same masks as the fixture', () => {
    if (!c.blocked) expect(masks.every((m) => m === null)).toBe(true);
    else masks.forEach((m, b) => expect(Array.from(m ?? new Uint8Array(c.T * c.S)), `sequence ${b}`).toEqual(c.blocked?.[b]));
  });

  it('matches the output and the gradients of sum(output * R)', () => {
    const w = weightsOf(c);
    const x = tensorOf(c.x, true);
    const memory = c.cross ? tensorOf(c.memory, true) : x;
    const { output, heads } = multiHeadAttention(x, memory, w, options(c, c.B, masks, false));
    expect(heads).toBeNull();
    expect(output.shape).toEqual([c.B * c.T, c.d]);
    expectMatches(output, c.output, TOL, 'output');
    backward(sum(mul(output, tensorOf(c.R))));
    for (const [name, t] of Object.entries(w)) expectMatches(new Tensor(t.grad as Float32Array, t.shape), c.grads[name], TOL, `d${name}`);
    expectMatches(new Tensor(x.grad as Float32Array, x.shape), c.grads.x, TOL, 'dx');
    if (c.cross) expectMatches(new Tensor(memory.grad as Float32Array, memory.shape), c.grads.memory, TOL, 'dmemory');
  });

  it('traces every head of every sequence step by step', () => {
    const w = weightsOf(c);
    const x = tensorOf(c.x);
    const memory = tensorOf(c.memory);
    noGrad(() => {
      for (let b = 0; b < c.B; b++) {
        const xb = sliceRows(x, b * c.T, (b + 1) * c.T);
        const mb = sliceRows(memory, b * c.S, (b + 1) * c.S);
        const r = multiHeadAttention(xb, mb, w, options(c, 1, [masks[b]], true));
        expectHeads(r.heads ?? undefined, c.heads[b], TOL, `sequence ${b}`);
        expectMatches(r.output, slice({ shape: [c.B, c.T, c.d], f32: c.output.f32 }, b), TOL, `sequence ${b} output`);
        // Masked scores are -Infinity exactly where the mask blocks, and get zero weight.
        for (const head of r.heads ?? []) {
          head.masked.data.forEach((v, i) => expect(v === -Infinity).toBe(masks[b]?.[i] === 1));
          head.weights.data.forEach((v, i) => masks[b]?.[i] && expect(v).toBe(0));
        }
        if (c.torchMha) {
          const ref = c.torchMha;
          expectMatches(r.output, slice({ shape: [c.B, c.T, c.d], f32: ref.output.f32 }, b), TOL, `nn.MultiheadAttention output ${b}`);
          r.heads?.forEach((head, h) => expectMatches(head.weights, slice(ref.weights[b], h), TOL, `nn.MultiheadAttention weights ${b}.${h}`));
        }
      }
    });
  });
});

describe('multiHeadAttention: guards', () => {
  const c = cases.find((k) => k.name === 'padding') as Case;

  it('refuses to trace a batch and names the batch size', () => {
    const x = tensorOf(c.x);
    expect(() => multiHeadAttention(x, x, weightsOf(c), options(c, 2, masksOf(c), true))).toThrow(/batch of 2/);
  });

  it('rejects rows that do not fit B, T, S', () => {
    const x = tensorOf(c.x);
    expect(() => multiHeadAttention(x, x, weightsOf(c), { ...options(c, 2, masksOf(c), false), T: 5 })).toThrow(/12 query rows/);
  });
});
