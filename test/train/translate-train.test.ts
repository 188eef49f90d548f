/**
 * The translation recipes' training and inference pieces: a few steps lower the loss,
 * translate() returns one alignment row per output word that sums to 1 over the English
 * words, batches come from the step number and never from the held-out set, and the
 * alignment measure picks the crossing nouns and adjectives.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SPECS, renderSpec, splitFrench } from '../../src/data/translation/index.ts';
import { seq2seqLoss } from '../../src/models/seq2seq.ts';
import { startTraining, trainSteps } from '../../src/train/trainer.ts';
import { loadCheckpoint, saveCheckpoint } from '../../src/train/checkpoint.ts';
import { translationParameters } from '../../src/checkpoints/atlas-translation.ts';
import {
  createBatcher, crossedContentLinks, englishWords, evaluateTranslation, heldOutSet, trainingExclusions, translationCorpus,
  type Translation,
} from '../../src/train/recipes/translate-common.ts';
import { createRnnTranslator, rnnOps, translateRnn, translateRnnSettings } from '../../src/train/recipes/translate-rnn.ts';
import {
  createTransformerTranslator, transformerTranslationLoss, translateTransformer, translateTransformerSettings,
} from '../../src/train/recipes/translate-transformer.ts';
import type { Tensor } from '../../src/runtime/index.ts';

const tinyRnn = () => createRnnTranslator({ ...translateRnnSettings, model: { dEmb: 16, dEnc: 16, dDec: 24, dAttn: 16 } });
const tinyTransformer = () =>
  createTransformerTranslator({ ...translateTransformerSettings, model: { dModel: 16, nHeads: 2, nLayers: 2, dFF: 32, maxPositions: 32 } });

function expectRowsSumToOne(a: Tensor, rows: number, cols: number): void {
  expect(a.shape).toEqual([rows, cols]);
  for (let r = 0; r < rows; r++) {
    const sum = a.row(r).reduce((s, x) => s + x, 0);
    expect(sum).toBeCloseTo(1, 5);
  }
}

function expectWellFormed(t: Translation, words: number): void {
  expect(t.source).toHaveLength(words);
  expect(t.tokens.length).toBeGreaterThan(0);
  expect(t.tokens.slice(0, -1)).not.toContain('<eos>');
  expectRowsSumToOne(t.alignment, t.tokens.length, words);
}

/** Mean loss of the first and last 5 of 60 steps on batches of 16. */
function lossDrop(params: Map<string, Tensor>, loss: (step: number) => Tensor): [number, number] {
  const cfg = { steps: 60, lr: 1e-2, warmup: 5, seed: 1, weightDecay: 0 };
  const state = startTraining([...params.values()], cfg);
  const losses: number[] = [];
  trainSteps(state, (step) => loss(step), cfg, { onStep: (l) => losses.push(l.loss) });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return [mean(losses.slice(0, 5)), mean(losses.slice(-5))];
}

describe('translation recipes', () => {
  it('a few RNN steps lower the loss', () => {
    const m = tinyRnn();
    const batch = createBatcher(m.vocabs, 1, 16, trainingExclusions());
    const [first, last] = lossDrop(translationParameters(m), (s) => {
      const b = batch(s);
      return seq2seqLoss(m.model, b.map((x) => x.src), b.map((x) => x.tgt));
    });
    expect(last).toBeLessThan(first - 0.5);
  });

  it('a few Transformer steps lower the loss', () => {
    const m = tinyTransformer();
    const batch = createBatcher(m.vocabs, 1, 16, trainingExclusions());
    const [first, last] = lossDrop(translationParameters(m), (s) => transformerTranslationLoss(m, batch(s)));
    expect(last).toBeLessThan(first - 0.5);
  });

  it('a run resumed from a checkpoint mid-way ends with the same weights as an unbroken one', () => {
    const cfg = { steps: 6, lr: 3e-3, warmup: 2, seed: 1 };
    const exclude = trainingExclusions();
    const make = () => {
      const m = tinyRnn();
      const batch = createBatcher(m.vocabs, 1, 8, exclude);
      const params = translationParameters(m);
      const loss = (step: number) => {
        const b = batch(step);
        return seq2seqLoss(m.model, b.map((x) => x.src), b.map((x) => x.tgt));
      };
      return { params, loss, state: startTraining([...params.values()], cfg) };
    };
    const whole = make();
    trainSteps(whole.state, whole.loss, cfg);
    const first = make();
    trainSteps(first.state, first.loss, cfg, {}, 3);
    const resumed = make();
    expect(loadCheckpoint(saveCheckpoint('translate-rnn', first.params, first.state), 'translate-rnn', resumed.params, resumed.state)).not.toBeNull();
    trainSteps(resumed.state, resumed.loss, cfg);
    for (const [name, t] of whole.params) expect([...(resumed.params.get(name) as Tensor).data], name).toEqual([...t.data]);
  });

  it('translate() gives one alignment row per output token, each a distribution over the English words', () => {
    const text = 'I love deep learning.';
    expectWellFormed(translateRnn(tinyRnn(), text), 4);
    const t = translateTransformer(tinyTransformer(), text, 0);
    expectWellFormed(t, 4);
    expect(t.heads).toHaveLength(2);
    for (const layer of t.heads) {
      expect(layer).toHaveLength(2);
      for (const head of layer) expectRowsSumToOne(head, t.tokens.length, 4);
    }
    // Unknown words reach the model as <unk> but keep their place in the source.
    expectWellFormed(translateRnn(tinyRnn(), 'the zebra sees me'), 4);
    expect(() => translateTransformer(tinyTransformer(), 'the cat', 2)).toThrow(/layer 2/);
    // An untrained decoder may never say <eos>: output stops where the alignment pass still fits.
    const long = 'the old man sees a beautiful bird in the garden and the cat drinks milk in the kitchen today';
    expectWellFormed(translateTransformer(tinyTransformer(), long), 19);
  });

  it('reads free text the way the corpus writes English', () => {
    expect(englishWords('  The cat, sees the RED car!')).toEqual(['the', 'cat', 'sees', 'the', 'red', 'car']);
  });

  it('draws each step its own batch, the same every time, never a held-out or example sentence', () => {
    const exclude = trainingExclusions();
    expect(exclude.has('i love deep learning')).toBe(true);
    expect(heldOutSet()).toHaveLength(translationCorpus.heldOutSize);
    const m = tinyRnn();
    const a = createBatcher(m.vocabs, 7, 8, exclude);
    const b = createBatcher(m.vocabs, 7, 8, exclude);
    expect(b(21)).toEqual(a(21));
    expect(a(3)).toEqual(b(3)); // back to an earlier group: recomputed, not stale
    expect(a(4)).not.toEqual(a(3));
    const heldIds = new Set(heldOutSet().map((p) => p.enTokens.map((w) => m.vocabs.en.id(w)).join(' ')));
    for (let step = 0; step < 32; step++) for (const x of a(step)) expect(heldIds.has(x.src.join(' '))).toBe(false);
  });

  it('marks the nouns and adjectives whose alignment crosses', () => {
    const red = renderSpec(EXAMPLE_SPECS.catSeesRedCar); // the cat sees the red car -> le chat voit la voiture rouge
    expect(crossedContentLinks(red)).toEqual([[4, 5], [5, 4]]);
    const big = renderSpec(EXAMPLE_SPECS.bigRedCar); // she has a big red car -> elle a une grande voiture rouge
    expect(crossedContentLinks(big).map(([f]) => big.frTokens[f])).toEqual(['voiture', 'rouge']);
    expect(crossedContentLinks(renderSpec(EXAMPLE_SPECS.houseIsBig))).toEqual([]);
    expect(splitFrench(renderSpec(EXAMPLE_SPECS.iLoveDeepLearning).fr)).toEqual(["j'", 'aime', "l'", 'apprentissage', 'profond']);
  });

  it('the quick evaluation reports exact match and token accuracy as fractions', () => {
    const e = evaluateTranslation(rnnOps(tinyRnn()), tinyRnn().vocabs, true) as { exactMatch: number; tokenAccuracy: number; sentences: number };
    expect(e.sentences).toBe(200);
    expect(e.exactMatch).toBeGreaterThanOrEqual(0);
    expect(e.tokenAccuracy).toBeLessThanOrEqual(1);
  });
});
