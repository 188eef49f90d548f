/**
 * A text model's full trace of one sentence, for lesson figures that show more than the
 * attention weights: per layer the residual stream, and per head q, k, v, scores, scaled,
 * masked, weights and out (src/models/attention.ts). Recomputed when the model or the text
 * changes; a bad input comes back as a message to show, never as an exception.
 */
import { useMemo } from 'react';
import type { ModelBundle } from '../../checkpoints/bundle.ts';
import type { TransformerTrace } from '../../models/transformer.ts';
import { transformerForward } from '../../models/transformer.ts';
import { noGrad, type Tensor } from '../../runtime/index.ts';
import type { Token } from '../../tokenizers/index.ts';
import { useBundle } from './use-bundle.ts';

export type TextBundle = Extract<ModelBundle, { kind: 'text' }>;

export type TraceState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; bundle: TextBundle; tokens: Token[]; labels: string[]; trace: TransformerTrace; logits: Tensor | null };

/** Tokenizes and runs one traced forward pass; returns a message instead of throwing on bad input. */
export function traceText(bundle: TextBundle, text: string, withLogits = false): Exclude<TraceState, { state: 'loading' }> {
  if (!bundle.tokenizer) return { state: 'error', message: `${bundle.id} has no tokenizer, so it cannot read typed text.` };
  if (text.trim() === '') return { state: 'error', message: 'There is no text to read: type a sentence first.' };
  const tokens = bundle.tokenizer.encode(text);
  const max = bundle.model.config.maxPositions;
  if (tokens.length > max) return { state: 'error', message: `${bundle.id} reads at most ${max} tokens, and this text makes ${tokens.length}. Shorten it.` };
  const r = noGrad(() => transformerForward(bundle.model, [tokens.map((t) => t.id)], { trace: true, logits: withLogits }));
  const labels = tokens.map((t) => (t.unknown ? `${t.text}?` : t.text));
  return { state: 'ready', bundle, tokens, labels, trace: r.trace!, logits: withLogits ? r.output : null };
}

export function useTextTrace(modelId: string, text: string, withLogits = false): TraceState {
  const b = useBundle(modelId);
  return useMemo((): TraceState => {
    if (b.state !== 'ready') return b;
    if (b.bundle.kind !== 'text') return { state: 'error', message: `${modelId} is an image model.` };
    return traceText(b.bundle, text, withLogits);
  }, [b, modelId, text, withLogits]);
}
