/**
 * A job of the model worker (worker/jobs.ts) as React state: sent when the model or the
 * arguments change, the newest request winning, with the worker's progress while it loads
 * or computes. For figures that read a large model (a hub or folder model): its forward
 * pass runs off the page thread, on the one model copy the page's worker holds.
 */
import { useEffect, useMemo, useState } from 'react';
import type { JobArgs, JobKind, JobResult } from './worker/jobs.ts';
import { isSuperseded } from './worker/client.ts';
import { useModelClient } from './use-model-client.ts';

export type JobState<T> =
  | { state: 'idle' } // nothing asked (args null)
  | { state: 'loading' | 'running' }
  | { state: 'ready'; value: T }
  | { state: 'error'; message: string; retry?: () => void }; // no retry: the input itself is the problem

const IDLE = { state: 'idle' } as const;

/** Job `kind` of `modelId` on `args` (null: ask nothing). Arguments are compared by value. */
export function useWorkerJob<K extends JobKind>(kind: K, modelId: string, args: JobArgs<K> | null): JobState<JobResult<K>> {
  const client = useModelClient(args !== null);
  const key = args === null ? null : JSON.stringify(args);
  const [attempt, setAttempt] = useState(0);
  const [held, setHeld] = useState<{ for: string; s: JobState<JobResult<K>> }>({ for: '', s: IDLE });
  const asked = `${kind}\u0000${modelId}\u0000${key}\u0000${attempt}`;
  useEffect(() => {
    if (!client || key === null) return;
    let live = true;
    const set = (s: JobState<JobResult<K>>) => live && setHeld({ for: asked, s });
    set({ state: 'loading' });
    client
      .run(kind, modelId, JSON.parse(key) as JobArgs<K>, { onProgress: (stage) => set({ state: stage }) })
      .then(
        (value) => set({ state: 'ready', value }),
        (e: unknown) => {
          if (!isSuperseded(e)) set({ state: 'error', message: e instanceof Error ? e.message : String(e), retry: () => setAttempt((n) => n + 1) });
        },
      );
    return () => {
      live = false;
    };
  }, [client, kind, modelId, key, asked]);
  return useMemo(() => (key === null ? IDLE : held.for === asked ? held.s : { state: 'loading' as const }), [key, held, asked]);
}
