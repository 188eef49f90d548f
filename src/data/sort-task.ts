/**
 * The sorting task of minGPT's gpt-nano demo: read n digits, then write them in order. A
 * decoder sees "2 0 1 1 0 2 | 0 0 1 1 2" and learns to predict each next sorted digit; to
 * do it, each output position must attend to the input digits it is counting. A small task
 * whose attention a student can read.
 */
import type { Rng } from '../runtime/index.ts';

export interface SortTask {
  length: number; // digits to sort
  digits: number; // alphabet size (digits 0..digits-1)
}

export const defaultSortTask: SortTask = { length: 6, digits: 3 };

/** Random digits to sort. */
export function sampleDigits(task: SortTask, rng: Rng): number[] {
  return Array.from({ length: task.length }, () => rng.int(task.digits));
}

/**
 * Model input and targets for one example: input = digits + sorted[:-1]; targets are the
 * sorted digits at the positions that predict them, and -100 (ignored) over the prompt.
 */
export function sortExample(task: SortTask, digits: readonly number[]): { input: number[]; targets: number[] } {
  const sorted = [...digits].sort((a, b) => a - b);
  const input = [...digits, ...sorted.slice(0, -1)];
  const targets = input.map((_, i) => (i >= task.length - 1 ? sorted[i - task.length + 1] : -100));
  return { input, targets };
}
