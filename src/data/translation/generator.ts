/**
 * The corpus itself: seeded English -> French sentence pairs with gold alignments, the
 * vocabulary of each side, and held-out sets whose sentences the training set never saw.
 */
import { Rng } from '../../runtime/index.ts';
import { ADJECTIVES, DETERMINERS, ETRE, NOUNS, PREPOSITIONS, PRONOUNS, VERBS } from './lexicon.ts';
import { BEFORE_VOWEL } from './french.ts';
import { renderSpec, type TranslationPair } from './render.ts';
import { sampleSpec, type Complexity } from './sample.ts';

export interface TranslationOptions {
  complexity?: Complexity; // default 2: see sample.ts for what each level adds
  maxWords?: number; // longest English sentence, default 12 words
  exclude?: ReadonlySet<string>; // English sentences never to emit (e.g. the training set)
  unique?: boolean; // emit each sentence at most once (default false)
}

const MAX_TRIES = 1000;

/** One random pair from `rng`, at most `maxWords` English words long and not in `exclude`. */
export function samplePair(rng: Rng, opts: TranslationOptions = {}): TranslationPair {
  const c = opts.complexity ?? 2;
  const maxWords = opts.maxWords ?? 12;
  for (let t = 0; t < MAX_TRIES; t++) {
    const pair = renderSpec(sampleSpec(rng, c));
    if (pair.enTokens.length <= maxWords && !opts.exclude?.has(pair.en)) return pair;
  }
  throw new RangeError(`samplePair: no sentence of at most ${maxWords} words outside the excluded set in ${MAX_TRIES} tries`);
}

/** `count` pairs from `seed`; the same arguments always give the same pairs. */
export function generatePairs(seed: number, count: number, opts: TranslationOptions = {}): TranslationPair[] {
  const rng = new Rng(seed);
  const out: TranslationPair[] = [];
  const seen = opts.unique ? new Set<string>(opts.exclude) : null;
  const pairOpts = seen ? { ...opts, exclude: seen } : opts;
  while (out.length < count) {
    const pair = samplePair(rng, pairOpts);
    seen?.add(pair.en);
    out.push(pair);
  }
  return out;
}

/** `count` distinct pairs none of whose English sentences occur in `train`. */
export function heldOutPairs(train: readonly TranslationPair[], seed: number, count: number, opts: TranslationOptions = {}): TranslationPair[] {
  const exclude = new Set([...(opts.exclude ?? []), ...train.map((p) => p.en)]);
  return generatePairs(seed, count, { ...opts, exclude, unique: true });
}

/**
 * Splits pairs by sentence: a `fraction` of the distinct English sentences (chosen by
 * `seed`) is held out, once each, and train keeps every pair of the others, repeats included.
 */
export function splitHeldOut(pairs: readonly TranslationPair[], fraction: number, seed: number): { train: TranslationPair[]; test: TranslationPair[] } {
  const sentences = [...new Set(pairs.map((p) => p.en))];
  new Rng(seed).shuffle(sentences);
  const held = new Set(sentences.slice(0, Math.round(fraction * sentences.length)));
  const train = pairs.filter((p) => !held.has(p.en));
  const test: TranslationPair[] = [];
  for (const p of pairs) {
    if (held.delete(p.en)) test.push(p);
  }
  return { train, test };
}

/**
 * Every token either side can emit, sorted, for building the models' vocabularies before
 * any data is generated. A few listed forms never occur (e.g. "automatiques": the only noun
 * it fits, learning, has no plural); a test checks every generated token is listed.
 */
export function translationVocab(): { en: string[]; fr: string[] } {
  const en = new Set<string>(['an', 'am', 'is', 'are', 'do', 'does', 'not', 'and', ...Object.keys(PREPOSITIONS)]);
  const fr = new Set<string>(['du', 'de', 'ne', 'pas', 'et', ...ETRE, ...Object.values(PREPOSITIONS).map((p) => p.fr)]);
  for (const x of NOUNS) {
    en.add(x.en);
    fr.add(x.fr);
    if (x.enPl) en.add(x.enPl);
    if (x.frPl) fr.add(x.frPl);
  }
  for (const x of ADJECTIVES) {
    en.add(x.en);
    for (const f of x.fr) fr.add(f);
    if (x.beforeVowel) fr.add(x.beforeVowel);
  }
  for (const x of VERBS) {
    for (const w of x.en) en.add(w);
    for (const w of x.fr) fr.add(w);
  }
  for (const x of Object.values(PRONOUNS)) {
    en.add(x.en).add(x.enObj);
    fr.add(x.fr).add(x.frObj);
  }
  for (const d of Object.values(DETERMINERS)) {
    for (const w of d.en) if (w) en.add(w);
    for (const w of d.fr) if (w) fr.add(w);
  }
  for (const w of [...fr]) if (Object.hasOwn(BEFORE_VOWEL, w)) for (const e of BEFORE_VOWEL[w]) fr.add(e);
  return { en: [...en].sort(), fr: [...fr].sort() };
}
