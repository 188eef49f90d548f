/**
 * Accuracy against distance for the three models, measured in the page with the recipe's
 * own evaluatePerDistance (src/train/recipes/long-range.ts), in small chunks: each chunk is
 * one model at one distance on a fresh seeded sample of `perChunk` sequences (split evenly
 * over the code slots), and rounds of chunks add up to the full sample.
 */
import type { LongRangeKind, LongRangeModel } from '../../src/train/recipes/long-range-models.ts';
import { evaluatePerDistance } from '../../src/train/recipes/long-range.ts';
import type { IncrementalJob } from '../translation/use-incremental.ts';

export const KINDS: readonly LongRangeKind[] = ['rnn', 'lstm', 'transformer'];

export interface Tally {
  right: number;
  samples: number;
}

/** Per model, per distance (in the order given). */
export type AccuracyTally = Record<LongRangeKind, Tally[]>;

/** A job of rounds x distances x models chunks; round r draws its sequences from seed + r. */
export function accuracyJob(
  models: Record<LongRangeKind, LongRangeModel>,
  distances: readonly number[],
  rounds: number,
  perChunk: number,
  seed: number,
  kinds: readonly LongRangeKind[] = KINDS,
): IncrementalJob<AccuracyTally> {
  const empty = () => distances.map(() => ({ right: 0, samples: 0 }));
  const initial = { rnn: empty(), lstm: empty(), transformer: empty() };
  const perRound = distances.length * kinds.length;
  return {
    total: rounds * perRound,
    initial,
    step(k, acc) {
      const round = Math.floor(k / perRound);
      const d = Math.floor((k % perRound) / kinds.length);
      const kind = kinds[k % kinds.length];
      const [r] = evaluatePerDistance(models[kind], [distances[d]], perChunk, seed + round);
      const next = { ...acc, [kind]: acc[kind].slice() };
      const old = next[kind][d];
      next[kind][d] = { right: old.right + Math.round(r.accuracy * r.samples), samples: old.samples + r.samples };
      return next;
    },
  };
}

/** [distance, accuracy] points of the distances measured so far. */
export function accuracyPoints(tallies: readonly Tally[], distances: readonly number[]): Array<[number, number]> {
  return tallies.flatMap((t, i) => (t.samples > 0 ? [[distances[i], t.right / t.samples] as [number, number]] : []));
}
