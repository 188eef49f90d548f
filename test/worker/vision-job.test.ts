// @vitest-environment node
/**
 * Lesson 7's worker job on a real checkpoint folder: a small random ViT written in Hugging
 * Face's layout by the project's exporter, loaded by the project's loader inside the real
 * worker handler, reached through the page's client. What the job returns must be what the
 * runtime's own forward pass computes: each head's CLS row, rollout, and the classes named
 * by config.json's id2label. A text model, a config that is no ViT and broken weights give
 * messages, not crashes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelClient, type WorkerLike } from '../../src/app/worker/client.ts';
import { createModelWorker } from '../../src/app/worker/handler.ts';
import { transferablesOf, type ToWorker, type WorkerResponse } from '../../src/app/worker/protocol.ts';
import { toVit } from '../../src/checkpoints/hf-export-vit.ts';
import { serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { pixelValues, rgbToWire, VIT_DEFAULT_STATS, type RgbImage } from '../../src/models/vit-image.ts';
import { classLabels, softmaxVector, topClasses } from '../../src/models/vit-probe.ts';
import { initVit, vitConfig, vitForward, type VitModel } from '../../src/models/vit.ts';
import { namedTensors } from '../../src/models/weights.ts';
import { noGrad, Rng } from '../../src/runtime/index.ts';
import { repoRoot } from '../helpers/shared.ts';

const LABELS = ['tench', 'goldfish', 'great white shark', 'tiger shark', 'hammerhead', 'electric ray', 'stingray'];
let root: string;
let model: VitModel;

/** A random 3-channel ViT, 16 x 16 images in 4 x 4 patches, norms and biases made non-trivial. */
function randomVit(): VitModel {
  const config = vitConfig({ imageSize: 16, patchSize: 4, channels: 3, numClasses: LABELS.length, dModel: 24, nHeads: 3, nKvHeads: 3, nLayers: 3, dFF: 32 });
  const m = { config, weights: initVit(config, new Rng(5)) };
  const rng = new Rng(6);
  for (const t of namedTensors(m.weights).values()) for (let i = 0; i < t.size; i++) t.data[i] += rng.normal() * 0.3;
  return m;
}

function writeFolder(name: string, files: Record<string, Uint8Array | string>) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, bytes] of Object.entries(files)) writeFileSync(join(dir, f), bytes);
}

function picture(width: number, height: number, seed: number): RgbImage {
  const rng = new Rng(seed);
  return { width, height, rgb: Uint8Array.from({ length: width * height * 3 }, () => rng.int(256)) };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vit-job-'));
  model = randomVit();
  const hf = toVit(model, LABELS);
  writeFolder('vit-test', { 'config.json': JSON.stringify(hf.config), 'model.safetensors': serializeSafetensors(hf.tensors) });
  writeFolder('not-vit', { 'config.json': JSON.stringify({ ...hf.config, model_type: 'resnet', architectures: ['ResNetForImageClassification'] }), 'model.safetensors': serializeSafetensors(hf.tensors) });
  writeFolder('broken', { 'config.json': JSON.stringify(hf.config), 'model.safetensors': new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A Worker whose inside is createModelWorker reading `root` (and the shipped models), cloning as a browser does. */
class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  private handle = createModelWorker({
    modelsUrl: '/unused/',
    files: (_url, id) => {
      const dir = existsSync(join(root, id)) ? join(root, id) : join(repoRoot, 'public/models', id);
      return async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
    },
    post: (r) => {
      const copy = structuredClone(r, { transfer: transferablesOf(r) });
      setTimeout(() => this.onmessage?.({ data: copy } as MessageEvent<WorkerResponse>), 0);
    },
  });
  postMessage(m: ToWorker) {
    const copy = structuredClone(m);
    setTimeout(() => this.handle(copy), 0);
  }
  terminate() {}
}

const client = () => createModelClient(() => new InProcessWorker(), { modelsUrl: '/unused/' });

describe('the vit-image job on an exported checkpoint', () => {
  const image = picture(37, 23, 1); // not square, not the model's size: the job resizes
  const direct = () => {
    const pixels = pixelValues(image, model.config, VIT_DEFAULT_STATS);
    return noGrad(() => vitForward(model, [pixels], { trace: true }));
  };

  it('returns each head\'s CLS row over the patches exactly as the runtime\'s forward pass weighs them', async () => {
    const r = await client().run('vit-image', 'vit-test', { image: rgbToWire(image) });
    const { trace } = direct();
    expect(r.config).toMatchObject({ imageSize: 16, patchSize: 4, nLayers: 3, nHeads: 3 });
    expect(r.clsToPatches).toHaveLength(3);
    for (let l = 0; l < 3; l++) {
      for (let h = 0; h < 3; h++) {
        const w = trace!.layers[l].heads[h].weights; // (17, 17)
        expect(r.clsToPatches[l][h]).toHaveLength(16);
        r.clsToPatches[l][h].forEach((v, j) => expect(v).toBeCloseTo(w.data[1 + j], 5));
        expect(r.clsToSelf[l][h]).toBeCloseTo(w.data[0], 5);
      }
    }
    expect(r.resized).toHaveLength(16 * 16 * 3);
  });

  it('returns a rollout whose rows sum to 1 and equal Abnar & Zuidema\'s product, computed here directly', async () => {
    const r = await client().run('vit-image', 'vit-test', { image: rgbToWire(image) });
    const { trace } = direct();
    const T = 17;
    expect(r.rollout.shape).toEqual([T, T]);
    for (let i = 0; i < T; i++) expect(r.rollout.data.slice(i * T, (i + 1) * T).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    // Direct: A_l = rownorm(mean_h W + I), R = A_L ... A_1 (0.5 / 0.5 mixing is the same after renormalising).
    let R: number[][] = Array.from({ length: T }, (_, i) => Array.from({ length: T }, (_, j) => (i === j ? 1 : 0)));
    for (const layer of trace!.layers) {
      const A = Array.from({ length: T }, (_, i) => {
        const row = Array.from({ length: T }, (_, j) => layer.heads.reduce((s, h) => s + h.weights.data[i * T + j], 0) / layer.heads.length + (i === j ? 1 : 0));
        const total = row.reduce((s, v) => s + v, 0);
        return row.map((v) => v / total);
      });
      R = A.map((row) => R[0].map((_, j) => row.reduce((s, a, k) => s + a * R[k][j], 0)));
    }
    R.flat().forEach((v, i) => expect(r.rollout.data[i]).toBeCloseTo(v, 5));
    const cls = R[0].slice(1);
    const total = cls.reduce((s, v) => s + v, 0);
    cls.forEach((v, j) => expect(r.rolloutCls[j]).toBeCloseTo(v / total, 5));
  });

  it('gives probabilities that are the softmax of the logits, and a top 5 named by id2label', async () => {
    const r = await client().run('vit-image', 'vit-test', { image: rgbToWire(image) });
    const { output } = direct();
    output.data.forEach((v, i) => expect(r.logits[i]).toBeCloseTo(v, 4));
    const p = softmaxVector(output.data);
    p.forEach((v, i) => expect(r.probabilities[i]).toBeCloseTo(v, 6));
    const config = JSON.parse(readFileSync(join(root, 'vit-test/config.json'), 'utf8')) as { id2label: unknown };
    const top = topClasses(r.probabilities, classLabels(config.id2label, r.config.numClasses));
    const expected = [...p].map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v).slice(0, 5);
    expect(top.map((t) => t.label)).toEqual(expected.map((e) => LABELS[e.i]));
    expect(top.map((t) => t.p)).toEqual(expected.map((e) => e.v));
  });

  it('normalises with the statistics it is given', async () => {
    const stats = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };
    const r = await client().run('vit-image', 'vit-test', { image: rgbToWire(image), stats });
    const out = noGrad(() => vitForward(model, [pixelValues(image, model.config, stats)])).output;
    out.data.forEach((v, i) => expect(r.logits[i]).toBeCloseTo(v, 4));
    expect(r.stats).toEqual(stats);
  });
});

describe('the vit-image job on what it cannot read', () => {
  const image = rgbToWire(picture(8, 8, 2));

  it('says a text model is not a ViT', async () => {
    await expect(client().run('vit-image', 'tiny-gpt', { image })).rejects.toThrow(/tiny-gpt is a .* text model, not a Vision Transformer/);
  });

  it('passes on the loader\'s message for a config that is not a ViT, and for broken weights', async () => {
    await expect(client().run('vit-image', 'not-vit', { image })).rejects.toThrow(/unsupported model_type "resnet"/);
    await expect(client().run('vit-image', 'broken', { image })).rejects.toThrow(/safetensors|header|bytes/i);
  });

  it('refuses a picture whose bytes do not match its size', async () => {
    await expect(client().run('vit-image', 'vit-test', { image: { ...image, width: 9 } })).rejects.toThrow(/bytes for 9 x 8 RGB/);
    await expect(client().run('vit-image', 'vit-test', { image: { width: 5000, height: 1, base64: '' } })).rejects.toThrow(/larger than 4096/);
  });
});
