/**
 * The translation corpus: deterministic, one French sentence per English one, a closed
 * vocabulary, gold alignments that cover every word and cross where French order differs,
 * the headline sentence, held-out sets that share no sentence with training, and speed.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/runtime/index.ts';
import {
  ADJECTIVES, EXAMPLE_SPECS, NOUNS, VERBS, generatePairs, heldOutPairs, renderSpec, sampleSpec,
  splitHeldOut, splitFrench, translationVocab, type TranslationPair,
} from '../../src/data/translation/index.ts';

const byLevel = ([1, 2, 3] as const).map((c) => generatePairs(100 + c, 10_000, { complexity: c }));
const all = byLevel.flat();

const crosses = (p: TranslationPair): boolean =>
  p.alignment.some(([i1, j1]) => p.alignment.some(([i2, j2]) => i1 < i2 && j1 > j2));

describe('translation corpus', () => {
  it('is deterministic in its seed', () => {
    expect(generatePairs(5, 300)).toEqual(generatePairs(5, 300));
    expect(generatePairs(5, 300).map((p) => p.en)).not.toEqual(generatePairs(6, 300).map((p) => p.en));
  });

  it('renders the headline sentence, with elisions as their own tokens', () => {
    const p = renderSpec(EXAMPLE_SPECS.iLoveDeepLearning);
    expect(p.en).toBe('i love deep learning');
    expect(p.fr).toBe("j'aime l'apprentissage profond");
    expect(p.frTokens).toEqual(["j'", 'aime', "l'", 'apprentissage', 'profond']);
    // i-j', love-aime, deep-profond, learning-l' and learning-apprentissage: deep/learning cross.
    expect(p.alignment).toEqual([[0, 0], [1, 1], [2, 4], [3, 2], [3, 3]]);
    expect(splitFrench(p.fr)).toEqual(p.frTokens);
  });

  it('renders the other showcase sentences', () => {
    const fr = Object.fromEntries(Object.entries(EXAMPLE_SPECS).map(([k, s]) => [k, renderSpec(s).fr]));
    expect(fr).toEqual({
      iLoveDeepLearning: "j'aime l'apprentissage profond",
      catSeesRedCar: 'le chat voit la voiture rouge',
      houseIsBig: 'la maison est grande',
      bigRedCar: 'elle a une grande voiture rouge',
      iLoveYou: "je t'aime",
      notDrinkMilk: 'le chat ne boit pas de lait',
      oldManBeautifulBird: 'le vieil homme voit un bel oiseau dans le jardin',
    });
    expect(renderSpec(EXAMPLE_SPECS.notDrinkMilk).alignment).toEqual(
      [[0, 0], [1, 1], [2, 3], [3, 2], [3, 4], [4, 3], [5, 5], [5, 6]]);
  });

  it('samples the headline construction naturally: a pronoun, a verb, an adjective after "learning"', () => {
    const rng = new Rng(9);
    const seen = new Set<string>();
    for (let i = 0; i < 40_000; i++) {
      const s = sampleSpec(rng, 1).clauses[0];
      const o = s.object;
      if (o && 'noun' in o && o.noun === 'learning' && 'pronoun' in s.subject && (o.adjs ?? []).length === 1) seen.add(renderSpec({ clauses: [s] }).fr);
    }
    expect([...seen].some((fr) => /apprentissage profond$/.test(fr))).toBe(true);
    expect([...seen].some((fr) => /^j'(aime|étudie) l'apprentissage/.test(fr))).toBe(true);
  });

  it('gives each English sentence exactly one French translation', () => {
    const fr = new Map<string, string>();
    for (const p of all) if (!fr.has(p.en)) fr.set(p.en, p.fr);
    const conflicts = all.filter((p) => fr.get(p.en) !== p.fr);
    expect(conflicts).toEqual([]);
  });

  it('emits only words of translationVocab, and uses nearly all of them', () => {
    const vocab = translationVocab();
    const en = new Set(vocab.en);
    const fr = new Set(vocab.fr);
    const usedEn = new Set(all.flatMap((p) => p.enTokens));
    const usedFr = new Set(all.flatMap((p) => p.frTokens));
    expect([...usedEn].filter((w) => !en.has(w))).toEqual([]);
    expect([...usedFr].filter((w) => !fr.has(w))).toEqual([]);
    expect(usedEn.size / en.size).toBeGreaterThan(0.97);
    expect(usedFr.size / fr.size).toBeGreaterThan(0.93);
    expect(all.filter((p) => p.en !== p.enTokens.join(' ') || p.enTokens.length > 12)).toEqual([]);
  });

  it('aligns every token of both sides, content words to their translations', () => {
    const translations = new Map<string, Set<string>>();
    const add = (en: string, frs: readonly string[]): void => {
      translations.set(en, new Set([...(translations.get(en) ?? []), ...frs]));
    };
    for (const n of NOUNS) for (const e of [n.en, n.enPl]) if (e) add(e, [n.fr, n.frPl ?? '']);
    for (const a of ADJECTIVES) add(a.en, [...a.fr, a.beforeVowel ?? '']);
    for (const v of VERBS) for (const e of v.en) add(e, v.fr);
    const articles = new Set(['le', 'la', "l'", 'les', 'du', 'de', "d'"]); // French articles of bare nouns
    const bad: string[] = [];
    for (const p of all) {
      const en = new Set(p.alignment.map(([i]) => i));
      const fr = new Set(p.alignment.map(([, j]) => j));
      expect(en.size).toBe(p.enTokens.length);
      expect(fr.size).toBe(p.frTokens.length);
      expect(new Set(p.alignment.map((l) => l.join())).size).toBe(p.alignment.length);
      for (const [i, j] of p.alignment) {
        const want = translations.get(p.enTokens[i]);
        // Content words go to their translation, or (a bare noun) to the article it needs;
        // "does" goes to the verb it marks.
        if (want && !want.has(p.frTokens[j]) && !articles.has(p.frTokens[j])) bad.push(`${p.enTokens[i]}-${p.frTokens[j]}: ${p.fr}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('reorders: adjectives follow their nouns in a good share of pairs at every level', () => {
    const postAdj = new Set(ADJECTIVES.filter((a) => a.pos !== 'pre').map((a) => a.en));
    for (const pairs of byLevel) {
      const crossing = pairs.filter(crosses).length / pairs.length;
      const adjCross = pairs.filter((p) => p.enTokens.some((w) => postAdj.has(w)) && crosses(p)).length / pairs.length;
      expect(crossing).toBeGreaterThan(0.25);
      expect(adjCross).toBeGreaterThan(0.15);
    }
    expect(byLevel[0].filter(crosses).length).toBeLessThan(byLevel[1].filter(crosses).length);
  });

  it('holds out whole sentences: no overlap with training', () => {
    const pairs = byLevel[1];
    const { train, test } = splitHeldOut(pairs, 0.1, 3);
    const trainSet = new Set(train.map((p) => p.en));
    expect(test.some((p) => trainSet.has(p.en))).toBe(false);
    expect(new Set(test.map((p) => p.en)).size).toBe(test.length);
    expect(train.length + test.length).toBeLessThanOrEqual(pairs.length);
    expect(test.length).toBeGreaterThan(800);
    const fresh = heldOutPairs(pairs, 77, 2000);
    const seen = new Set(pairs.map((p) => p.en));
    expect(fresh.some((p) => seen.has(p.en))).toBe(false);
    expect(new Set(fresh.map((p) => p.en)).size).toBe(2000);
  });

  it('generates 100k pairs in a few seconds, mostly distinct', () => {
    const t0 = performance.now();
    const pairs = generatePairs(1, 100_000);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000);
    expect(new Set(pairs.map((p) => p.en)).size).toBeGreaterThan(75_000);
  }, 30_000);
});
