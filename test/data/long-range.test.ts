/**
 * The long-range recall task: the answer is the code symbol N positions before the query,
 * distractors are plain symbols that never include a query token and carry nothing about
 * the answer, and every draw is reproducible from its seed.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultLongRangeTask, evalDistances, maxLength, queryId, recallExample, sampleDistance, sampleRecall,
  sampleRecallBatch, slotsAt, vocabSize,
} from '../../src/data/long-range.ts';
import { Rng } from '../../src/runtime/index.ts';

const task = defaultLongRangeTask;
const K = task.symbols;
const M = task.codeLength;

describe('long-range recall task', () => {
  it('has K symbols plus one query per slot, and inputs that fit the longest case', () => {
    expect(vocabSize(task)).toBe(K + M);
    expect(queryId(task, 0)).toBe(K);
    expect(maxLength(task)).toBe(task.maxDistance + M);
    const longest = sampleRecall(task, task.maxDistance, M - 1, new Rng(1));
    expect(longest.input).toHaveLength(maxLength(task));
    expect(Math.max(...evalDistances)).toBe(task.maxDistance);
  });

  it('asks only for slots that sit N positions back', () => {
    expect(slotsAt(task, 1)).toEqual([M - 1]);
    expect(slotsAt(task, 2)).toEqual([M - 2, M - 1]);
    expect(slotsAt(task, M)).toEqual([...Array(M).keys()]);
    expect(slotsAt(task, 64)).toEqual([...Array(M).keys()]);
  });

  it('puts the answer exactly N positions before the query, with only symbols in between', () => {
    const rng = new Rng(7);
    for (let distance = 1; distance <= task.maxDistance; distance++) {
      for (const slot of slotsAt(task, distance)) {
        const e = sampleRecall(task, distance, slot, rng);
        const T = e.input.length;
        expect(T).toBe(distance + slot + 1);
        expect(e.input[T - 1]).toBe(queryId(task, slot));
        expect(e.input[T - 1 - distance]).toBe(e.target);
        expect(e.input[slot]).toBe(e.target);
        expect({ distance: e.distance, slot: e.slot }).toEqual({ distance, slot });
        // Code and distractors are symbols; no query token appears before the end.
        expect(e.input.slice(0, -1).every((id) => Number.isInteger(id) && id >= 0 && id < K)).toBe(true);
      }
    }
  });

  it('draws distractors independently of the answer (no counting shortcut)', () => {
    const rng = new Rng(11);
    let same = 0;
    let total = 0;
    for (let i = 0; i < 400; i++) {
      const e = sampleRecall(task, 40, rng.int(M), rng);
      for (const id of e.input.slice(M, -1)) {
        total++;
        if (id === e.target) same++;
      }
    }
    expect(same / total).toBeCloseTo(1 / K, 1); // as often as any other symbol
  });

  it('is deterministic from the seed', () => {
    const a = sampleRecallBatch(task, 17, 8, new Rng(3));
    const b = sampleRecallBatch(task, 17, 8, new Rng(3));
    const c = sampleRecallBatch(task, 17, 8, new Rng(4));
    expect(b).toEqual(a);
    expect(c.inputs).not.toEqual(a.inputs);
    expect(a.inputs.every((row) => row.length === 17 + a.slot + 1)).toBe(true);
    expect(a.targets).toEqual(a.inputs.map((row) => row[a.slot]));
  });

  it('builds examples by hand and rejects ids that are not symbols', () => {
    expect(recallExample(task, [4, 7, 1], 1, [9, 2, 7])).toEqual({
      input: [4, 7, 1, 9, 2, 7, queryId(task, 1)], target: 7, distance: 5, slot: 1,
    });
    expect(() => recallExample(task, [4, 7], 0, [])).toThrow(/code/);
    expect(() => recallExample(task, [4, 7, 1], 3, [])).toThrow(/slot/);
    expect(() => recallExample(task, [4, 7, 1], 0, [queryId(task, 0)])).toThrow(/distractor/);
    expect(() => sampleRecall(task, 1, 0, new Rng(1))).toThrow(/cannot be 1 positions/);
    expect(() => sampleRecall(task, task.maxDistance + 1, 0, new Rng(1))).toThrow(/outside/);
  });

  it('samples training distances log-uniformly over 1..64', () => {
    const rng = new Rng(5);
    const n = 20000;
    const counts = new Array<number>(task.maxDistance + 1).fill(0);
    for (let i = 0; i < n; i++) counts[sampleDistance(task, rng)]++;
    expect(counts[0]).toBe(0);
    const p = (d: number) => Math.log((d + 1) / d) / Math.log(task.maxDistance + 1);
    expect(counts[1] / n).toBeCloseTo(p(1), 1.5);
    expect(counts.slice(32).reduce((a, b) => a + b, 0) / n).toBeCloseTo(1 - Math.log(32) / Math.log(65), 1.5);
  });
});
