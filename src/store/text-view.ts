/**
 * What a lesson figure about a text model reads: facts from the model's config and card,
 * the tokens and their labels, the Explorer's result, and the parts of the trace the
 * figures draw (embeddings; per layer every head's weights and output and the attention
 * sublayer's output). Plain data, the same wherever it was computed: on the page for a
 * course model, in the model worker for a large one (its weights never leave the worker).
 */
import type { ModelBundle, ModelMeta } from '../checkpoints/bundle.ts';
import type { TransformerConfig } from '../models/config.ts';
import type { TransformerTrace } from '../models/transformer.ts';
import type { Tensor } from '../runtime/index.ts';
import { tokenLabel, type Token } from '../tokenizers/index.ts';
import type { AttentionResult } from './attention-result.ts';
import { AttentionInputError, runText, type TextRun } from './run-text.ts';

/** A model as a figure knows it: no weights. */
export interface ModelFacts {
  id: string;
  config: TransformerConfig;
  meta: ModelMeta;
}

/** The parts of a TransformerTrace that figures draw. */
export interface TraceView {
  tokenEmbeddings: Tensor; // (T, d)
  positionEmbeddings: Tensor | null; // (T, d); null for rotary / none
  embeddings: Tensor; // (T, d) entering block 0
  layers: Array<{ heads: Array<{ weights: Tensor; out: Tensor }>; attention: Tensor }>;
}

export interface TextView {
  model: ModelFacts;
  tokens: Token[];
  labels: string[]; // as figures label tokens ("?" marks a word the model never saw whole)
  trace: TraceView;
  result: AttentionResult;
}

type TextBundle = Extract<ModelBundle, { kind: 'text' }>;

/** The bundle, if it reads text. @throws AttentionInputError for an image model */
export function textBundle(bundle: ModelBundle): TextBundle {
  if (bundle.kind !== 'text') throw new AttentionInputError(`${bundle.id} is an image model: it attends over patches of a picture, not over words.`);
  return bundle;
}

/** Only what figures draw: a worker sends megabytes less (no feed-forward activations). */
export function viewOfTrace(trace: TransformerTrace): TraceView {
  return {
    tokenEmbeddings: trace.tokenEmbeddings,
    positionEmbeddings: trace.positionEmbeddings,
    embeddings: trace.embeddings,
    layers: trace.layers.map((l) => ({ heads: l.heads.map((h) => ({ weights: h.weights, out: h.out })), attention: l.attention })),
  };
}

/** The view of `text` read by `bundle`, from `run` when the caller already has runText's answer. @throws AttentionInputError */
export function textView(bundle: ModelBundle, text: string, run: TextRun = runText(bundle, text)): TextView {
  const b = textBundle(bundle);
  const labels = run.tokens.map((t, i) => tokenLabel(text, t, run.result.tokens[i].unseen));
  return { model: { id: b.id, config: b.model.config, meta: b.meta }, tokens: run.tokens, labels, trace: viewOfTrace(run.trace), result: run.result };
}

/** A layer and head inside the model (a link or a previous model may name one it lacks). */
export function clampHead(config: TransformerConfig, layer: number, head: number): { layer: number; head: number } {
  const within = (v: number, n: number) => (Number.isInteger(v) && v >= 0 ? Math.min(v, n - 1) : 0);
  return { layer: within(layer, config.nLayers), head: within(head, config.nHeads) };
}
