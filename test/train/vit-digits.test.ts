/**
 * The vit-digits recipe: a short training lowers the loss deterministically, the card's
 * evaluation has the promised shape, attention rollout is a proper mixing matrix, and the
 * shipped model reads the generated held-out digits and the mouse drawings of
 * test/fixtures/digits/drawn.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/checkpoints/bundle.ts';
import { normalizeDrawing, type Stroke } from '../../src/data/digits/index.ts';
import { vitForward } from '../../src/models/vit.ts';
import { attentionRollout, clsRolloutMap } from '../../src/models/vit-rollout.ts';
import { namedTensors } from '../../src/models/weights.ts';
import { crossEntropy, noGrad, Rng } from '../../src/runtime/index.ts';
import { startTraining, trainSteps } from '../../src/train/trainer.ts';
import {
  classifyDigits, createVitDigits, digitBatch, evaluateVitDigits, vitDigitsLoss, vitDigitsSettings,
} from '../../src/train/recipes/vit-digits.ts';
import { repoRoot } from '../helpers/shared.ts';

const dir = join(repoRoot, 'public/models/vit-digits');

interface Drawn { label: number; style: number; strokes: [number, number][][] }
const drawn: Drawn[] = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/digits/drawn.json'), 'utf8')).drawings;
const drawnImage = (d: Drawn): Float32Array => normalizeDrawing(d.strokes.map((s): Stroke => s.map(([x, y]) => ({ x, y }))));

describe('vit-digits training', () => {
  it('lowers the loss on a fixed batch, the same way from the same seed', () => {
    const fixed = digitBatch(new Rng(99), 64);
    const run = () => {
      const model = createVitDigits(3);
      const fixedLoss = () => noGrad(() => crossEntropy(vitForward(model, fixed.images).output, fixed.labels).item());
      const before = fixedLoss();
      const cfg = { ...vitDigitsSettings.train, steps: 40, warmup: 5 };
      const state = startTraining([...namedTensors(model.weights).values()], cfg);
      const losses: number[] = [];
      trainSteps(state, (_s, rng) => vitDigitsLoss(model, rng, 16), cfg, { onStep: (l) => losses.push(l.loss) });
      return { before, after: fixedLoss(), losses };
    };
    const a = run();
    expect(a.losses).toHaveLength(40);
    expect(a.after).toBeLessThan(a.before * 0.85); // measured: 2.27 -> 1.82
    expect(run()).toEqual(a);
  });

  it('evaluates to held-out accuracy, per-class accuracy and a 10x10 confusion matrix, deterministically', () => {
    const model = createVitDigits(4);
    const e = evaluateVitDigits(model, 60, 4) as {
      heldOut: { samples: number; accuracy: number; seed: number };
      perClassAccuracy: number[];
      confusionMatrix: { counts: number[][] };
      clsRollout: { samples: number; massOnInkPatches: number; inkPatchShare: number };
    };
    expect(e.heldOut).toMatchObject({ samples: 60, seed: vitDigitsSettings.heldOut.seed });
    const counts = e.confusionMatrix.counts;
    expect(counts).toHaveLength(10);
    counts.forEach((row) => expect(row).toHaveLength(10));
    expect(counts.flat().reduce((s, v) => s + v, 0)).toBe(60);
    // Balanced labels: each true digit 6 times.
    counts.forEach((row) => expect(row.reduce((s, v) => s + v, 0)).toBe(6));
    expect(e.heldOut.accuracy).toBeCloseTo(counts.reduce((s, row, c) => s + row[c], 0) / 60, 4);
    expect(e.perClassAccuracy).toHaveLength(10);
    expect(e.clsRollout.samples).toBe(4);
    expect(e.clsRollout.inkPatchShare).toBeGreaterThan(0);
    expect(e.clsRollout.inkPatchShare).toBeLessThanOrEqual(1);
    expect(evaluateVitDigits(model, 60, 4)).toEqual(e);
  });
});

describe('attention rollout', () => {
  const model = createVitDigits(5);
  const image = digitBatch(new Rng(6), 1).images[0];
  const trace = noGrad(() => vitForward(model, [image], { trace: true }).trace!);

  it('is row-stochastic (T x T) and its CLS map over the 16 patches sums to 1', () => {
    const r = attentionRollout(trace.layers);
    expect(r.shape).toEqual([17, 17]);
    for (let t = 0; t < 17; t++) {
      const row = r.data.slice(t * 17, (t + 1) * 17);
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      row.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
    }
    const map = clsRolloutMap(trace.layers);
    expect(map).toHaveLength(16);
    expect(map.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
  });

  it('over one layer is half the head-averaged attention plus half the identity', () => {
    const layer = trace.layers[0];
    const r = attentionRollout([layer]);
    const H = layer.heads.length;
    for (const [i, j] of [[0, 0], [0, 5], [3, 3], [16, 2]]) {
      const mean = layer.heads.reduce((s, h) => s + h.weights.data[i * 17 + j], 0) / H;
      expect(r.data[i * 17 + j]).toBeCloseTo(0.5 * mean + (i === j ? 0.5 : 0), 6);
    }
  });
});

describe('the shipped vit-digits model', () => {
  const read = async (name: string) => {
    const path = join(dir, name);
    return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
  };

  it('is a ViTForImageClassification whose card shows >= 97% held-out accuracy and a confusion matrix', async () => {
    const bundle = await loadBundle('vit-digits', read);
    expect(bundle.kind).toBe('vision');
    const card = JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8'));
    expect(card.evaluation.heldOut.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(card.evaluation.confusionMatrix.counts.flat().reduce((s: number, v: number) => s + v, 0)).toBe(vitDigitsSettings.heldOut.count);
    if (bundle.kind === 'vision') expect(card.parameters).toBe([...namedTensors(bundle.model.weights).values()].reduce((n, t) => n + t.size, 0));
  });

  it('recognises the mouse drawings of test/fixtures/digits/drawn.json', async () => {
    const bundle = await loadBundle('vit-digits', read);
    if (bundle.kind !== 'vision') throw new Error('expected a vision model');
    expect(drawn).toHaveLength(20);
    const predicted = classifyDigits(bundle.model, drawn.map(drawnImage));
    const wrong = drawn.filter((d, i) => predicted[i] !== d.label).map((d) => `${d.label} (style ${d.style}) read as ${predicted[drawn.indexOf(d)]}`);
    console.log(`vit-digits: ${20 - wrong.length}/20 mouse drawings recognised${wrong.length ? `; wrong: ${wrong.join(', ')}` : ''}`);
    expect(20 - wrong.length).toBeGreaterThanOrEqual(18); // measured 20/20 for the shipped model
  });
});
