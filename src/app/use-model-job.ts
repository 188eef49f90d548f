/**
 * A worker job (worker/jobs.ts) computed where its model is: a course model (a few hundred
 * kilobytes, already on the page) runs it on the page, at once; a hub, folder or disk model
 * runs it in the model worker, where it was loaded once, after the user agreed to download
 * it. The same job function gives the same numbers either way.
 */
import { useMemo } from 'react';
import { useRemoteModel, type RemoteModel } from '../components/explorer/use-remote-model.ts';
import { useModel } from '../components/use-model.ts';
import { tryParseModelRef } from '../checkpoints/model-ref.ts';
import { AttentionInputError } from '../store/run-text.ts';
import { createJobMemo } from './worker/job-context.ts';
import { JOBS, type JobArgs, type JobKind, type JobResult } from './worker/jobs.ts';
import { useWorkerJob, type JobState } from './use-worker-job.ts';

export type { JobState } from './use-worker-job.ts';

/** The page's remembered forward passes, one per job kind (as the worker keeps its own). */
const pageContext = createJobMemo();

const DOWNLOAD_FIRST = { state: 'idle' } as const;

export interface ModelJob<T> {
  /** 'idle': nothing to compute yet (no arguments, or the model is not downloaded: `remote` asks). */
  state: JobState<T>;
  /** The model's download state, for ModelChooser's panel. */
  remote: RemoteModel;
}

export function useModelJob<K extends JobKind>(kind: K, modelId: string, args: JobArgs<K> | null): ModelJob<JobResult<K>> {
  const remote = useRemoteModel(modelId);
  // From the id itself: the download state of the previous model may still be showing.
  const onPage = tryParseModelRef(modelId)?.kind === 'builtin';
  const downloaded = !onPage && remote.s.state === 'cached';
  const page = useModel(onPage ? modelId : null);
  const key = args === null ? null : JSON.stringify(args);
  const pageState = useMemo((): JobState<JobResult<K>> => {
    if (!onPage || key === null) return DOWNLOAD_FIRST;
    if (page.state !== 'ready') return page.state === 'error' ? { state: 'error', message: page.message, retry: page.retry } : { state: 'loading' };
    const job = JOBS[kind] as (c: ReturnType<typeof pageContext>, a: unknown) => JobResult<K>;
    try {
      return { state: 'ready', value: job(pageContext(kind, page.model), JSON.parse(key)) };
    } catch (e) {
      if (e instanceof AttentionInputError) return { state: 'error', message: e.message };
      throw e; // a bug: the figure's error boundary shows it
    }
  }, [onPage, page, kind, key]);
  const inWorker = useWorkerJob(kind, modelId, downloaded ? args : null);
  return { state: onPage ? pageState : downloaded ? inWorker : DOWNLOAD_FIRST, remote };
}
