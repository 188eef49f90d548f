/**
 * What the two translation recipes (translate-rnn, translate-transformer) share: the corpus
 * settings, the word vocabularies, the held-out set and the training batches (both drawn
 * from seeds, so a resumed run sees the same data), reading free English text, and the
 * card's evaluation: exact match, token accuracy, the named example sentences, and whether
 * attention follows the reordering (French adjectives after their nouns).
 */
import {
  ADJECTIVES, EXAMPLE_SPECS, NOUNS, heldOutPairs, joinFrench, renderSpec, samplePair, translationVocab,
  type TranslationPair,
} from '../../data/translation/index.ts';
import { EOS_ID, WordVocab, type TranslationVocabs } from '../../checkpoints/atlas-translation.ts';
import { argmax, Rng, Tensor } from '../../runtime/index.ts';
import type { Evaluation } from '../recipe.ts';

export const translationCorpus = {
  complexity: 2 as const, // adjectives (one or two), negation, object pronouns, prepositional phrases
  maxWords: 12, // longest English sentence
  heldOutSeed: 31337, // the card's held-out sentences, never drawn for training
  heldOutSize: 1000,
  poolSteps: 16, // steps whose batches are drawn together and grouped by length (less padding)
};

/** Both word vocabularies, from every word the corpus can emit (plus the four specials). */
export function translationVocabs(): TranslationVocabs {
  const v = translationVocab();
  return { en: WordVocab.of(v.en), fr: WordVocab.of(v.fr) };
}

/** Free text as the corpus writes English: lowercase words, punctuation dropped. */
export function englishWords(text: string): string[] {
  return text.toLowerCase().replace(/[^\p{L}\p{N}'\s-]/gu, ' ').split(/\s+/).filter((w) => w.length > 0);
}

let heldOut: TranslationPair[] | null = null;

/** The card's held-out pairs: distinct sentences from heldOutSeed (cached). */
export function heldOutSet(): TranslationPair[] {
  const c = translationCorpus;
  heldOut ??= heldOutPairs([], c.heldOutSeed, c.heldOutSize, { complexity: c.complexity, maxWords: c.maxWords });
  return heldOut;
}

/** Sentences training never draws: the held-out set and every named example ("i love deep learning"...). */
export function trainingExclusions(): Set<string> {
  return new Set([...heldOutSet().map((p) => p.en), ...Object.values(EXAMPLE_SPECS).map((s) => renderSpec(s).en)]);
}

export interface IdPair {
  src: number[]; // English ids, no specials
  tgt: number[]; // French ids, no specials
}

export function encodePair(vocabs: TranslationVocabs, p: TranslationPair): IdPair {
  return { src: p.enTokens.map((w) => vocabs.en.id(w)), tgt: p.frTokens.map((w) => vocabs.fr.id(w)) };
}

/**
 * Training batches by step number: the batches of `poolSteps` consecutive steps are drawn
 * together from a seed derived from the group, sorted by length and cut, so each batch has
 * sentences of about one length (padding wastes little) while the data stays i.i.d. over a
 * group. Same step, same batch: a resumed run continues with the data it would have seen.
 */
export function createBatcher(vocabs: TranslationVocabs, seed: number, batchSize: number, exclude: ReadonlySet<string>): (step: number) => IdPair[] {
  const c = translationCorpus;
  let cached: { group: number; batches: IdPair[][] } | null = null;
  return (step) => {
    const group = Math.floor(step / c.poolSteps);
    if (cached?.group !== group) {
      const rng = new Rng(1_000_003 * (group + 1) + seed);
      const pool = Array.from({ length: c.poolSteps * batchSize }, () => encodePair(vocabs, samplePair(rng, { complexity: c.complexity, maxWords: c.maxWords, exclude })));
      pool.sort((a, b) => a.src.length - b.src.length || a.tgt.length - b.tgt.length);
      const batches = Array.from({ length: c.poolSteps }, (_, k) => pool.slice(k * batchSize, (k + 1) * batchSize));
      cached = { group, batches: rng.shuffle(batches) };
    }
    return cached.batches[step % c.poolSteps];
  };
}

/** What the evaluation needs from a model. */
export interface TranslatorOps {
  /** Greedy translations of source id rows (any lengths); each ends with EOS_ID when produced. */
  decode(src: readonly (readonly number[])[]): number[][];
  /** Teacher-forced attention over the source while producing tgt then EOS: (tgt.length + 1, src.length). */
  attend(src: readonly number[], tgt: readonly number[]): Tensor;
}

/** One translated sentence, for the lessons' heatmaps. */
export interface Translation {
  source: string[]; // the English words read (unknown ones reach the model as <unk>)
  tokens: string[]; // French tokens, ending with <eos> when the model produced it
  french: string; // the tokens as text, elisions joined: "j'aime l'apprentissage profond"
  alignment: Tensor; // (tokens.length, source.length): row t is the attention that produced tokens[t]
}

/** Translates free English text with greedy decoding and returns the attention behind each word. */
export function translateWith(ops: TranslatorOps, vocabs: TranslationVocabs, english: string): Translation {
  const source = englishWords(english);
  if (source.length === 0) throw new Error('translate: no English words in the input');
  const src = source.map((w) => vocabs.en.id(w));
  const out = ops.decode([src])[0];
  const ended = out[out.length - 1] === EOS_ID;
  const words = ended ? out.slice(0, -1) : out;
  const rows = ops.attend(src, words); // (words + 1, S): the last row produced (or would produce) EOS
  const alignment = ended ? rows : sliceRowsOf(rows, out.length);
  const tokens = out.map((id) => vocabs.fr.word(id));
  return { source, tokens, french: joinFrench(words.map((id) => vocabs.fr.word(id))), alignment };
}

function sliceRowsOf(t: Tensor, n: number): Tensor {
  const [, S] = t.dims2('alignment');
  return new Tensor(t.data.slice(0, n * S), [n, S]);
}

/** Decodes many sentences in batches of similar length; results in the input order. */
export function decodeAll(ops: TranslatorOps, src: readonly number[][], batchSize = 100): number[][] {
  const order = src.map((_, i) => i).sort((a, b) => src[a].length - src[b].length || a - b);
  const out: number[][] = new Array(src.length);
  for (let k = 0; k < order.length; k += batchSize) {
    const idx = order.slice(k, k + batchSize);
    ops.decode(idx.map((i) => src[i])).forEach((d, j) => (out[idx[j]] = d));
  }
  return out;
}

const CONTENT = new Set<string>([
  ...NOUNS.flatMap((n) => [n.fr, ...(n.frPl ? [n.frPl] : [])]),
  ...ADJECTIVES.flatMap((a) => [...a.fr, ...(a.beforeVowel ? [a.beforeVowel] : [])]),
]);

/**
 * French nouns and adjectives whose gold link crosses another noun or adjective link
 * ("the red car" -> "la voiture rouge": voiture and rouge), as [frIndex, enIndex].
 */
export function crossedContentLinks(p: TranslationPair): Array<[number, number]> {
  const sources = new Map<number, number[]>();
  for (const [e, f] of p.alignment) sources.set(f, [...(sources.get(f) ?? []), e]);
  const links: Array<[number, number]> = [];
  sources.forEach((es, f) => {
    if (es.length === 1 && CONTENT.has(p.frTokens[f])) links.push([f, es[0]]);
  });
  links.sort((a, b) => a[0] - b[0]);
  return links.filter(([f, e]) => links.some(([f2, e2]) => (f - f2) * (e - e2) < 0));
}

/**
 * The card's numbers: exact match and token accuracy of greedy translations of the held-out
 * set, the named examples, and how often the attention row of a French word whose alignment
 * crosses (adjective after noun) has its maximum on the English word it translates.
 * `quick` uses the first 200 held-out sentences and skips the rest (for progress logs).
 */
export function evaluateTranslation(ops: TranslatorOps, vocabs: TranslationVocabs, quick = false): Evaluation {
  const pairs = quick ? heldOutSet().slice(0, 200) : heldOutSet();
  const ids = pairs.map((p) => encodePair(vocabs, p));
  const decoded = decodeAll(ops, ids.map((x) => x.src));
  let exact = 0;
  let right = 0;
  let total = 0;
  decoded.forEach((out, i) => {
    const ref = [...ids[i].tgt, EOS_ID];
    if (out.length === ref.length && out.every((t, j) => t === ref[j])) exact++;
    ref.forEach((t, j) => (right += out[j] === t ? 1 : 0));
    total += ref.length;
  });
  const heldOutResult = { seed: translationCorpus.heldOutSeed, sentences: pairs.length, exactMatch: exact / pairs.length, tokenAccuracy: right / total };
  if (quick) return heldOutResult;

  let sentences = 0;
  let allRight = 0;
  let crossed = 0;
  let crossedHits = 0;
  let linked = 0;
  let linkedHits = 0;
  pairs.forEach((p, i) => {
    const rows = ops.attend(ids[i].src, ids[i].tgt);
    const links = crossedContentLinks(p);
    const hits = links.filter(([f, e]) => argmax(rows.row(f)) === e).length;
    crossed += links.length;
    crossedHits += hits;
    if (links.length > 0) {
      sentences++;
      if (hits === links.length) allRight++;
    }
    // Every French word with one English source, for comparison with the crossed ones.
    const bySource = new Map<number, number[]>();
    for (const [e, f] of p.alignment) bySource.set(f, [...(bySource.get(f) ?? []), e]);
    bySource.forEach((es, f) => {
      if (es.length !== 1) return;
      linked++;
      if (argmax(rows.row(f)) === es[0]) linkedHits++;
    });
  });
  const examples: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(EXAMPLE_SPECS)) {
    const pair = renderSpec(spec);
    const t = translateWith(ops, vocabs, pair.en);
    examples[name] = {
      en: pair.en,
      expected: pair.fr,
      french: t.french,
      correct: t.tokens.join(' ') === [...pair.frTokens, '<eos>'].join(' '),
      // Each French token with the English word its attention row peaks on.
      attends: t.tokens.map((w, r) => `${w}<-${t.source[argmax(t.alignment.row(r))]}`).join(' '),
    };
  }
  return {
    heldOut: heldOutResult,
    alignment: {
      sentences, // held-out sentences with a crossing adjective/noun alignment, teacher-forced on the gold French
      words: crossed,
      argmaxOnAlignedWord: crossedHits / crossed,
      sentencesAllWordsRight: allRight / sentences,
      allSingleLinkWords: linkedHits / linked, // every French word with exactly one English source
    },
    examples,
  };
}
