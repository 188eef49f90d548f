/**
 * The next-token logits of the generation figure, wherever its model is (use-model-job.ts):
 * the course's tiny-gpt computes them on the page at once; a hub, folder or disk model in
 * the model worker, the newest request winning. Both run nextToken (model/next-token.ts), so
 * a sequence gives the same logits either way and the page's seeded draws pick the same
 * tokens. While the worker computes, the newest earlier answer of the same model is kept for
 * the figure to show dimmed.
 */
import { useEffect, useState } from 'react';
import { useModelJob, type JobState } from '../../../src/app/use-model-job.ts';
import type { NextToken, NextTokenArgs } from '../model/next-token.ts';

export interface NextLogits {
  /** The answer for these arguments ('loading'/'running' while it is computed). */
  state: JobState<NextToken>;
  /** The newest answer for earlier arguments of the same model, shown dimmed while the next one is computed. */
  last: { args: NextTokenArgs; value: NextToken } | null;
}

/** Logits of model `modelId` for `args` (null: ask nothing). */
export function useNextLogits(modelId: string, args: NextTokenArgs | null): NextLogits {
  const { state } = useModelJob('next-token', modelId, args);
  const key = args === null ? null : JSON.stringify(args);
  const [last, setLast] = useState<{ from: string; args: NextTokenArgs; value: NextToken } | null>(null);
  useEffect(() => {
    if (state.state === 'ready' && key !== null) setLast({ from: modelId, args: JSON.parse(key) as NextTokenArgs, value: state.value });
  }, [state, key, modelId]);
  return { state, last: last && last.from === modelId ? last : null };
}
