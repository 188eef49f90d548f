/**
 * A text model's trace of a sentence for the figures, with the course's one labelling of
 * words the model never saw whole (src/tokenizers/unseen.ts: typed text with "?") and the
 * list of those words. Recomputed from a deferred copy of the text so typing stays responsive.
 */
import { useDeferredValue, useMemo } from 'react';
import { useTextTrace, type TraceState } from '../../../src/components/lesson/use-trace.ts';
import type { UnseenWord } from '../../../src/tokenizers/index.ts';

export const GPT_ID = 'tiny-gpt';
export const BERT_ID = 'coref';

export type LabelledTrace = TraceState & { labelsShown: string[]; unknown: UnseenWord[] };

export function useLabelledTrace(modelId: string, text: string, withLogits = false): LabelledTrace {
  const deferred = useDeferredValue(text);
  const r = useTextTrace(modelId, deferred, withLogits);
  return useMemo(() => {
    if (r.state !== 'ready') return { ...r, labelsShown: [], unknown: [] };
    return { ...r, labelsShown: r.labels, unknown: r.result.unseenWords };
  }, [r, deferred]);
}
