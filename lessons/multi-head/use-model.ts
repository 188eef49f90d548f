/** The coref model's trace of the lesson's sentence, shared by the steps. */
import { useTextTrace } from '../../src/components/lesson/use-trace.ts';
import { selectText, useAtlas } from '../../src/store/index.ts';

export const MODEL_ID = 'coref';

export function useLessonTrace() {
  return useTextTrace(MODEL_ID, useAtlas(selectText));
}
