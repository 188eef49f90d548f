/**
 * vitForward (src/models/vit.ts) against PyTorch (scripts/golden_torch.py `vit_forward`): a
 * 3-channel 12x12 image cut into nine 4x4 patches. The reference embeds patches with a stride-4
 * torch Conv2d over the (C, H, W) image (our patchProjection read as its (d, C, p, p) kernel)
 * and cuts raw patch vectors with F.unfold, so patchify's reading order and (c, y, x) flattening
 * are checked against torch's. Compares the logits of a batch of two, a traced image step by
 * step (patches, patch embeddings, CLS-first embeddings, every layer and head, in particular
 * each head's CLS attention row), and the gradients of a classification loss.
 */
import { describe, expect, it } from 'vitest';
import { Tensor, Rng, crossEntropy, noGrad, zeroGrad, backward } from '../../src/runtime/index.ts';
import { vitForward, initVit, patchify, vitConfig, type VitConfig, type VitModel } from '../../src/models/vit.ts';
import { assignNamedTensors, namedTensors } from '../../src/models/weights.ts';
import { expectClose } from '../runtime/helpers.ts';
import { expectLayers, expectMatches, loadModelFixture, slice, tensorMap, unpack, type Packed, type PackedLayer } from './golden.ts';

interface VitFixture {
  config: VitConfig;
  weights: Record<string, Packed>;
  images: Packed; // (B, C, H, W)
  logits: Packed;
  trace: { patches: Packed; patchEmbeddings: Packed; embeddings: Packed; hidden: Packed; layers: PackedLayer[] };
  loss: { labels: number[]; loss: number; grads: Record<string, Packed> };
}

const TOL = { atol: 1e-5, rtol: 1e-5 };
const fx = loadModelFixture<VitFixture>('arch_vit.json');
const config = vitConfig(fx.config);
const weights = initVit(config, new Rng(0));
assignNamedTensors(weights, tensorMap(fx.weights));
const model: VitModel = { config, weights };
const images = [0, 1].map((b) => slice(fx.images, b).data.slice());

describe('vitForward vs PyTorch (Conv2d patches, CLS first)', () => {
  it('cuts patches in the order and layout of a stride-p Conv2d / F.unfold', () => {
    expectMatches(patchify(images[0], config), fx.trace.patches, { atol: 0, rtol: 0 }, 'patches');
  });

  it('gives the logits of a batch', () => {
    const r = noGrad(() => vitForward(model, images));
    expect(r.output.shape).toEqual([2, config.numClasses]);
    expectMatches(r.output, fx.logits, TOL, 'logits');
  });

  it('traces one image: embeddings, every layer and head, and the CLS attention rows', () => {
    const r = noGrad(() => vitForward(model, [images[0]], { trace: true }));
    const tr = r.trace;
    if (!tr) throw new Error('no trace');
    expectMatches(tr.patchEmbeddings, fx.trace.patchEmbeddings, TOL, 'patchEmbeddings');
    expectMatches(tr.embeddings, fx.trace.embeddings, TOL, 'embeddings');
    expectLayers(tr.layers, fx.trace.layers, TOL, 'vit');
    expectMatches(tr.finalNorm, fx.trace.hidden, TOL, 'finalNorm');
    expectMatches(tr.logits, slice(fx.logits, 0), TOL, 'logits');
    // The lesson's picture: row 0 of each head's weights, CLS looking at itself and the patches.
    const T = 1 + (config.imageSize / config.patchSize) ** 2;
    tr.layers.forEach((layer, l) => layer.heads.forEach((head, h) => {
      const want = slice(fx.trace.layers[l].heads.weights, h).data.subarray(0, T);
      expectClose(head.weights.data.subarray(0, T), want, TOL, `layer ${l} head ${h} CLS row`);
    }));
  });

  it('matches a classification loss and its gradients', () => {
    const params = namedTensors(weights);
    zeroGrad(params.values());
    const loss = crossEntropy(vitForward(model, images).output, fx.loss.labels);
    expect(Math.abs(loss.item() - fx.loss.loss)).toBeLessThan(1e-5);
    backward(loss);
    for (const [n, g] of Object.entries(fx.loss.grads)) {
      const p = params.get(n) as Tensor;
      expectMatches(new Tensor(p.grad as Float32Array, p.shape), g, { atol: 1e-5, rtol: 5e-5 }, `d${n}`);
    }
    zeroGrad(params.values());
  });

  it('rejects an image of the wrong size, naming the expected layout', () => {
    expect(() => vitForward(model, [unpack(fx.images)])).toThrow(/3 x 12 x 12/);
  });
});
