// @vitest-environment node
/**
 * The positional-encoding lesson's computations: the shuffle experiment on a shipped text
 * model (exactly order-blind without positions for an encoder), the sinusoid measurements,
 * rotary scores, the learned table's measurements and the picture's colour mapping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type ModelBundle } from '../../src/checkpoints/bundle.ts';
import { sinusoidalEncoding, sinusoidalWavelength } from '../../src/models/positional.ts';
import { bestSplit, corpusLengths } from '../../lessons/positions/learned-stats.ts';
import { colorPosition } from '../../lessons/positions/matrix-image.ts';
import { additiveScores, randomQueryKey, rotaryScores } from '../../lessons/positions/rotary.ts';
import {
  attentionWeights, inverseOrder, layerMeans, meanRowDistance, readBack, shuffledOrder, shuffleExperiment, withoutPositions,
} from '../../lessons/positions/shuffle.ts';
import { shuffleInput } from '../../lessons/positions/shuffle-input.ts';
import { diagonalSpread, dotAtOffset, pairWavelengths, rowCosines, rowDots, rowNorms, sinusoidMatrix } from '../../lessons/positions/sinusoid-stats.ts';
import { TEXT_MODELS } from '../../lessons/positions/use-text-model.ts';
import { repoRoot } from '../helpers/shared.ts';

type TextBundle = Extract<ModelBundle, { kind: 'text' }>;

async function textModel(id: string): Promise<TextBundle> {
  const dir = join(repoRoot, 'public/models', id);
  const b = await loadBundle(id, async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null));
  if (b.kind !== 'text') throw new Error(`${id} is not a text model`);
  return b;
}

/** The lesson's model: the first of TEXT_MODELS shipped on disk, as the page picks it. */
async function lessonModel(): Promise<TextBundle> {
  const id = TEXT_MODELS.find((m) => existsSync(join(repoRoot, 'public/models', m, 'config.json')));
  if (!id) throw new Error(`none of ${TEXT_MODELS.join(', ')} is in public/models`);
  return textModel(id);
}

const SENTENCE = 'The animal did not cross the street because it was too tired.';

describe('shuffled order', () => {
  it('is a permutation that keeps fixed tokens in place, moves something, and repeats per seed', () => {
    for (let seed = 0; seed < 30; seed++) {
      const fixed = (i: number) => i === 0 || i === 9;
      const order = shuffledOrder(10, seed, fixed);
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i));
      expect(order[0]).toBe(0);
      expect(order[9]).toBe(9);
      expect(order.some((o, k) => o !== k)).toBe(true);
      expect(shuffledOrder(10, seed, fixed)).toEqual(order);
    }
    // Two movable tokens: the only non-identity order is the swap.
    expect(shuffledOrder(4, 3, (i) => i === 0 || i === 3)).toEqual([0, 2, 1, 3]);
    expect(shuffledOrder(1, 3)).toEqual([0]);
  });

  it('reads a permuted pattern back into the original order', () => {
    const T = 4;
    const a = Float32Array.from({ length: T * T }, (_, k) => k);
    const order = [2, 0, 3, 1];
    const inv = inverseOrder(order);
    // The pattern a model would give the shuffled sequence if it followed the words exactly.
    const shuffled = new Float32Array(T * T);
    for (let s = 0; s < T; s++) for (let t = 0; t < T; t++) shuffled[s * T + t] = a[order[s] * T + order[t]];
    expect(Array.from(readBack(shuffled, order))).toEqual(Array.from(a));
    expect(order.map((_, i) => order[inv[i]])).toEqual([0, 1, 2, 3]);
  });

  it('measures total variation: 0 for equal rows, 1 for disjoint ones', () => {
    const a = Float32Array.from([1, 0, 0, 1]);
    expect(meanRowDistance(a, a, 2)).toBe(0);
    expect(meanRowDistance(a, Float32Array.from([0, 1, 1, 0]), 2)).toBe(1);
    expect(meanRowDistance(a, Float32Array.from([0.5, 0.5, 0, 1]), 2)).toBeCloseTo(0.25, 6);
  });
});

describe('the shuffle experiment on the lesson model', () => {
  let bundle: TextBundle;
  beforeAll(async () => {
    bundle = await lessonModel();
  });

  it('removes positions in a copy, leaving the model itself untouched', () => {
    const table = bundle.model.weights.positionEmbedding!;
    const before = Float32Array.from(table.data);
    const copy = withoutPositions(bundle.model);
    expect(copy.weights.positionEmbedding!.data.every((v) => v === 0)).toBe(true);
    expect(copy.weights.positionEmbedding!.shape).toEqual(table.shape);
    expect(bundle.model.weights.positionEmbedding!.data).toEqual(before);
    expect(withoutPositions(bundle.model)).toBe(copy); // cached
    expect(copy.weights.tokenEmbedding).toBe(bundle.model.weights.tokenEmbedding);
  });

  it('follows the words exactly without positions (encoder), and only in part with them', () => {
    const input = shuffleInput(bundle.tokenizer!, bundle.model.config.maxPositions, SENTENCE, 1);
    if (!input.ok) throw new Error(input.message);
    const T = input.ids.length;
    const trained = shuffleExperiment(bundle.model, input.ids, input.order);
    const removed = shuffleExperiment(withoutPositions(bundle.model), input.ids, input.order);
    for (const run of [trained, removed]) {
      for (const layer of run.readBack) {
        for (const w of layer) for (let i = 0; i < T; i++) expect(w.subarray(i * T, (i + 1) * T).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      }
    }
    const withPositions = layerMeans(trained.distance);
    // Positions matter: in some layer a real share of the attention lands elsewhere after the shuffle.
    expect(Math.max(...withPositions)).toBeGreaterThan(0.1);
    if (!bundle.model.config.causal) {
      // A bidirectional encoder without positions is blind to order: same pattern, relabelled.
      for (const layer of removed.distance) for (const d of layer) expect(d).toBeLessThan(1e-5);
    }
  });

  it('gives the unshuffled sentence the same pattern in both runs', () => {
    const ids = bundle.tokenizer!.encode(SENTENCE).map((t) => t.id);
    const identity = ids.map((_, i) => i);
    const r = shuffleExperiment(bundle.model, ids, identity);
    expect(r.distance.flat().every((d) => d === 0)).toBe(true);
    expect(attentionWeights(bundle.model, ids)[0][0]).toEqual(r.original[0][0]);
  });

  it('says honestly that the tiny-gpt stand-in (a decoder) still sees order through its mask', async () => {
    const gpt = await textModel('tiny-gpt');
    expect(gpt.model.config.causal).toBe(true);
    const input = shuffleInput(gpt.tokenizer!, gpt.model.config.maxPositions, SENTENCE, 1);
    if (!input.ok) throw new Error(input.message);
    const removed = shuffleExperiment(withoutPositions(gpt.model), input.ids, input.order);
    expect(Math.min(...layerMeans(removed.distance))).toBeGreaterThan(0.05);
  });

  it('answers bad input with a message', () => {
    const tok = bundle.tokenizer!;
    const max = bundle.model.config.maxPositions;
    const bad = (text: string) => {
      const r = shuffleInput(tok, max, text, 1);
      return r.ok ? null : r.message;
    };
    expect(bad('')).toMatch(/no sentence/);
    expect(bad('   ')).toMatch(/no sentence/);
    expect(bad('cat')).toMatch(/at least two words/);
    expect(bad('the cat '.repeat(40))).toMatch(/at most/);
    const emoji = shuffleInput(tok, max, 'The 🐈 sat on the mat', 2);
    expect(emoji.ok).toBe(true);
    if (emoji.ok) {
      expect(emoji.order.length).toBe(emoji.ids.length);
      // Specials ([CLS], [SEP] or BOS) never move.
      const sp = tok.specialIds;
      emoji.ids.forEach((id, i) => {
        if (id === sp.cls || id === sp.sep || id === sp.bos) expect(emoji.order[i]).toBe(i);
      });
    }
  });
});

describe('sinusoid measurements', () => {
  it('clamps the matrix to the sliders and matches sinusoidalEncoding', () => {
    expect(sinusoidMatrix(500, 2000).length).toBe(100 * 512);
    expect(sinusoidMatrix(0, 1).length).toBe(1 * 2);
    expect(sinusoidMatrix(7, 33).length).toBe(7 * 34); // whole sin/cos pairs
    expect(sinusoidMatrix(10, 16)).toEqual(sinusoidalEncoding(10, 16).data);
  });

  it('gives wavelengths that grow geometrically from 2 pi', () => {
    const w = pairWavelengths(128);
    expect(w).toHaveLength(64);
    expect(w[0]).toBeCloseTo(2 * Math.PI, 10);
    for (let i = 1; i < w.length; i++) expect(w[i] / w[i - 1]).toBeCloseTo(Math.pow(10000, 2 / 128), 10);
    // A pair's sine really repeats after its wavelength (checked on the continuous formula).
    const i = 3;
    const d = 64;
    const lambda = sinusoidalWavelength(i, d);
    const angle = (pos: number) => pos / Math.pow(10000, (2 * i) / d);
    expect(Math.sin(angle(5 + lambda))).toBeCloseTo(Math.sin(angle(5)), 9);
  });

  it('has dot products that depend only on the distance, with d/2 on the diagonal', () => {
    const P = 100;
    const d = 512;
    const dots = rowDots(sinusoidMatrix(P, d), P, d);
    for (let p = 0; p < P; p += 11) expect(dots[p * P + p]).toBeCloseTo(d / 2, 2);
    expect(diagonalSpread(dots, P)).toBeLessThan(1e-3); // float32 rounding only
    for (const k of [1, 5, 40]) expect(dots[10 * P + 10 + k]).toBeCloseTo(dotAtOffset(k, d), 2);
    // Symmetric in k and never above the diagonal; not monotone in the distance.
    const row = Array.from({ length: 60 }, (_, k) => dotAtOffset(k, 64));
    expect(dotAtOffset(-7, 64)).toBeCloseTo(dotAtOffset(7, 64), 10);
    expect(Math.max(...row.slice(1))).toBeLessThan(row[0]);
    expect(row.slice(1).some((v, k) => v > row[k])).toBe(true);
    expect(() => dotAtOffset(1, 7)).toThrow(/odd/);
  });

  it('measures a non-Toeplitz matrix as such', () => {
    const m = Float32Array.from([1, 2, 3, 4]); // (2, 2): diagonal 1 vs 4
    expect(diagonalSpread(m, 2)).toBe(3);
    expect(rowNorms(Float32Array.from([3, 4, 0, 0]), 2, 2)).toEqual([5, 0]);
    const cos = rowCosines(Float32Array.from([1, 0, 1, 1]), 2, 2);
    expect(cos[0]).toBeCloseTo(1, 6);
    expect(cos[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });
});

describe('rotary scores', () => {
  it('depend on n - m alone with the rope op, but not with the sinusoid added', () => {
    const { q, k } = randomQueryKey(3, 16);
    const P = 24;
    const rot = rotaryScores(q, k, P);
    expect(diagonalSpread(rot, P)).toBeLessThan(1e-4);
    // Same position for both: the rotations cancel, the score is q . k.
    const qk = q.reduce((s, v, c) => s + v * k[c], 0);
    for (let m = 0; m < P; m += 5) expect(rot[m * P + m]).toBeCloseTo(qk, 4);
    expect(diagonalSpread(additiveScores(q, k, P), P)).toBeGreaterThan(0.5);
    expect(randomQueryKey(3, 16)).toEqual({ q, k });
  });
});

describe('learned position table', () => {
  it('finds a step in a sequence', () => {
    const split = bestSplit([5, 5.2, 4.9, 5.1, 1, 1.1, 0.9]);
    expect(split).toMatchObject({ at: 4 });
    expect(split!.meanBefore).toBeCloseTo(5.05, 6);
    expect(split!.meanAfter).toBeCloseTo(1, 6);
    expect(bestSplit([1])).toBeNull();
  });

  it('shows trained rows up to the longest generated sentence and short rows after it', async () => {
    const b = await lessonModel();
    const table = b.model.weights.positionEmbedding!;
    const [P, d] = table.shape;
    const norms = rowNorms(table.data, P, d);
    const split = bestSplit(norms)!;
    const longest = Math.max(...corpusLengths(b.tokenizer!, 2024, 2000));
    expect(longest).toBeLessThanOrEqual(P);
    // The table steps down where the generated sentences stop (rows past them got no gradient).
    expect(Math.abs(split.at - longest)).toBeLessThanOrEqual(2);
    expect(split.meanAfter).toBeLessThan(split.meanBefore / 2);
  });
});

describe('matrix picture colours', () => {
  it('maps values onto the colour scale, clamped', () => {
    const div = { kind: 'diverging' as const, maxAbs: 2 };
    expect(colorPosition(div, 0)).toBe(0.5);
    expect(colorPosition(div, 2)).toBe(1);
    expect(colorPosition(div, -5)).toBe(0);
    expect(colorPosition(div, Number.NaN)).toBe(0.5);
    const seq = { kind: 'sequential' as const, domain: [1, 3] as [number, number] };
    expect(colorPosition(seq, 2)).toBe(0.5);
    expect(colorPosition(seq, 0)).toBe(0);
  });
});
