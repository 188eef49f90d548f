/**
 * The long-range recall task of the "RNN to Transformer" lesson, like remembering a phone
 * number: read a code of M symbols, then random symbols, then a query naming one slot of the
 * code, and answer the symbol in that slot. The answer is the token N positions before the
 * query, and everything between them is a distractor.
 *
 *   M = 3, N = 5:  [4, 7, 1, 9, 2, 7, Q1]  ->  7   (code 4 7 1; query Q1 asks slot 1)
 *   ids: symbols 0..K-1, query for slot j = K + j
 *
 * Why it looks like this (choices measured on the three models, see recipes/long-range.ts):
 * - Distractors are drawn uniformly from the same K symbols as the code, independently of
 *   it, so nothing but the asked slot carries the answer: a model cannot recover it from
 *   which symbols appeared, and a recurrent model cannot learn to ignore filler tokens,
 *   since they look exactly like code symbols. It must write the code at the start and hold
 *   it against every later input.
 * - A code of several symbols, not one. With a single key (M = 1) even the plain RNN learns
 *   to latch it into one of K attractor states and recalls it perfectly at every distance;
 *   holding K^M combinations at once is what a tanh state cannot do robustly, while the
 *   LSTM's gated cells (and attention, which just looks back) can.
 * - The code sits at positions 0..M-1 and the query at N + j, so one (distance, slot) pair
 *   fixes the length: a batch of one pair needs no padding, and a recurrent model's cost per
 *   example is N + j + 1 steps.
 * - Query tokens never appear anywhere else, so "now answer" is unambiguous.
 */
import type { Rng } from '../runtime/index.ts';

export interface LongRangeTask {
  symbols: number; // K: the alphabet of code symbols and distractors, ids 0..K-1; default 10
  codeLength: number; // M: symbols to remember at the start; default 3
  maxDistance: number; // longest distance N between the asked symbol and the query; default 64
}

export const defaultLongRangeTask: LongRangeTask = { symbols: 10, codeLength: 3, maxDistance: 64 };

/** Distances at which the lesson reports accuracy (roughly log-spaced, ending at the maximum). */
export const evalDistances: readonly number[] = [1, 2, 4, 8, 16, 24, 32, 48, 64];

export interface RecallExample {
  input: number[]; // (N + slot + 1) ids: code, distractors, query
  target: number; // the asked code symbol, an id in 0..K-1
  distance: number; // N: positions from the asked symbol to the query
  slot: number; // j: which code symbol the query asks for
}

/** Id of the query that asks for code slot j. */
export function queryId(task: LongRangeTask, slot: number): number {
  return task.symbols + slot;
}

/** Input vocabulary: the K symbols plus one query token per code slot. */
export function vocabSize(task: LongRangeTask): number {
  return task.symbols + task.codeLength;
}

/** Longest input a model must accept: the query for the last slot at the longest distance. */
export function maxLength(task: LongRangeTask): number {
  return task.maxDistance + task.codeLength;
}

/**
 * Slots a query at distance N can ask for: slot j sits N + j - M distractors before the
 * query's position, so j >= M - N (at N = 1 only the last code symbol, right before it).
 */
export function slotsAt(task: LongRangeTask, distance: number): number[] {
  const first = Math.max(0, task.codeLength - distance);
  return Array.from({ length: task.codeLength - first }, (_, i) => first + i);
}

/** Builds one example from a code, the slot asked for and the distractors; checks every id. */
export function recallExample(task: LongRangeTask, code: readonly number[], slot: number, distractors: readonly number[]): RecallExample {
  const isSymbol = (s: number) => Number.isInteger(s) && s >= 0 && s < task.symbols;
  if (code.length !== task.codeLength || !code.every(isSymbol)) {
    throw new RangeError(`recallExample: code [${code.join(', ')}] is not ${task.codeLength} symbols 0..${task.symbols - 1}`);
  }
  if (!Number.isInteger(slot) || slot < 0 || slot >= task.codeLength) throw new RangeError(`recallExample: slot ${slot} is outside 0..${task.codeLength - 1}`);
  const bad = distractors.find((s) => !isSymbol(s));
  if (bad !== undefined) throw new RangeError(`recallExample: distractor ${bad} is not a symbol 0..${task.symbols - 1}`);
  const distance = task.codeLength - slot + distractors.length;
  if (distance > task.maxDistance) throw new RangeError(`recallExample: distance ${distance} exceeds the task's ${task.maxDistance}`);
  return { input: [...code, ...distractors, queryId(task, slot)], target: code[slot], distance, slot };
}

/** A random example at distance N asking for `slot` (which must be in slotsAt(N)). */
export function sampleRecall(task: LongRangeTask, distance: number, slot: number, rng: Rng): RecallExample {
  if (!Number.isInteger(distance) || distance < 1 || distance > task.maxDistance) {
    throw new RangeError(`sampleRecall: distance ${distance} is outside 1..${task.maxDistance}`);
  }
  const fillers = distance - (task.codeLength - slot);
  if (fillers < 0) throw new RangeError(`sampleRecall: slot ${slot} cannot be ${distance} positions before the query`);
  const code = Array.from({ length: task.codeLength }, () => rng.int(task.symbols));
  return recallExample(task, code, slot, Array.from({ length: fillers }, () => rng.int(task.symbols)));
}

export interface RecallBatch {
  inputs: number[][]; // (B, N + slot + 1) ids, every row the same distance and slot
  targets: number[]; // (B) asked code symbols
  distance: number; // N
  slot: number; // j
}

/**
 * B random examples at one distance and slot (drawn from slotsAt(N) when not given): equal
 * lengths, so no model needs padding or masks.
 */
export function sampleRecallBatch(task: LongRangeTask, distance: number, batchSize: number, rng: Rng, slot?: number): RecallBatch {
  const j = slot ?? rng.pick(slotsAt(task, distance));
  const examples = Array.from({ length: batchSize }, () => sampleRecall(task, distance, j, rng));
  return { inputs: examples.map((e) => e.input), targets: examples.map((e) => e.target), distance, slot: j };
}

/**
 * A training distance, log-uniform over 1..maxDistance: P(N) = ln((N + 1) / N) / ln(max + 1),
 * so short gaps are common and long ones rare, as in text. The short ones give every model a
 * gradient to start from (with N uniform, most batches are too long for the plain RNN's
 * gradient to reach the code, and it learns very slowly), and steps stay cheap (mean N ~ 15).
 */
export function sampleDistance(task: LongRangeTask, rng: Rng): number {
  const n = Math.floor(Math.exp(rng.next() * Math.log(task.maxDistance + 1)));
  return Math.min(task.maxDistance, Math.max(1, n));
}
