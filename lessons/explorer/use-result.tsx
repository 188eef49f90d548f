/** The coref model's attention on a sentence, as the Explorer's widgets take it. */
import { useMemo } from 'react';
import { useTextTrace } from '../../src/components/lesson/use-trace.ts';
import type { AttentionResult } from '../../src/store/index.ts';

export const MODEL_ID = 'coref';

export type ResultState = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; result: AttentionResult; labels: string[] };

export function useResult(text: string, modelId: string = MODEL_ID): ResultState {
  const t = useTextTrace(modelId, text);
  return useMemo(() => (t.state === 'ready' ? { state: 'ready', result: t.result, labels: t.labels } : t), [t]);
}

export function Pending({ r }: { r: ResultState }) {
  if (r.state === 'loading') return <p className="status" aria-live="polite">Loading the coref model…</p>;
  if (r.state === 'error') return <p className="error" role="alert">{r.message}</p>;
  return null;
}
