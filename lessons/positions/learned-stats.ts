/**
 * What the learned-positions step measures: where a trained position table changes
 * character (rows the model used vs rows it never saw), and how long the sentences of the
 * corpus generator the text models trained on are, in the model's own tokens.
 */
import { generateCorpus } from '../../src/data/coref-world/index.ts';
import type { Tokenizer } from '../../src/tokenizers/index.ts';

export interface NormSplit {
  /** First row of the second segment. */
  at: number;
  meanBefore: number;
  meanAfter: number;
}

/**
 * The split of a sequence into a leading and a trailing run that best fits each run by its
 * mean (least squares): where the row lengths of a position table step down or up. Null for
 * fewer than two values.
 */
export function bestSplit(values: readonly number[]): NormSplit | null {
  const n = values.length;
  if (n < 2) return null;
  const prefix = [0];
  const prefix2 = [0];
  for (const v of values) {
    prefix.push(prefix[prefix.length - 1] + v);
    prefix2.push(prefix2[prefix2.length - 1] + v * v);
  }
  // Sum of squared deviations from the mean of values[a, b).
  const sse = (a: number, b: number) => prefix2[b] - prefix2[a] - (prefix[b] - prefix[a]) ** 2 / (b - a);
  let best: NormSplit | null = null;
  let bestCost = Infinity;
  for (let at = 1; at < n; at++) {
    const cost = sse(0, at) + sse(at, n);
    if (cost < bestCost) {
      bestCost = cost;
      best = { at, meanBefore: prefix[at] / at, meanAfter: (prefix[n] - prefix[at]) / (n - at) };
    }
  }
  return best;
}

/** Token counts (specials included, as the model reads them) of `count` generated corpus lines. */
export function corpusLengths(tokenizer: Tokenizer, seed: number, count: number): number[] {
  return generateCorpus(seed, count).map((line) => tokenizer.encode(line).length);
}
