/**
 * A ViT trained here is saved as a Hugging Face ViTForImageClassification checkpoint;
 * loading what was saved (loadHfModel, and loadBundle as the app does) must give back the
 * same model: same logits, same CLS attention.
 */
import { namedTensors } from '../../src/models/weights.ts';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/checkpoints/bundle.ts';
import { toVit } from '../../src/checkpoints/hf-export-vit.ts';
import { loadHfModel } from '../../src/checkpoints/hf-load.ts';
import { serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { initVit, vitConfig, vitForward, type VitConfig, type VitModel } from '../../src/models/vit.ts';
import { noGrad, Rng } from '../../src/runtime/index.ts';

/** Non-trivial norms and biases so a swapped or dropped tensor cannot go unnoticed. */
function randomVit(over: Partial<VitConfig>, seed: number): VitModel {
  const config = vitConfig({ imageSize: 12, patchSize: 4, channels: 1, numClasses: 5, dModel: 16, nHeads: 4, nKvHeads: 4, nLayers: 2, dFF: 24, ...over });
  const model = { config, weights: initVit(config, new Rng(seed)) };
  const rng = new Rng(seed + 1);
  for (const t of namedTensors(model.weights).values()) for (let i = 0; i < t.size; i++) t.data[i] += rng.normal() * 0.1;
  return model;
}

function randomImage(cfg: VitConfig, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: cfg.channels * cfg.imageSize ** 2 }, () => rng.next());
}

function roundTrip(model: VitModel): VitModel {
  const hf = toVit(model);
  const loaded = loadHfModel(JSON.stringify(hf.config), serializeSafetensors(hf.tensors));
  if (loaded.kind !== 'vision') throw new Error('expected a vision model');
  return loaded.model;
}

function expectSameOutputs(a: VitModel, b: VitModel, image: Float32Array): void {
  noGrad(() => {
    const ra = vitForward(a, [image], { trace: true });
    const rb = vitForward(b, [image], { trace: true });
    expect(rb.output.shape).toEqual(ra.output.shape);
    ra.output.data.forEach((v, i) => expect(rb.output.data[i]).toBeCloseTo(v, 5));
    const last = a.config.nLayers - 1;
    const wa = ra.trace!.layers[last].heads[2].weights.data;
    const wb = rb.trace!.layers[last].heads[2].weights.data;
    wa.forEach((v, i) => expect(wb[i]).toBeCloseTo(v, 6));
  });
}

describe('ViT export to Hugging Face layout', () => {
  it('round-trips a one-channel ViT through safetensors and loadHfModel', () => {
    const model = randomVit({}, 3);
    const back = roundTrip(model);
    expect(back.config).toMatchObject({ imageSize: 12, patchSize: 4, channels: 1, numClasses: 5, dModel: 16, nLayers: 2, dFF: 24, preNorm: true, normEps: model.config.normEps, activation: 'gelu' });
    expectSameOutputs(model, back, randomImage(model.config, 9));
  });

  it('round-trips an RGB ViT with a tanh GELU', () => {
    const model = randomVit({ channels: 3, patchSize: 3, numClasses: 3, activation: 'geluTanh', nLayers: 3 }, 5);
    const back = roundTrip(model);
    expect(back.config).toMatchObject({ channels: 3, patchSize: 3, activation: 'geluTanh' });
    expectSameOutputs(model, back, randomImage(model.config, 10));
  });

  it('writes transformers\' names, shapes and labels, and loads through loadBundle', async () => {
    const model = randomVit({}, 7);
    const hf = toVit(model, ['a', 'b', 'c', 'd', 'e']);
    expect(hf.config).toMatchObject({ architectures: ['ViTForImageClassification'], model_type: 'vit', image_size: 12, patch_size: 4, num_channels: 1 });
    expect(hf.config.id2label).toEqual({ 0: 'a', 1: 'b', 2: 'c', 3: 'd', 4: 'e' });
    expect(hf.tensors.get('vit.embeddings.patch_embeddings.projection.weight')!.shape).toEqual([16, 1, 4, 4]);
    expect(hf.tensors.get('vit.embeddings.cls_token')!.shape).toEqual([1, 1, 16]);
    expect(hf.tensors.get('vit.embeddings.position_embeddings')!.shape).toEqual([1, 10, 16]);
    expect(hf.tensors.has('vit.encoder.layer.1.attention.attention.query.bias')).toBe(true);
    expect(hf.tensors.get('classifier.weight')!.shape).toEqual([5, 16]);
    const files: Record<string, Uint8Array> = {
      'config.json': new TextEncoder().encode(JSON.stringify(hf.config)),
      'model.safetensors': serializeSafetensors(hf.tensors),
    };
    const bundle = await loadBundle('vit-test', async (name) => files[name] ?? null);
    expect(bundle.kind).toBe('vision');
    expect(bundle.architecture).toBe('ViTForImageClassification');
    if (bundle.kind === 'vision') expectSameOutputs(model, bundle.model, randomImage(model.config, 11));
  });

  it('refuses models that do not fit the ViT layout', () => {
    const model = randomVit({ bias: false }, 1);
    expect(() => toVit(model)).toThrow(/ViT layout/);
    expect(() => toVit(randomVit({}, 2), ['only one'])).toThrow(/1 labels for 5 classes/);
  });
});
