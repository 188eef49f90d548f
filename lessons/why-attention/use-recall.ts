/** The lesson's recall sequence, built from the store's settings for the loaded models' task. */
import { useMemo } from 'react';
import { defaultLongRangeTask, type LongRangeTask } from '../../src/data/long-range.ts';
import { buildRecall, type RecallSequence } from './recall-sequence.ts';
import { useRecallStore } from './recall-store.ts';

export function useRecall(task: LongRangeTask = defaultLongRangeTask): RecallSequence {
  const { code, slot, distance, seed } = useRecallStore();
  return useMemo(() => buildRecall(task, code, slot, distance, seed), [task, code, slot, distance, seed]);
}
