/**
 * A text model's full trace of one sentence, for lesson figures that show more than the
 * attention weights: per layer the residual stream, and per head q, k, v, scores, scaled,
 * masked, weights and out (src/models/attention.ts), and the Explorer's result of the same run.
 * Recomputed when the model or the text changes; a bad input comes back as a message to
 * show, never as an exception. Unseen words are labelled with "?" (src/tokenizers/unseen.ts).
 */
import { useMemo } from 'react';
import type { ModelBundle } from '../../checkpoints/bundle.ts';
import type { TransformerTrace } from '../../models/transformer.ts';
import type { Tensor } from '../../runtime/index.ts';
import type { AttentionResult } from '../../store/index.ts';
import { AttentionInputError, runText } from '../../store/run-text.ts';
import { tokenLabel, type Token } from '../../tokenizers/index.ts';
import { useBundle } from './use-bundle.ts';

export type TextBundle = Extract<ModelBundle, { kind: 'text' }>;

export type TraceState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; bundle: TextBundle; tokens: Token[]; labels: string[]; trace: TransformerTrace; logits: Tensor | null; result: AttentionResult };

/** Reads `text` as the Explorer does (runText); returns a message instead of throwing on bad input. */
export function traceText(bundle: TextBundle, text: string, withLogits = false): Exclude<TraceState, { state: 'loading' }> {
  try {
    const r = runText(bundle, text, withLogits);
    const labels = r.tokens.map((t, i) => tokenLabel(text, t, r.result.tokens[i].unseen));
    return { state: 'ready', bundle, tokens: r.tokens, labels, trace: r.trace, logits: r.logits, result: r.result };
  } catch (e) {
    if (e instanceof AttentionInputError) return { state: 'error', message: e.message };
    throw e;
  }
}

export function useTextTrace(modelId: string, text: string, withLogits = false): TraceState {
  const b = useBundle(modelId);
  return useMemo((): TraceState => {
    if (b.state !== 'ready') return b;
    if (b.bundle.kind !== 'text') return { state: 'error', message: `${modelId} is an image model.` };
    return traceText(b.bundle, text, withLogits);
  }, [b, modelId, text, withLogits]);
}
