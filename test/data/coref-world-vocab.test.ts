/**
 * The coref world's vocabulary: every word of ../shared/coref/lexicon.json's `all_words` is
 * known to the generator and actually written in a 200k-line corpus, and the corpus writes
 * exactly the words `worldVocabulary()` lists, no more. Also times the 200k lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCorpus, words, worldVocabulary } from '../../src/data/coref-world/index.ts';
import { sharedPath } from '../helpers/shared.ts';

describe('coref world: vocabulary', () => {
  const start = performance.now();
  const corpus = generateCorpus(2024, 200_000);
  const seconds = (performance.now() - start) / 1000;
  const counts = new Map<string, number>();
  for (const line of corpus) for (const w of words(line)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocabulary = worldVocabulary();

  it('writes 200k lines in a few seconds', () => {
    // Generous bound: the machine may be busy; about 1.5 s when it is not.
    expect(seconds).toBeLessThan(10);
  });

  it('knows and uses every word of the shared lexicon, often', () => {
    const lexicon = JSON.parse(readFileSync(sharedPath('coref', 'lexicon.json'), 'utf8')) as { all_words: string[] };
    const known = new Set(vocabulary);
    expect(lexicon.all_words.filter((w) => !known.has(w))).toEqual([]);
    expect(lexicon.all_words.filter((w) => (counts.get(w) ?? 0) < 50)).toEqual([]);
  });

  it('emits exactly the words worldVocabulary lists', () => {
    const known = new Set(vocabulary);
    expect([...counts.keys()].filter((w) => !known.has(w))).toEqual([]);
    expect(vocabulary.filter((w) => !counts.has(w))).toEqual([]);
  });

  it('keeps both senses of "bank" frequent', () => {
    const money = corpus.filter((l) => l.includes('bank') && !/\briver\b/.test(l)).length;
    const river = corpus.filter((l) => l.includes('river bank') || l.includes('bank of the river')).length;
    expect(money).toBeGreaterThan(5000);
    expect(river).toBeGreaterThan(5000);
  });
});
