// @vitest-environment node
/**
 * Lesson 1 measures its claims live on the shipped long-range models; these tests check the
 * measurements themselves: the models load as their recipe loads them, the "if asked now"
 * probe agrees with a full forward pass, the gradient probe shows the RNN's gradient
 * vanishing and the LSTM cell's not (the lesson's question), accuracy against distance has
 * the card's shape, and the RNN of step 1 is the translator's own encoder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTranslationModel } from '../../src/checkpoints/atlas-translation.ts';
import { defaultLongRangeTask } from '../../src/data/long-range.ts';
import { countLongRange, type LongRangeKind, type LongRangeModel, type RecurrentClassifier } from '../../src/train/recipes/long-range-models.ts';
import { evaluatePerDistance } from '../../src/train/recipes/long-range.ts';
import { accuracyJob, accuracyPoints } from '../../lessons/why-attention/accuracy-job.ts';
import { countInWords, layerCosts } from '../../lessons/why-attention/complexity.ts';
import { readWordByWord } from '../../lessons/why-attention/encoder-reading.ts';
import { addGradients, emptyGradientTally, ratioCurve } from '../../lessons/why-attention/gradient-probe.ts';
import { LONG_RANGE_IDS, loadLongRangeModel } from '../../src/train/recipes/long-range-load.ts';
import { answerProbabilities, recallIfAskedNow } from '../../lessons/why-attention/memory-probe.ts';
import { buildRecall, parseCode, usableDistance } from '../../lessons/why-attention/recall-sequence.ts';
import { repoRoot } from '../helpers/shared.ts';

const files = (id: string) => async (name: string) => {
  const p = join(repoRoot, 'public/models', id, name);
  return existsSync(p) ? new Uint8Array(readFileSync(p)) : null;
};

const models = {} as Record<LongRangeKind, LongRangeModel>;
const recurrent = (kind: 'rnn' | 'lstm'): RecurrentClassifier => {
  const m = models[kind];
  if (m.kind === 'transformer') throw new Error('expected a recurrent model');
  return m;
};
const task = defaultLongRangeTask;

beforeAll(async () => {
  for (const kind of ['rnn', 'lstm', 'transformer'] as const) models[kind] = await loadLongRangeModel(kind, files(LONG_RANGE_IDS[kind]));
});

describe('loading', () => {
  it('loads all three with the parameter counts their cards report', () => {
    for (const kind of ['rnn', 'lstm', 'transformer'] as const) {
      const card = JSON.parse(readFileSync(join(repoRoot, 'public/models', LONG_RANGE_IDS[kind], 'card.json'), 'utf8')) as { parameters: number };
      expect(models[kind].kind).toBe(kind);
      expect(countLongRange(models[kind])).toBe(card.parameters);
    }
  });

  it('rejects a folder of the wrong kind', async () => {
    await expect(loadLongRangeModel('lstm', files(LONG_RANGE_IDS.rnn))).rejects.toThrow(/not an atlas-long-range lstm/);
  });
});

describe('the recall sequence', () => {
  it('puts the asked symbol N tokens before the query, with seeded distractors', () => {
    const a = buildRecall(task, [4, 7, 1], 1, 20, 3);
    expect(a.input.length - 1 - a.slot).toBe(20);
    expect(a.target).toBe(7);
    expect(a.labels.at(-1)).toBe('Q2');
    expect(a.roles[1]).toBe('asked');
    expect(buildRecall(task, [4, 7, 1], 1, 20, 3).input).toEqual(a.input);
    expect(buildRecall(task, [4, 7, 1], 1, 20, 4).input).not.toEqual(a.input);
  });

  it('moves impossible distances to the nearest possible one and reads codes strictly', () => {
    expect(usableDistance(task, 0, 1)).toBe(3);
    expect(usableDistance(task, 2, 1)).toBe(1);
    expect(usableDistance(task, 0, 500)).toBe(64);
    expect(parseCode('4 7 1', 3, 10)).toEqual([4, 7, 1]);
    expect(parseCode('471', 3, 10)).toEqual([4, 7, 1]);
    for (const bad of ['', '47', '4711', 'abc', '4 7 🙂', '-1 2 3']) expect(parseCode(bad, 3, 10)).toBeNull();
  });
});

describe('what the state keeps', () => {
  it('asking at the last distractor is exactly the real question', () => {
    for (const kind of ['rnn', 'lstm'] as const) {
      const seq = buildRecall(task, [2, 9, 5], 2, 30, 1);
      const curve = recallIfAskedNow(recurrent(kind), seq);
      expect(curve.at(-1)!.distance).toBe(30);
      expect(curve[0].distance).toBe(1);
      expect(curve.at(-1)!.p).toBeCloseTo(answerProbabilities(models[kind], seq)[seq.target], 5);
    }
  });

  it('the RNN is sure right after the code and loses it; the LSTM keeps it', () => {
    let rnnEarly = 0;
    let rnnLate = 0;
    let lstmLate = 0;
    const n = 20;
    for (let s = 0; s < n; s++) {
      const seq = buildRecall(task, [s % 10, (3 * s + 1) % 10, (7 * s + 2) % 10], s % 3, 64, s);
      const rnn = recallIfAskedNow(recurrent('rnn'), seq);
      rnnEarly += rnn[0].p / n;
      rnnLate += rnn.at(-1)!.p / n;
      lstmLate += recallIfAskedNow(recurrent('lstm'), seq).at(-1)!.p / n;
    }
    expect(rnnEarly).toBeGreaterThan(0.8);
    expect(rnnLate).toBeLessThan(rnnEarly - 0.2);
    expect(lstmLate).toBeGreaterThan(0.95);
  });
});

describe('back-propagation through time', () => {
  const measure = (kind: 'rnn' | 'lstm', seed: number) => {
    let t = emptyGradientTally(recurrent(kind), 64);
    for (let k = 0; k < 2; k++) t = addGradients(recurrent(kind), t, 16, seed + k);
    return t;
  };

  it('the RNN gradient 64 steps back is below a millionth of its size at the question (the question’s answer)', () => {
    for (const seed of [1, 50]) {
      const t = measure('rnn', seed);
      const curve = ratioCurve(t.logH, t.sequences);
      expect(curve[0][1]).toBe(1);
      expect(curve[64][1]).toBeLessThan(1e-6);
      expect(curve[32][1]).toBeLessThan(curve[8][1]); // it keeps shrinking with distance
    }
  });

  it('the LSTM cell passes the gradient back nearly intact; its h does not', () => {
    const t = measure('lstm', 1);
    const c = ratioCurve(t.logC!, t.sequences);
    const h = ratioCurve(t.logH, t.sequences);
    expect(c[48][1]).toBeGreaterThan(0.3);
    expect(h[48][1]).toBeLessThan(0.1);
  });

  it('leaves the model’s weights without gradients', () => {
    measure('rnn', 3);
    expect(recurrent('rnn').cell.params.weight_hh.grad).toBeNull();
  });
});

describe('accuracy against distance', () => {
  it('chunks add up exactly like evaluatePerDistance on the same seeds', () => {
    const job = accuracyJob(models, [8], 2, 30, 77, ['rnn']);
    let acc = job.initial;
    for (let k = 0; k < job.total; k++) acc = job.step(k, acc);
    const direct = [77, 78].map((s) => evaluatePerDistance(models.rnn, [8], 30, s)[0]);
    expect(acc.rnn[0]).toEqual({ right: Math.round(direct[0].accuracy * 30) + Math.round(direct[1].accuracy * 30), samples: 60 });
  });

  it('has the card’s shape: all near 100% at N = 1; at N = 64 the RNN falls, LSTM and Transformer stay', () => {
    const job = accuracyJob(models, [1, 64], 3, 30, 500);
    let acc = job.initial;
    for (let k = 0; k < job.total; k++) acc = job.step(k, acc);
    for (const kind of ['rnn', 'lstm', 'transformer'] as const) {
      const [near, far] = accuracyPoints(acc[kind], [1, 64]);
      expect(near[1]).toBeGreaterThanOrEqual(0.95);
      if (kind === 'rnn') expect(far[1]).toBeLessThan(0.8);
      else expect(far[1]).toBeGreaterThanOrEqual(0.95);
      expect(far[1]).toBeGreaterThan(0.2); // well above chance (0.1) for all three
    }
  });
});

describe('cost per layer', () => {
  it('attention n²d against recurrent nd²: equal at n = d, ratio n / d', () => {
    expect(layerCosts(512, 512).attention).toBe(layerCosts(512, 512).recurrent);
    const c = layerCosts(64, 512);
    expect(c.attention / c.recurrent).toBeCloseTo(64 / 512);
    expect(c.sequentialRecurrent).toBe(64);
    expect(c.pathAttention).toBe(1);
    expect(() => layerCosts(0, 8)).toThrow(RangeError);
    expect(countInWords(2_097_152)).toBe('2.1 million');
    expect(countInWords(1024)).toBe('1,024');
  });
});

describe('an RNN reading a sentence', () => {
  it('is the translator’s forward encoder: its states are the first half of the annotations', async () => {
    const m = await loadTranslationModel(files('translate-rnn'));
    if (m.kind !== 'rnn') throw new Error('expected the RNN translator');
    const ids = 'the cat sees the red car'.split(' ').map((w) => m.vocabs.en.id(w));
    const read = readWordByWord(m, ids);
    const ann = m.model.encode([ids]).annotations;
    read.states.forEach((h, t) => {
      expect(h.length).toBe(m.config.dEnc);
      expect(Array.from(h)).toEqual(Array.from(ann.row(t).subarray(0, m.config.dEnc)));
    });
    expect(read.change[0]).toBeCloseTo(read.norm[0], 5); // h_0 = 0
    expect(read.change.every((c) => c > 0)).toBe(true);
  });
});
