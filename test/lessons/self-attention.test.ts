/**
 * The self-attention lesson recomputes a head step by step from the weights; every step
 * must equal what the model's own forward pass produced, on the shipped models.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/checkpoints/bundle.ts';
import { transformerForward } from '../../src/models/transformer.ts';
import { noGrad } from '../../src/runtime/index.ts';
import { meanMaxWeight } from '../../lessons/self-attention/compute.ts';
import { causallyMasked, headSteps } from '../../src/models/head-steps.ts';
import { repoRoot } from '../helpers/shared.ts';

async function textBundle(id: string) {
  const dir = join(repoRoot, 'public/models', id);
  const b = await loadBundle(id, async (name) => {
    try {
      return new Uint8Array(readFileSync(join(dir, name)));
    } catch {
      return null;
    }
  });
  if (b.kind !== 'text' || !b.tokenizer) throw new Error(`${id}: expected a text model with a tokenizer`);
  return b;
}

const close = (a: Float32Array, b: Float32Array, tol = 1e-4) => {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  expect(worst).toBeLessThan(tol);
};

describe.each(['coref', 'tiny-gpt'])('self-attention step by step on %s', (id) => {
  it('recomputes q, k, v, scores, scaled, weights and out exactly as the forward pass did', async () => {
    const { model, tokenizer } = await textBundle(id);
    const ids = tokenizer!.encode("The animal didn't cross the street because it was too tired.").map((t) => t.id);
    const trace = noGrad(() => transformerForward(model, [ids], { trace: true, logits: false }).trace!);
    for (const [layer, head] of [[0, 0], [model.config.nLayers - 1, model.config.nHeads - 1]]) {
      const s = headSteps(model, trace, layer, head);
      const h = trace.layers[layer].heads[head];
      close(s.q.data, h.q.data);
      close(s.k.data, h.k.data);
      close(s.v.data, h.v.data);
      close(s.scores.data, h.scores.data, 1e-3);
      close(s.scaled.data, h.scaled.data);
      close(s.weights.data, h.weights.data);
      close(s.out.data, h.out.data);
      const [T, dHead] = s.q.dims2('q');
      expect(T).toBe(ids.length);
      expect(s.wq.dims2('wq')).toEqual([model.config.dModel, dHead]);
    }
  });

  it('without the scaling the softmax is sharper (larger top weights)', async () => {
    const { model, tokenizer } = await textBundle(id);
    const ids = tokenizer!.encode('The cat sat on the mat because it was tired.').map((t) => t.id);
    const trace = noGrad(() => transformerForward(model, [ids], { trace: true, logits: false }).trace!);
    const s = headSteps(model, trace, 0, 0);
    expect(meanMaxWeight(s.unscaledWeights)).toBeGreaterThan(meanMaxWeight(s.weights));
  });
});

describe('causal mask', () => {
  it('blocks every key after the query and keeps rows summing to 1', async () => {
    const { model, tokenizer } = await textBundle('coref');
    const ids = tokenizer!.encode('The cat sat on the mat.').map((t) => t.id);
    const trace = noGrad(() => transformerForward(model, [ids], { trace: true, logits: false }).trace!);
    const { weights } = causallyMasked(headSteps(model, trace, 0, 0).scaled);
    const T = ids.length;
    for (let i = 0; i < T; i++) {
      let sum = 0;
      for (let j = 0; j < T; j++) {
        if (j > i) expect(weights.data[i * T + j]).toBe(0);
        sum += weights.data[i * T + j];
      }
      expect(sum).toBeCloseTo(1, 5);
    }
  });
});
