/**
 * One training batch of the `coref` recipe (../shared/coref/RECIPES.md, "both"): labelled case
 * sentences and plain corpus lines, masked as for masked-LM, plus two targets that ask the
 * pronoun for its antecedent:
 * - the noun target: on some case sentences the pronoun stays visible and the word to predict
 *   at its position is its antecedent noun ("it" -> "animal"), which is what the model answers
 *   when asked what a pronoun refers to;
 * - the attention loss (LISA, Strubell et al. 2018): -log of the named head's weight from the
 *   pronoun to its antecedent, on every case sentence whose pronoun is visible.
 */
import * as world from '../../data/coref-world/index.ts';
import type { Rng } from '../../runtime/index.ts';
import type { WordPieceTokenizer } from '../../tokenizers/index.ts';
import { tokensOf } from '../eval/coref-metric.ts';
import { maskTokens, type MaskOptions } from '../mlm.ts';

export interface CorefBatchSettings {
  batchSize: number;
  caseShare: number; // share of the batch that is labelled case sentences
  kinds: Partial<Record<world.Kind, number>>; // case kind weights over the generator's defaults
  contrast: number; // share of cases whose candidates take different pronouns
  nounTarget: number; // share of case sentences whose visible pronoun predicts its antecedent
}

/** A pronoun and its antecedent, as token positions of one batch row. */
export interface PronounLink {
  row: number;
  pronoun: number;
  antecedent: number;
}

export interface CorefBatch {
  inputs: number[][]; // (B, T) padded ids
  lengths: number[];
  targets: number[]; // one per predicted position, in `rows` order
  rows: number[]; // flat positions (b * T + i) that are predicted
  links: PronounLink[]; // visible pronouns, for the attention loss
}

interface Labelled {
  ids: number[];
  link: { pronoun: number; antecedent: number } | null;
}

/** A case sentence as ids, with the pronoun's and antecedent's token (each one whole word). */
function labelledCase(tokenizer: WordPieceTokenizer, c: world.CorefExample): Labelled {
  const tokens = tokenizer.encode(c.sentence);
  const [p, a] = [tokensOf(tokens, c.pronoun), tokensOf(tokens, c.antecedent)];
  const ids = tokens.map((t) => t.id);
  return { ids, link: p.length === 1 && a.length === 1 ? { pronoun: p[0], antecedent: a[0] } : null };
}

/** The sentences of the batch for `step`: seeded by the step, so a resumed run sees the same data. */
export function batchSentences(s: CorefBatchSettings, step: number, seed: number, exclude: ReadonlySet<string>) {
  const nCases = Math.round(s.batchSize * s.caseShare);
  const dataSeed = 1_000_003 * (step + 1) + seed;
  return {
    cases: world.sampleTrainingCases(dataSeed, nCases, { kinds: s.kinds, contrast: s.contrast, exclude }),
    lines: world.generateCorpus(dataSeed + 1, s.batchSize - nCases, { exclude, contrast: s.contrast }),
  };
}

/** Draws, tokenizes and masks the batch for `step`. */
export function corefBatch(
  tokenizer: WordPieceTokenizer, mask: MaskOptions, s: CorefBatchSettings, step: number, seed: number, exclude: ReadonlySet<string>, rng: Rng,
  maxT: number,
): CorefBatch {
  const { cases, lines } = batchSentences(s, step, seed, exclude);
  const items: Labelled[] = [
    ...cases.map((c) => labelledCase(tokenizer, c)),
    ...lines.map((l) => ({ ids: tokenizer.encode(l).map((t) => t.id), link: null })),
  ].map((it) => (it.ids.length > maxT ? { ids: it.ids.slice(0, maxT), link: null } : it));
  const T = Math.max(...items.map((it) => it.ids.length));
  const pad = tokenizer.specialIds.pad as number;
  const batch: CorefBatch = { inputs: [], lengths: [], targets: [], rows: [], links: [] };
  items.forEach((it, b) => {
    const { input, targets } = maskTokens(it.ids, rng, mask);
    if (it.link && rng.next() < s.nounTarget) {
      const { pronoun, antecedent } = it.link;
      input[pronoun] = it.ids[pronoun];
      targets[pronoun] = it.ids[antecedent]; // "it" -> "animal"
      input[antecedent] = it.ids[antecedent]; // the answer stays in sight
      targets[antecedent] = -100;
    }
    if (it.link && input[it.link.pronoun] === it.ids[it.link.pronoun]) batch.links.push({ row: b, ...it.link });
    batch.inputs.push([...input, ...new Array<number>(T - it.ids.length).fill(pad)]);
    batch.lengths.push(it.ids.length);
    targets.forEach((t, i) => {
      if (t === -100) return;
      batch.rows.push(b * T + i);
      batch.targets.push(t);
    });
  });
  return batch;
}
