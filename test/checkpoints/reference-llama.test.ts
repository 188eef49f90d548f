/**
 * Proof on real weights trained elsewhere: the stories260K Llama (grouped-query attention,
 * RoPE, RMSNorm, SwiGLU) loaded from its Hugging Face files must reproduce the published
 * greedy tokens, top-5 next tokens and an attention row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHfModel } from '../../src/checkpoints/hf-load.ts';
import { transformerForward, type TransformerModel } from '../../src/models/transformer.ts';
import { noGrad } from '../../src/runtime/index.ts';
import { sharedPath } from '../helpers/shared.ts';

interface Expected {
  prompt: string;
  ids: number[];
  greedy: number[];
  last_top5: number[];
  attn_last_row_L4H7: number[];
}

function load(): { model: TransformerModel; expected: Expected[] } {
  const dir = sharedPath('reference-models', 'stories260K');
  const loaded = loadHfModel(readFileSync(join(dir, 'config.json'), 'utf8'), new Uint8Array(readFileSync(join(dir, 'model.safetensors'))));
  if (loaded.kind !== 'text') throw new Error('expected a text model');
  return { model: loaded.model, expected: JSON.parse(readFileSync(join(dir, 'expected_public.json'), 'utf8')) };
}

function argsortDesc(values: Float32Array): number[] {
  return [...values.keys()].sort((a, b) => values[b] - values[a]);
}

function lastLogits(model: TransformerModel, ids: number[]): Float32Array {
  const V = model.config.vocabSize;
  const out = transformerForward(model, [ids]).output;
  return out.data.slice((ids.length - 1) * V, ids.length * V);
}

describe('stories260K (Llama) from ../shared/reference-models', () => {
  const { model, expected } = load();

  it('maps config.json onto grouped-query attention with rotary positions', () => {
    expect(model.config).toMatchObject({ nHeads: 8, nKvHeads: 4, nLayers: 5, dModel: 64, positions: 'rotary', norm: 'rms', activation: 'swiglu' });
  });

  for (const [i, e] of expected.entries()) {
    it(`prompt ${i}: top-5 next tokens and the layer 4 head 7 attention row`, () => {
      noGrad(() => {
        const r = transformerForward(model, [e.ids], { trace: true });
        const V = model.config.vocabSize;
        const T = e.ids.length;
        expect(argsortDesc(r.output.data.slice((T - 1) * V, T * V)).slice(0, 5)).toEqual(e.last_top5);
        const row = r.trace!.layers[4].heads[7].weights.row(T - 1);
        expect(row.length).toBe(e.attn_last_row_L4H7.length);
        row.forEach((v, j) => expect(Math.abs(v - e.attn_last_row_L4H7[j])).toBeLessThan(1e-4));
      });
    });

    it(`prompt ${i}: 40 greedy tokens exactly`, () => {
      noGrad(() => {
        const ids = [...e.ids];
        for (let s = 0; s < e.greedy.length; s++) ids.push(argsortDesc(lastLogits(model, ids))[0]);
        expect(ids.slice(e.ids.length)).toEqual(e.greedy);
      });
    });
  }

  it('reproduces the reference logits of a 34-token prompt', () => {
    const ref = JSON.parse(readFileSync(sharedPath('reference-models', 'stories260K', 'reference_logits.json'), 'utf8'));
    noGrad(() => {
      const V = model.config.vocabSize;
      const logits = transformerForward(model, [ref.tokens]).output;
      const T = ref.tokens.length;
      const last = logits.data.slice((T - 1) * V, T * V);
      expect(argsortDesc(last).slice(0, 5)).toEqual(ref.last_logits_top5);
      ref.last_logits_top5_values.forEach((v: number, j: number) => expect(last[ref.last_logits_top5[j]]).toBeCloseTo(v, 3));
      for (let t = 0; t < T; t++) {
        let s = 0;
        for (let j = 0; j < V; j++) s += logits.data[t * V + j];
        expect(Math.abs(s - ref.logits_sum_per_pos[t])).toBeLessThan(Math.abs(ref.logits_sum_per_pos[t]) * 1e-4 + 1e-2);
      }
      ref.logit_0_first8.forEach((v: number, j: number) => expect(logits.data[j]).toBeCloseTo(v, 4));
    });
  });
});
