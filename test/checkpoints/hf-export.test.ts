/**
 * Models trained here are saved in Hugging Face layout; loading what was saved must give
 * back the same model (same logits and attention), for the GPT-2 and the BERT layouts.
 */
import { describe, expect, it } from 'vitest';
import { toBert, toGpt2 } from '../../src/checkpoints/hf-export.ts';
import { loadHfModel } from '../../src/checkpoints/hf-load.ts';
import { serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { decoderConfig, encoderConfig } from '../../src/models/config.ts';
import { transformerForward, type TransformerModel } from '../../src/models/transformer.ts';
import { initTransformer, namedTensors } from '../../src/models/weights.ts';
import { noGrad, Rng } from '../../src/runtime/index.ts';

function roundTrip(model: TransformerModel, save: (m: TransformerModel) => { config: object; tensors: Map<string, import('../../src/runtime/index.ts').Tensor> }): TransformerModel {
  const hf = save(model);
  const loaded = loadHfModel(JSON.stringify(hf.config), serializeSafetensors(hf.tensors));
  if (loaded.kind !== 'text') throw new Error('expected a text model');
  return loaded.model;
}

function expectSameOutputs(a: TransformerModel, b: TransformerModel, ids: number[]): void {
  noGrad(() => {
    const ra = transformerForward(a, [ids], { trace: true });
    const rb = transformerForward(b, [ids], { trace: true });
    expect(rb.output.shape).toEqual(ra.output.shape);
    ra.output.data.forEach((v, i) => expect(rb.output.data[i]).toBeCloseTo(v, 5));
    const wa = ra.trace!.layers[1].heads[1].weights.data;
    const wb = rb.trace!.layers[1].heads[1].weights.data;
    wa.forEach((v, i) => expect(wb[i]).toBeCloseTo(v, 6));
  });
}

/** Non-trivial norms and biases so a swapped or dropped tensor cannot go unnoticed. */
function perturb(model: TransformerModel, seed: number): TransformerModel {
  const rng = new Rng(seed);
  for (const t of namedTensors(model.weights).values()) for (let i = 0; i < t.size; i++) t.data[i] += rng.normal() * 0.1;
  return model;
}

describe('Hugging Face export', () => {
  it('GPT-2 layout round-trips a decoder (tied head)', () => {
    const config = decoderConfig({ vocabSize: 13, dModel: 16, nHeads: 2, nKvHeads: 2, nLayers: 2, dFF: 24, maxPositions: 9, activation: 'geluTanh' });
    const model = perturb({ config, weights: initTransformer(config, new Rng(3)) }, 4);
    const back = roundTrip(model, toGpt2);
    expect(back.config).toMatchObject({ nLayers: 2, nHeads: 2, lmHead: 'tied', activation: 'geluTanh', maxPositions: 9 });
    expectSameOutputs(model, back, [1, 5, 7, 0, 12, 3]);
  });

  it('GPT-2 layout round-trips a decoder with a separate head', () => {
    const config = decoderConfig({ vocabSize: 7, dModel: 12, nHeads: 3, nKvHeads: 3, nLayers: 2, dFF: 20, maxPositions: 6, activation: 'gelu', lmHead: 'separate' });
    const model = perturb({ config, weights: initTransformer(config, new Rng(5)) }, 6);
    expectSameOutputs(model, roundTrip(model, toGpt2), [6, 0, 1, 2]);
  });

  it('BERT layout round-trips an encoder with its masked-LM head', () => {
    const config = encoderConfig({ vocabSize: 11, dModel: 16, nHeads: 4, nKvHeads: 4, nLayers: 2, dFF: 32, maxPositions: 10 });
    const model = perturb({ config, weights: initTransformer(config, new Rng(7)) }, 8);
    const back = roundTrip(model, toBert);
    expect(back.config).toMatchObject({ preNorm: false, embeddingNorm: true, mlmTransform: true, lmHead: 'tied' });
    expectSameOutputs(model, back, [2, 9, 4, 4, 10, 3]);
  });

  it('refuses layouts that do not fit', () => {
    const llamaLike = decoderConfig({ vocabSize: 5, dModel: 8, nHeads: 2, nKvHeads: 2, nLayers: 1, dFF: 8, norm: 'rms', positions: 'rotary', bias: false });
    expect(() => toGpt2({ config: llamaLike, weights: initTransformer(llamaLike, new Rng(1)) })).toThrow(/GPT-2 layout/);
  });
});
