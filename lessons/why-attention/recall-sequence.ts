/**
 * One recall sequence from the lesson's settings (src/data/long-range.ts): the code, seeded
 * distractors and the query, with a label per token for the figures. Settings a sequence
 * cannot have (a distance shorter than the gap to the asked slot) are moved to the nearest
 * one that works, and the figure says so.
 */
import { queryId, recallExample, type LongRangeTask, type RecallExample } from '../../src/data/long-range.ts';
import { Rng } from '../../src/runtime/index.ts';

export interface RecallSequence extends RecallExample {
  labels: string[]; // per token: the digit, or "Q1".."Q3" for the query
  roles: Array<'code' | 'asked' | 'distractor' | 'query'>;
}

/** The distance actually used: at least the gap from the asked slot to the query, at most the task's maximum. */
export function usableDistance(task: LongRangeTask, slot: number, distance: number): number {
  return Math.min(task.maxDistance, Math.max(task.codeLength - slot, Math.round(distance)));
}

/** Builds the sequence; distractors are drawn from `seed` alone, so the same settings give the same sequence. */
export function buildRecall(task: LongRangeTask, code: readonly number[], slot: number, distance: number, seed: number): RecallSequence {
  const N = usableDistance(task, slot, distance);
  const rng = new Rng(seed * 7919 + 17);
  const fillers = Array.from({ length: N - (task.codeLength - slot) }, () => rng.int(task.symbols));
  const ex = recallExample(task, code, slot, fillers);
  const labels = ex.input.map((id) => (id >= task.symbols ? `Q${id - task.symbols + 1}` : String(id)));
  const roles = ex.input.map((id, i) => {
    if (id === queryId(task, slot) && i === ex.input.length - 1) return 'query' as const;
    if (i === slot) return 'asked' as const;
    return i < task.codeLength ? ('code' as const) : ('distractor' as const);
  });
  return { ...ex, labels, roles };
}

/** Reads "4 7 1", "471" or "4,7,1" as a code of `length` digits; null when it is not one. */
export function parseCode(text: string, length: number, symbols: number): number[] | null {
  const digits = text.replace(/[\s,;]+/g, '');
  if (digits.length !== length || !/^\d+$/.test(digits)) return null;
  const code = [...digits].map(Number);
  return code.every((d) => d < symbols) ? code : null;
}
