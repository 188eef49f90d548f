/** The lesson's recall sequence, built from its inputs for the loaded models' task. */
import { useMemo } from 'react';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { defaultLongRangeTask, type LongRangeTask } from '../../src/data/long-range.ts';
import { WHY_ATTENTION } from './inputs.ts';
import { buildRecall, type RecallSequence } from './recall-sequence.ts';

export function useRecall(task: LongRangeTask = defaultLongRangeTask): RecallSequence {
  const [code] = useLessonInput(WHY_ATTENTION, 'code');
  const [slot] = useLessonInput(WHY_ATTENTION, 'asked');
  const [distance] = useLessonInput(WHY_ATTENTION, 'distance');
  const [seed] = useLessonInput(WHY_ATTENTION, 'seed');
  return useMemo(() => buildRecall(task, code, slot, distance, seed), [task, code, slot, distance, seed]);
}
