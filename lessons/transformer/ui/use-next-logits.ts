/**
 * The next-token logits of the generation figure, wherever its model is: the course's
 * tiny-gpt (a few hundred kilobytes, already on the page) computes them on the page, at
 * once; a hub, folder or disk model computes them in the model worker, off the page thread,
 * the newest request winning. Both run nextToken (model/next-token.ts), so a sequence gives
 * the same logits either way and the page's seeded draws pick the same tokens.
 */
import { useEffect, useMemo, useState } from 'react';
import { useWorkerJob, type JobState } from '../../../src/app/use-worker-job.ts';
import type { ModelBundle } from '../../../src/checkpoints/bundle.ts';
import { nextToken, type NextToken, type NextTokenArgs } from '../model/next-token.ts';

/** Where the logits come from: a model loaded on the page, or one the model worker loads by its reference. */
export type LogitsSource = { where: 'page'; bundle: ModelBundle } | { where: 'worker'; modelId: string };

export interface NextLogits {
  /** The answer for these arguments ('loading'/'running' while the worker computes it). */
  state: JobState<NextToken>;
  /** The newest answer for earlier arguments of the same model, shown dimmed while the next one is computed. */
  last: { args: NextTokenArgs; value: NextToken } | null;
}

const IDLE = { state: 'idle' } as const;

export const sourceKey = (s: LogitsSource) => (s.where === 'page' ? `page:${s.bundle.id}` : s.modelId);

/** Logits for `args` on `source` (null: ask nothing). */
export function useNextLogits(source: LogitsSource, args: NextTokenArgs | null): NextLogits {
  const key = args === null ? null : JSON.stringify(args);
  const bundle = source.where === 'page' ? source.bundle : null;
  const onPage = useMemo((): JobState<NextToken> => {
    if (!bundle || key === null) return IDLE;
    try {
      return { state: 'ready', value: nextToken(bundle, JSON.parse(key) as NextTokenArgs) };
    } catch (e) {
      return { state: 'error', message: e instanceof Error ? e.message : String(e), retry: () => {} };
    }
  }, [bundle, key]);
  const inWorker = useWorkerJob('next-token', source.where === 'worker' ? source.modelId : '', source.where === 'worker' ? args : null);
  const state = source.where === 'page' ? onPage : inWorker;

  const from = sourceKey(source);
  const [last, setLast] = useState<{ from: string; args: NextTokenArgs; value: NextToken } | null>(null);
  useEffect(() => {
    if (state.state === 'ready' && key !== null) setLast({ from, args: JSON.parse(key) as NextTokenArgs, value: state.value });
  }, [state, key, from]);
  return { state, last: last && last.from === from ? last : null };
}
