/**
 * transformerForward (src/models/transformer.ts) against a batched PyTorch Transformer written
 * independently (scripts/golden_torch.py), four architectures, each loaded from fixture weights
 * under our own dotted names (`blocks.0.attn.wq`) with initTransformer + assignNamedTensors:
 *   bert        post-norm, embedding norm, token types, padded batch, tied MLM head with transform
 *   gpt         pre-norm, causal, learned positions, GELU (tanh), final norm, tied head
 *   llama       RMSNorm, rotary, SwiGLU, grouped-query (4 heads on 2), no biases, separate head
 *   sinusoidal  pre-norm causal stack with sinusoidal positions, ReLU, and padding on top of causal
 * For each: batched logits and final hidden states; a traced single sequence compared step by
 * step (embeddings, every block's named steps, every head's q/k/v/scores/scaled/masked/weights/
 * out); a run from position offset 3; and a training loss (crossEntropy with ignore index -100:
 * masked-LM rows gathered through headRows for bert, next-token for the decoders) with the
 * gradients of selected weights against torch autograd.
 */
import { describe, expect, it } from 'vitest';
import { Tensor, crossEntropy, noGrad, zeroGrad, backward } from '../../src/runtime/index.ts';
import type { TransformerConfig } from '../../src/models/config.ts';
import { transformerForward } from '../../src/models/transformer.ts';
import { namedTensors } from '../../src/models/weights.ts';
import { expectLayers, expectMatches, loadModelFixture, loadTransformer, type Packed, type PackedLayer } from './golden.ts';

interface TextFixture {
  config: TransformerConfig;
  weights: Record<string, Packed>;
  run: { ids: number[][]; lengths: number[] | null; tokenTypes: number[][] | null; logits: Packed; hidden: Packed };
  trace: {
    ids: number[];
    lengths: number[] | null;
    tokenTypes: number[][] | null;
    tokenEmbeddings: Packed;
    positionEmbeddings?: Packed;
    embeddings: Packed;
    hidden: Packed;
    logits: Packed;
    layers: PackedLayer[];
  };
  offsetRun: { ids: number[][]; positionOffset: number; logits: Packed; layers?: PackedLayer[] }; // layers: rotary only
  loss: { headRows: number[] | null; targets: number[]; loss: number; grads: Record<string, Packed> };
}

// Float32 against float64 through two blocks; the worst element is within 5e-6, so 2x headroom.
const TOL = { atol: 1e-5, rtol: 1e-5 };
const GRAD_TOL = { atol: 1e-5, rtol: 5e-5 };

describe.each(['bert', 'gpt', 'llama', 'sinusoidal'])('transformerForward vs PyTorch: %s', (name) => {
  const fx = loadModelFixture<TextFixture>(`arch_${name}.json`);
  const model = loadTransformer(fx.config, fx.weights);
  const opt = <T>(v: T | null): T | undefined => v ?? undefined;

  it('loads every fixture tensor into the tree by its dotted name', () => {
    expect([...namedTensors(model.weights).keys()].sort()).toEqual(Object.keys(fx.weights).sort());
  });

  it('gives the batched logits and hidden states', () => {
    const { run } = fx;
    const r = noGrad(() => transformerForward(model, run.ids, { lengths: opt(run.lengths), tokenTypes: opt(run.tokenTypes) }));
    expectMatches(r.output, run.logits, TOL, 'logits');
    expectMatches(r.hidden, run.hidden, TOL, 'hidden');
    expect(r.trace).toBeNull();
  });

  it('traces one sequence step by step, every layer and head', () => {
    const t = fx.trace;
    const r = noGrad(() => transformerForward(model, [t.ids], { trace: true, lengths: opt(t.lengths), tokenTypes: opt(t.tokenTypes) }));
    const tr = r.trace;
    if (!tr) throw new Error('no trace');
    expect(tr.ids).toEqual(t.ids);
    expectMatches(tr.tokenEmbeddings, t.tokenEmbeddings, TOL, 'tokenEmbeddings');
    if (t.positionEmbeddings) expectMatches(tr.positionEmbeddings, t.positionEmbeddings, TOL, 'positionEmbeddings');
    else expect(tr.positionEmbeddings).toBeNull(); // rotary positions live inside attention
    expectMatches(tr.embeddings, t.embeddings, TOL, 'embeddings');
    expectLayers(tr.layers, t.layers, TOL, name);
    if (fx.config.finalNorm) expectMatches(tr.finalNorm, t.hidden, TOL, 'finalNorm');
    else expect(tr.finalNorm).toBeNull();
    expectMatches(r.hidden, t.hidden, TOL, 'hidden');
    expectMatches(tr.logits, t.logits, TOL, 'logits');
  });

  it('continues from a position offset', () => {
    const o = fx.offsetRun;
    const r = noGrad(() => transformerForward(model, o.ids, { positionOffset: o.positionOffset, trace: true }));
    expectMatches(r.output, o.logits, TOL, `logits from position ${o.positionOffset}`);
    // Rotary scores depend only on relative positions; the rotated q and k show the offset.
    if (o.layers) expectLayers(r.trace?.layers ?? [], o.layers, TOL, `from position ${o.positionOffset}`);
    else expect(fx.config.positions).not.toBe('rotary');
  });

  it('matches the training loss and its gradients (ignore index -100)', () => {
    const l = fx.loss;
    const params = namedTensors(model.weights);
    zeroGrad(params.values());
    const r = transformerForward(model, fx.run.ids, {
      lengths: opt(fx.run.lengths), tokenTypes: opt(fx.run.tokenTypes), headRows: opt(l.headRows),
    });
    if (l.headRows) expect(r.output.shape).toEqual([l.headRows.length, fx.config.vocabSize]);
    const loss = crossEntropy(r.output, l.targets);
    expect(Math.abs(loss.item() - l.loss)).toBeLessThan(1e-5);
    backward(loss);
    expect(Object.keys(l.grads).length).toBeGreaterThan(5);
    for (const [n, g] of Object.entries(l.grads)) {
      const p = params.get(n);
      expect(p?.grad, `gradient of ${n}`).toBeTruthy();
      expectMatches(new Tensor(p?.grad as Float32Array, p?.shape as number[]), g, GRAD_TOL, `d${n}`);
    }
    zeroGrad(params.values());
  });
});

describe('loading weights by name', () => {
  const fx = loadModelFixture<TextFixture>('arch_gpt.json');

  it('names a missing tensor and refuses to load half-way', () => {
    const { 'blocks.1.attn.wk': _dropped, ...rest } = fx.weights;
    expect(() => loadTransformer(fx.config, rest)).toThrow(/missing blocks\.1\.attn\.wk/);
  });

  it('names a misshapen tensor with both shapes', () => {
    const bad = { ...fx.weights, 'blocks.0.ffn.up': { ...fx.weights['blocks.0.ffn.down'] } };
    expect(() => loadTransformer(fx.config, bad)).toThrow(/blocks\.0\.ffn\.up is \(16, 64\) in the file but \(64, 16\) in the model/);
  });
});

describe('keepWeightsOf: one head kept in the graph for a loss on attention', () => {
  it('returns, per sequence of a padded batch, the same weights a traced single-sequence run shows, with gradients', () => {
    const fx = loadModelFixture<TextFixture>('arch_bert.json');
    const model = loadTransformer(fx.config, fx.weights);
    const a = [2, 5, 7, 3, 1];
    const b = [4, 6, 1, 0, 0]; // real length 3, then padding
    const kept = transformerForward(model, [a, b], { lengths: [5, 3], keepWeightsOf: { layer: 1, head: 1 }, logits: false }).kept;
    expect(kept).toHaveLength(2);
    const traceA = noGrad(() => transformerForward(model, [a], { trace: true, logits: false }).trace!);
    expect(Array.from(kept[0].data)).toEqual(Array.from(traceA.layers[1].heads[1].weights.data));
    // The padded row attends only to its 3 real tokens.
    for (let q = 0; q < 5; q++) expect(kept[1].data[q * 5 + 3] + kept[1].data[q * 5 + 4]).toBe(0);
    expect(kept[0].requiresGrad).toBe(true);
  });
});
