/**
 * The lesson's computations on the shared model (the Explorer's, `model=` in a link): every
 * head of the selected layer, their concatenation through W_O and each head's habits
 * (job 'multi-head'), and the "bank" measurements (job 'bank'); on the page for a course
 * model, in the model worker for a downloaded one (src/app/use-model-job.ts).
 */
import { useMemo } from 'react';
import { useModelJob, type JobState } from '../../src/app/use-model-job.ts';
import type { JobResult } from '../../src/app/worker/jobs.ts';
import type { RemoteModel } from '../../src/components/explorer/use-remote-model.ts';
import { selectLayer, selectModelId, selectText, useAtlas } from '../../src/store/index.ts';
import type { TextView } from '../../src/store/text-view.ts';

type MultiHead = Omit<JobResult<'multi-head'>, 'view'> & TextView;

export type LessonTrace = (Exclude<JobState<unknown>, { state: 'ready' }> | ({ state: 'ready' } & MultiHead)) & { modelId: string; remote: RemoteModel };

/** The multi-head view of the shared sentence at the selected layer (clamped to the model by the job). */
export function useLessonTrace(): LessonTrace {
  const modelId = useAtlas(selectModelId);
  const text = useAtlas(selectText);
  const layer = useAtlas(selectLayer);
  const args = useMemo(() => ({ text, layer }), [text, layer]);
  const { state, remote } = useModelJob('multi-head', modelId, args);
  return useMemo((): LessonTrace => {
    if (state.state !== 'ready') return { ...state, modelId, remote };
    const { view, ...rest } = state.value;
    return { state: 'ready', ...view, ...rest, modelId, remote };
  }, [state, modelId, remote]);
}

/** The "bank" cosines, layer by layer, for the shared model and the student's two sentences. */
export function useBankMeasures(first: string, second: string) {
  const modelId = useAtlas(selectModelId);
  const args = useMemo(() => ({ first, second }), [first, second]);
  return { modelId, ...useModelJob('bank', modelId, args) };
}
