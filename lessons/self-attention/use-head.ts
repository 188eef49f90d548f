/**
 * The lesson's shared computation: the chosen model's view of the student's sentence and
 * the selected head recomputed step by step (src/models/head-steps.ts), on the page for a
 * course model and in the model worker for a downloaded one (src/app/use-model-job.ts).
 * Every step reads it, so changing the sentence, model, layer or head in any step changes
 * them all.
 */
import { useMemo } from 'react';
import { useModelJob, type JobState } from '../../src/app/use-model-job.ts';
import type { RemoteModel } from '../../src/components/explorer/use-remote-model.ts';
import { useSelectedHead } from '../../src/components/lesson/HeadPicker.tsx';
import type { HeadSteps } from '../../src/models/head-steps.ts';
import { selectModelId, selectText, useAtlas } from '../../src/store/index.ts';
import type { TextView } from '../../src/store/text-view.ts';

type Ready = TextView & { layer: number; head: number; steps: HeadSteps };

export type LessonHead = (Exclude<JobState<unknown>, { state: 'ready' }> | ({ state: 'ready' } & Ready)) & { modelId: string; remote: RemoteModel };

/** Big enough for any model: the job clamps the layer and head to the model it reads. */
const ANY = 1024;

export function useLessonHead(): LessonHead {
  const modelId = useAtlas(selectModelId);
  const text = useAtlas(selectText);
  const { layer, head } = useSelectedHead(ANY, ANY);
  const args = useMemo(() => ({ text, layer, head }), [text, layer, head]);
  const { state, remote } = useModelJob('self-attention', modelId, args);
  return useMemo((): LessonHead => {
    if (state.state !== 'ready') return { ...state, modelId, remote };
    const { view, ...rest } = state.value;
    return { state: 'ready', ...view, ...rest, modelId, remote };
  }, [state, modelId, remote]);
}
