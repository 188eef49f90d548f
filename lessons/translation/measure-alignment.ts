/**
 * Does the learned attention find the word being translated? Over held-out sentences, with
 * the decoder fed the reference French (teacher forcing, so every row belongs to a known
 * French word), counts how often a French word's row peaks on the English word the corpus
 * aligns it to: for the reordered nouns and adjectives ("voiture", "rouge"), and for every
 * French word with exactly one English source. The same measure as the model card's.
 */
import type { TranslateRnn } from '../../src/checkpoints/atlas-translation.ts';
import type { TranslationPair } from '../../src/data/translation/index.ts';
import { argmax } from '../../src/runtime/index.ts';
import { crossedContentLinks, encodePair } from '../../src/train/recipes/translate-common.ts';
import { rnnOps } from '../../src/train/recipes/translate-rnn.ts';

export interface AlignmentTally {
  sentences: number; // sentences looked at
  crossedSentences: number; // of which with a crossing noun/adjective link
  crossed: number; // crossing French nouns and adjectives
  crossedHits: number; // whose row peaks on their English word
  linked: number; // French words with exactly one English source
  linkedHits: number;
}

export const emptyAlignmentTally = (): AlignmentTally => ({ sentences: 0, crossedSentences: 0, crossed: 0, crossedHits: 0, linked: 0, linkedHits: 0 });

/** Adds `pairs` to a copy of `tally`. */
export function tallyAlignment(m: TranslateRnn, pairs: readonly TranslationPair[], tally: AlignmentTally): AlignmentTally {
  const next = { ...tally };
  const ops = rnnOps(m);
  for (const p of pairs) {
    const ids = encodePair(m.vocabs, p);
    const rows = ops.attend(ids.src, ids.tgt); // (tgt + 1, src)
    const peak = (f: number) => argmax(rows.row(f));
    next.sentences++;
    const links = crossedContentLinks(p);
    if (links.length > 0) next.crossedSentences++;
    next.crossed += links.length;
    next.crossedHits += links.filter(([f, e]) => peak(f) === e).length;
    const sources = new Map<number, number[]>();
    for (const [e, f] of p.alignment) sources.set(f, [...(sources.get(f) ?? []), e]);
    sources.forEach((es, f) => {
      if (es.length !== 1) return;
      next.linked++;
      if (peak(f) === es[0]) next.linkedHits++;
    });
  }
  return next;
}
