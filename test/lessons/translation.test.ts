// @vitest-environment node
/**
 * The translation lesson on the shipped translate-rnn: typed English is read (unknown words
 * flagged, bad input turned into messages), translated with the runtime's greedy decoder and
 * its attention, and stripped of attention in two labelled ways whose decoder must match the
 * model's own when the attention is left in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTranslationModel, type TranslateRnn } from '../../src/checkpoints/atlas-translation.ts';
import { heldOutSet } from '../../src/train/recipes/translate-common.ts';
import { crossings, rowPeaks } from '../../lessons/translation/alignment-reading.ts';
import { compareContexts } from '../../lessons/translation/context-compare.ts';
import { decodeWithContext } from '../../lessons/translation/decode-variants.ts';
import { emptyAlignmentTally, tallyAlignment } from '../../lessons/translation/measure-alignment.ts';
import { emptyTally, scoreVariants } from '../../lessons/translation/measure-variants.ts';
import { MAX_WORDS, readEnglish } from '../../lessons/translation/read-english.ts';
import { translateIds } from '../../lessons/translation/translate-view.ts';
import { repoRoot } from '../helpers/shared.ts';

let m: TranslateRnn;

beforeAll(async () => {
  const dir = join(repoRoot, 'public/models/translate-rnn');
  const loaded = await loadTranslationModel(async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null));
  if (loaded.kind !== 'rnn') throw new Error('expected the RNN translator');
  m = loaded;
});

function translate(text: string) {
  const r = readEnglish(m.vocabs.en, text);
  if (!r.ok) throw new Error(r.message);
  return { reading: r, view: translateIds(m, r.ids) };
}

describe('reading typed English', () => {
  it('lowercases, drops punctuation and flags words outside the vocabulary', () => {
    const r = readEnglish(m.vocabs.en, 'The dog eats the PIZZA!');
    if (!r.ok) throw new Error(r.message);
    expect(r.words).toEqual(['the', 'dog', 'eats', 'the', 'pizza']);
    expect(r.unknown).toEqual(['pizza']);
    expect(r.labels[4]).toBe('pizza?');
    expect(r.ids[4]).toBe(3); // <unk>
  });

  it('turns empty, emoji-only and huge input into messages', () => {
    for (const text of ['', '   ', '🙂🚗', '?!']) expect(readEnglish(m.vocabs.en, text).ok).toBe(false);
    expect(readEnglish(m.vocabs.en, 'the cat '.repeat(MAX_WORDS)).ok).toBe(false);
    const long = readEnglish(m.vocabs.en, 'the cat sees the dog and the dog sees the cat and the boy');
    expect(long.ok && long.tooLong).toBe(true);
  });

  it('still translates a sentence with unknown words, with a full alignment', () => {
    const { reading, view } = translate('the dog eats the pizza');
    expect(view.alignment.length).toBe(view.tokens.length * reading.words.length);
  });
});

describe('translation with attention', () => {
  it('translates the headline sentences; every alignment row sums to 1', () => {
    for (const [en, fr] of [['I love deep learning.', "j'aime l'apprentissage profond"], ['the cat sees the red car', 'le chat voit la voiture rouge']]) {
      const { reading, view } = translate(en);
      expect(view.french).toBe(fr);
      expect(view.tokens.at(-1)).toBe('<eos>');
      const S = reading.words.length;
      for (let t = 0; t < view.tokens.length; t++) {
        const row = view.alignment.subarray(t * S, (t + 1) * S);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        expect(Array.from(row)).toEqual(Array.from(view.steps[t].weights));
      }
    }
  });

  it('finds the reordering: "rouge" looks at "red", "voiture" at "car", and the two cross', () => {
    const { reading, view } = translate('the cat sees the red car');
    const peaks = rowPeaks(view.alignment, view.tokens, reading.words.length);
    const at = (w: string) => peaks.find((p) => p.word === w)!;
    expect(reading.words[at('rouge').j]).toBe('red');
    expect(reading.words[at('voiture').j]).toBe('car');
    const crossed = crossings(peaks).map(([a, b]) => `${a.word}>${b.word}`);
    expect(crossed).toEqual(['voiture>rouge']);
    // "deep learning" -> "apprentissage profond": the same reordering.
    const dl = translate('i love deep learning');
    expect(crossings(rowPeaks(dl.view.alignment, dl.view.tokens, 4)).map(([a, b]) => `${a.word}>${b.word}`)).toContain('apprentissage>profond');
  });

  it('the contexts differ from word to word and each is close to the annotation it weighs most', () => {
    const { view } = translate('she has a big red car');
    const cmp = compareContexts(view);
    expect(cmp.contextsAlike).toBeLessThan(0.8);
    cmp.rows.forEach((r, t) => {
      const w = view.steps[t].weights;
      if (Math.max(...w) > 0.9) expect(r.nearest).toBe(w.indexOf(Math.max(...w)));
    });
  });
});

describe('without attention', () => {
  const sample = () => heldOutSet().slice(0, 40);

  it('with attention left in, the lesson decoder is exactly the model’s greedy decoder', () => {
    for (const p of sample()) {
      const src = p.enTokens.map((w) => m.vocabs.en.id(w));
      const ours = decodeWithContext(m.model, src, 'attention');
      const theirs = m.model.greedyDecode([src]);
      expect(ours.tokens).toEqual(theirs.tokens[0]);
      ours.steps.forEach((s, t) => expect(Array.from(s.context)).toEqual(Array.from(theirs.trace.steps[t].context.row(0))));
    }
  });

  it('uniform weights are 1/S, and the final-state context is the same vector at every step', () => {
    const src = 'the old man sees a beautiful bird in the garden'.split(' ').map((w) => m.vocabs.en.id(w));
    const u = decodeWithContext(m.model, src, 'uniform');
    u.steps.forEach((s) => s.weights.forEach((a) => expect(a).toBeCloseTo(1 / src.length, 6)));
    const f = decodeWithContext(m.model, src, 'final');
    f.steps.forEach((s) => expect(Array.from(s.context)).toEqual(Array.from(f.final)));
  });

  it('the trained decoder falls apart without the attention it learned with', () => {
    const tally = scoreVariants(m, sample(), emptyTally());
    const exact = (k: keyof typeof tally) => tally[k].exact / tally[k].sentences;
    expect(exact('attention')).toBeGreaterThanOrEqual(0.95);
    expect(exact('uniform')).toBeLessThan(0.5);
    expect(exact('final')).toBeLessThan(0.5);
    expect(tally.final.wordsRight / tally.final.words).toBeLessThan(tally.attention.wordsRight / tally.attention.words - 0.3);
  });
});

describe('alignment measured on held-out sentences', () => {
  it('reordered nouns and adjectives peak on their own English word', () => {
    const t = tallyAlignment(m, heldOutSet().slice(0, 60), emptyAlignmentTally());
    expect(t.sentences).toBe(60);
    expect(t.crossed).toBeGreaterThan(10);
    expect(t.crossedHits / t.crossed).toBeGreaterThanOrEqual(0.9);
    expect(t.linkedHits / t.linked).toBeGreaterThanOrEqual(0.85);
  });
});
