// @vitest-environment node
/**
 * The vision lesson's computations on the shipped vit-digits: the pad, through the lesson's
 * inputs in the store, turns strokes into the very image normalizeDrawing makes (so real
 * mouse drawings are read correctly), generated digits reproduce the generator, the model's
 * outputs are proper distributions, and the patch-size arithmetic behind the question.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/checkpoints/bundle.ts';
import { generateDigit, normalizeDrawing, type Stroke } from '../../src/data/digits/index.ts';
import type { VitModel } from '../../src/models/vit.ts';
import { Rng } from '../../src/runtime/index.ts';
import { readLessonInput } from '../../src/store/lesson-inputs.ts';
import { createAtlasStore, type AtlasStore } from '../../src/store/store.ts';
import { DRAWN_THICKNESS, generatedState, PAD, padActions, padView } from '../../lessons/vision/drawing.ts';
import { PATCH_SIDES, VISION } from '../../lessons/vision/inputs.ts';
import { percent } from '../../lessons/vision/format.ts';
import { padPoint } from '../../lessons/vision/pad-canvas.ts';
import { cosinesWith, rowNorms } from '../../lessons/vision/patch-stats.ts';
import { inkPatches, massOn, patchCost, patchSizes, runVit, softmaxOf } from '../../lessons/vision/vit-run.ts';
import { repoRoot } from '../helpers/shared.ts';

const dir = join(repoRoot, 'public/models/vit-digits');
const read = async (name: string) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);

interface Drawn { label: number; strokes: [number, number][][] }
const drawn: Drawn[] = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/digits/drawn.json'), 'utf8')).drawings;

/** What the pad of `store` shows. */
function shown(store: AtlasStore) {
  const s = store.getState();
  return padView(readLessonInput(s, VISION, 'digit'), readLessonInput(s, VISION, 'drawing'));
}

/** Replays recorded strokes through the pad as pointer events would: down, then moves. */
function replay(strokes: [number, number][][]) {
  const store = createAtlasStore();
  const pad = padActions(store);
  pad.clear();
  for (const s of strokes) {
    pad.startStroke({ x: s[0][0], y: s[0][1] });
    for (let i = 1; i < s.length; i += 3) pad.extendStroke(s.slice(i, i + 3).map(([x, y]) => ({ x, y })));
  }
  return shown(store);
}

let model: VitModel;
beforeAll(async () => {
  const b = await loadBundle('vit-digits', read);
  if (b.kind !== 'vision') throw new Error('vit-digits is not a vision model');
  model = b.model;
});

describe('the drawing pad', () => {
  it('rasterises strokes exactly as normalizeDrawing does, so recorded mouse drawings are read correctly', () => {
    let right = 0;
    for (const d of drawn) {
      const state = replay(d.strokes);
      const strokes = d.strokes.map((s): Stroke => s.map(([x, y]) => ({ x, y })));
      expect(state.strokes).toEqual(strokes);
      expect(state.image).toEqual(normalizeDrawing(strokes, { thickness: DRAWN_THICKNESS }));
      if (runVit(model, state.image).predicted === d.label) right++;
    }
    // Measured 20 of 20; a pad that framed drawings differently from training would miss many.
    expect(right).toBeGreaterThanOrEqual(drawn.length - 1);
  });

  it('maps pointer positions onto the 280-unit pad whatever size the pad has on screen', () => {
    expect(padPoint(10, 20, { left: 10, top: 20, width: 140, height: 140 })).toEqual({ x: 0, y: 0 });
    expect(padPoint(150, 160, { left: 10, top: 20, width: 140, height: 140 })).toEqual({ x: PAD, y: PAD });
    // One gesture on a small and a large pad gives one image.
    const gesture = drawn[6].strokes;
    const onPad = (side: number) => gesture.map((s) => s.map(([x, y]) => padPoint((x * side) / PAD + 5, (y * side) / PAD + 7, { left: 5, top: 7, width: side, height: side })));
    const small = normalizeDrawing(onPad(200), { thickness: DRAWN_THICKNESS });
    const large = normalizeDrawing(onPad(560), { thickness: DRAWN_THICKNESS });
    small.forEach((v, i) => expect(v).toBeCloseTo(large[i], 4));
  });

  it('clamps strokes that leave the pad, undoes and clears', () => {
    const store = createAtlasStore();
    const pad = padActions(store);
    expect(shown(store).source.kind).toBe('generated'); // starts with a digit, not an empty pad
    pad.startStroke({ x: -40, y: 100 });
    pad.extendStroke([{ x: 400, y: 100 }]);
    expect(shown(store).strokes).toEqual([[{ x: 0, y: 100 }, { x: PAD, y: 100 }]]);
    pad.startStroke({ x: 140, y: 10 });
    pad.extendStroke([{ x: 140, y: 270 }]);
    expect(shown(store).strokes).toHaveLength(2);
    pad.undo();
    expect(shown(store).strokes).toHaveLength(1);
    pad.clear();
    expect(shown(store).strokes).toEqual([]);
    expect(shown(store).source.kind).toBe('drawn');
    expect(shown(store).image.every((v) => v === 0)).toBe(true);
    pad.undo(); // on an empty pad: still empty, still drawn
    expect(shown(store).source.kind).toBe('drawn');
  });

  it('keeps pointer positions to a tenth of a pad unit (a tenth of a CSS pixel)', () => {
    const store = createAtlasStore();
    const pad = padActions(store);
    pad.startStroke({ x: 10.04, y: 20.26 });
    pad.extendStroke([{ x: 279.99, y: 0.01 }]);
    expect(shown(store).strokes).toEqual([[{ x: 10, y: 20.3 }, { x: 280, y: 0 }]]);
  });

  it('draws generated digits with the generator, seeded; a link carries the digit, never a drawing', () => {
    const g = generatedState(12, 7);
    const sample = generateDigit(new Rng(12), 7);
    expect(g.image).toEqual(sample.image);
    expect(g.source).toEqual({ kind: 'generated', seed: 12, label: 7, template: sample.template });
    const store = createAtlasStore();
    expect(shown(store)).toEqual(generatedState(1)); // every visit starts alike
    store.getState().setLessonInput('vision', 'digit', '40');
    const pad = padActions(store);
    pad.startStroke({ x: 1, y: 2 });
    pad.drawRandom(3);
    expect(shown(store).source).toMatchObject({ kind: 'generated', seed: 41, label: 3 });
    expect(store.getState().lessonInputs.vision).toEqual({ digit: '41-3' });
    pad.drawRandom();
    expect(shown(store).source).toMatchObject({ kind: 'generated', seed: 42 });
    expect(generatedState(99)).toEqual(generatedState(99));
  });

  it('reads a hostile drawing or digit from the store as the default', () => {
    for (const drawing of ['M1,1', 'd:1,1;', 'd:-1,5', 'd:1,999', 'd:1e2,1', `d:${'1,1 '.repeat(30_000)}1,1`]) {
      const store = createAtlasStore({ lessonInputs: { vision: { _drawing: drawing, digit: '12-x' } } });
      expect(shown(store), drawing.slice(0, 20)).toEqual(generatedState(1));
    }
  });

  it('offers the patch sides that divide the frame', () => {
    expect(PATCH_SIDES).toEqual(patchSizes(28));
  });
});

describe('one traced run of the ViT', () => {
  it('reads generated digits and returns proper distributions', () => {
    let right = 0;
    for (let seed = 100; seed < 120; seed++) {
      const label = seed % 10;
      const { image } = generatedState(seed, label);
      const run = runVit(model, image);
      if (run.predicted === label) right++;
      expect(run.probabilities.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      expect(run.rollout.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      expect(run.lastLayerMean.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      const { nLayers, nHeads } = model.config;
      expect(run.clsToPatches).toHaveLength(nLayers);
      run.clsToPatches.forEach((layer, l) => {
        expect(layer).toHaveLength(nHeads);
        layer.forEach((row, h) => {
          expect(row).toHaveLength(16);
          expect(row.reduce((s, v) => s + v, 0) + run.clsToSelf[l][h]).toBeCloseTo(1, 5);
        });
      });
    }
    expect(right).toBeGreaterThanOrEqual(19); // the card measures 99.85% on held-out digits
  });

  it('has the shapes the figures show: 16 patches of 49 pixels, 17 tokens of 48', () => {
    const run = runVit(model, generatedState(5, 2).image);
    expect(run.trace.patches.shape).toEqual([16, 49]);
    expect(run.trace.patchEmbeddings.shape).toEqual([16, 48]);
    expect(run.trace.embeddings.shape).toEqual([17, 48]);
    expect(model.weights.patchProjection.shape).toEqual([48, 49]);
    // A blank patch's token is the bias alone: W . 0 + b.
    const blank = Array.from({ length: 16 }, (_, n) => n).find((n) => run.trace.patches.row(n).every((v) => v === 0));
    expect(blank).toBeDefined(); // a digit framed in a 20px box leaves some 7x7 patch empty
    Array.from(run.trace.patchEmbeddings.row(blank!)).forEach((v, c) => expect(v).toBeCloseTo(model.weights.patchBias.data[c], 6));
  });
});

describe('patch arithmetic and helpers', () => {
  it('counts tokens and scores for every patch size of a 28 x 28 image', () => {
    expect(patchSizes(28)).toEqual([1, 2, 4, 7, 14, 28]);
    expect(patchCost(28, 7)).toEqual({ patchSize: 7, patches: 16, tokens: 17, pixelsPerPatch: 49, scoresPerHead: 289 });
    const ratio = patchCost(28, 2).scoresPerHead / patchCost(28, 4).scoresPerHead;
    expect(ratio).toBeGreaterThan(15);
    expect(ratio).toBeLessThan(16); // "about 16 times": CLS makes it a little less
    expect(() => patchCost(28, 5)).toThrow(/does not divide/);
  });

  it('finds ink patches and the mass on them', () => {
    const image = new Float32Array(28 * 28);
    image[0] = 1; // top-left patch
    image[27 * 28 + 27] = 0.4; // bottom-right, too faint to count
    const ink = inkPatches(image, 28, 7);
    expect(ink.filter(Boolean)).toHaveLength(1);
    expect(ink[0]).toBe(true);
    expect(massOn([0.5, 0.25, 0.25], [true, false, true])).toBeCloseTo(0.75, 10);
    expect(massOn([0, 0], [true, false])).toBe(0);
  });

  it('computes softmax, norms, cosines and percentages', () => {
    const p = softmaxOf([1000, 1000, 999]);
    expect(p[0]).toBeCloseTo(p[1], 6);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(Array.from(rowNorms(Float32Array.from([3, 4, 0, 0]), 2, 2))).toEqual([5, 0]);
    const cos = cosinesWith(Float32Array.from([1, 0, 0, 2, 1, 1]), 3, 2, 0);
    expect(cos[0]).toBeCloseTo(1, 6);
    expect(cos[1]).toBeCloseTo(0, 6);
    expect(cos[2]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(percent(0.99996)).toBe('>99.9%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0.00001)).toBe('<0.1%');
    expect(percent(0.4567)).toBe('45.7%');
  });
});
