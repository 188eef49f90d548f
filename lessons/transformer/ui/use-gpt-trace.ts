/**
 * A text model's trace of a sentence for the figures, with labels that show the student's own
 * word (marked "?") where the tokenizer had to emit its unknown token, and the list of those
 * words. Recomputed from a deferred copy of the text so typing stays responsive.
 */
import { useDeferredValue, useMemo } from 'react';
import { useTextTrace, type TraceState } from '../../../src/components/lesson/use-trace.ts';
import type { Token } from '../../../src/tokenizers/index.ts';

export const GPT_ID = 'tiny-gpt';
export const BERT_ID = 'coref';

/** Figure labels: the vocabulary token, or the typed word with "?" where it was unknown. */
export function tokenLabels(tokens: readonly Token[], text: string): string[] {
  return tokens.map((t) => (t.unknown && t.start !== null && t.end !== null ? `${text.slice(t.start, t.end)}?` : t.text));
}

/** The typed words a tokenizer could not read, once each. */
export function unknownWords(tokens: readonly Token[], text: string): string[] {
  const words = tokens.filter((t) => t.unknown && t.start !== null && t.end !== null).map((t) => text.slice(t.start as number, t.end as number));
  return [...new Set(words)];
}

export type LabelledTrace = TraceState & { labelsShown: string[]; unknown: string[] };

export function useLabelledTrace(modelId: string, text: string, withLogits = false): LabelledTrace {
  const deferred = useDeferredValue(text);
  const r = useTextTrace(modelId, deferred, withLogits);
  return useMemo(() => {
    if (r.state !== 'ready') return { ...r, labelsShown: [], unknown: [] };
    return { ...r, labelsShown: tokenLabels(r.tokens, deferred), unknown: unknownWords(r.tokens, deferred) };
  }, [r, deferred]);
}
