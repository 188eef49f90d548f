/**
 * The Hugging Face ViT mapping (src/checkpoints/hf-config.ts, hf-weights.ts, hf-load.ts) on a
 * tiny ViTForImageClassification written by hand after transformers' modeling_vit.py
 * (scripts/golden_hf.py), saved as a real config.json + model.safetensors by Python: a (d, C, p, p)
 * Conv2d patch projection, cls_token (1, 1, d), position_embeddings (1, N+1, d), layernorm_before
 * and _after, vit.layernorm, classifier. The class count comes from id2label, as in real
 * configs. Through loadHfModel it must give PyTorch's logits for two RGB images, the final
 * hidden states and every layer's attention probabilities; and reject a checkpoint that
 * disagrees with config.json (naming the tensor and both shapes) or lacks a tensor.
 */
import { describe, expect, it } from 'vitest';
import { noGrad } from '../../src/runtime/index.ts';
import { loadHfModel } from '../../src/checkpoints/hf-load.ts';
import { parseSafetensors, serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { vitForward, type VitModel } from '../../src/models/vit.ts';
import { expectMatches, fixtureBytes, fixtureText, loadModelFixture, slice, type Packed } from './golden.ts';

interface Expected {
  pixels: Packed; // (B, C, H, W)
  logits: Packed; // (B, classes)
  lastHidden: Packed; // (B, 1+N, d) after vit.layernorm
  attentions: Packed[]; // per layer (B, H, 1+N, 1+N)
}

const TOL = { atol: 1e-5, rtol: 1e-5 };
const configText = fixtureText('hf-vit-tiny/config.json');
const bytes = fixtureBytes('hf-vit-tiny/model.safetensors');
const want = loadModelFixture<Expected>('hf-vit-tiny/expected.json');
const images = [0, 1].map((b) => slice(want.pixels, b).data.slice());

function load(config: string, file: Uint8Array): VitModel {
  const loaded = loadHfModel(config, file);
  if (loaded.kind !== 'vision') throw new Error(`loaded a ${loaded.family}`);
  return loaded.model;
}

describe('Hugging Face ViT (ViTForImageClassification) through loadHfModel', () => {
  const model = load(configText, bytes);

  it('maps config.json, taking the class count from id2label', () => {
    expect(model.config).toMatchObject({
      dModel: 32, nHeads: 4, nLayers: 2, dFF: 64, imageSize: 12, patchSize: 4, channels: 3, numClasses: 5,
      normEps: 1e-12, preNorm: true, finalNorm: true, activation: 'gelu', maxPositions: 10,
    });
  });

  it("gives PyTorch's logits for a batch of two RGB images", () => {
    const r = noGrad(() => vitForward(model, images));
    expectMatches(r.output, want.logits, TOL, 'logits');
  });

  it('gives the final hidden states and every attention probability, image by image', () => {
    images.forEach((image, b) => {
      const tr = noGrad(() => vitForward(model, [image], { trace: true })).trace;
      if (!tr) throw new Error('no trace');
      expectMatches(tr.finalNorm, slice(want.lastHidden, b), TOL, `last_hidden_state ${b}`);
      tr.layers.forEach((layer, l) => {
        const probs = slice(want.attentions[l], b); // (H, T, T)
        const size = probs.data.length / layer.heads.length;
        layer.heads.forEach((head, h) => expectMatches(head.weights, { shape: probs.shape.slice(1), data: probs.data.subarray(h * size, (h + 1) * size) }, TOL, `attentions[${l}] ${b}.${h}`));
      });
    });
  });

  it('rejects a checkpoint whose shapes disagree with config.json, naming the tensor and both shapes', () => {
    const config = JSON.stringify({ ...JSON.parse(configText), patch_size: 6 });
    expect(() => load(config, bytes)).toThrow('vit.embeddings.patch_embeddings.projection.weight: file has (32, 3, 4, 4), config expects (32, 3, 6, 6)');
    const labels = JSON.stringify({ ...JSON.parse(configText), num_labels: 7 });
    expect(() => load(labels, bytes)).toThrow('classifier.weight: file has (5, 32), config expects (7, 32)');
  });

  it('names a missing tensor', () => {
    const tensors = new Map(parseSafetensors(bytes).tensors);
    tensors.delete('vit.embeddings.cls_token');
    expect(() => load(configText, serializeSafetensors(tensors))).toThrow(/vit\.embeddings\.cls_token/);
    const headless = new Map([...parseSafetensors(bytes).tensors].filter(([k]) => !k.startsWith('classifier.')));
    expect(() => load(configText, serializeSafetensors(headless))).toThrow(/classifier\.weight/);
  });
});
