/**
 * An AttentionResult (what the Explorer's worker returns) built from a trace computed on
 * the page, so lesson figures can reuse the Explorer's widgets on their own sentences.
 */
import type { ModelBundle } from '../../checkpoints/bundle.ts';
import type { TransformerTrace } from '../../models/transformer.ts';
import type { AttentionResult } from '../../store/index.ts';
import type { Token } from '../../tokenizers/index.ts';

export function resultFromTrace(bundle: Extract<ModelBundle, { kind: 'text' }>, text: string, tokens: readonly Token[], trace: TransformerTrace): AttentionResult {
  const { nLayers, nHeads, causal } = bundle.model.config;
  const T = tokens.length;
  const attention = new Float32Array(nLayers * nHeads * T * T); // (nLayers, nHeads, T, T)
  trace.layers.forEach((layer, l) => layer.heads.forEach((h, k) => attention.set(h.weights.data, (l * nHeads + k) * T * T)));
  const result: AttentionResult = {
    modelId: bundle.id,
    text,
    tokens: tokens.map((t) => ({ text: t.text, start: t.start, end: t.end, unknown: t.unknown === true, special: t.start === null })),
    nLayers,
    nHeads,
    causal,
    attention,
    unknownWords: [...new Set(tokens.filter((t) => t.unknown).map((t) => (t.start !== null && t.end !== null ? text.slice(t.start, t.end) : t.text)))],
    ms: 0,
  };
  if (bundle.meta.coreferenceHead) result.coreferenceHead = [...bundle.meta.coreferenceHead];
  if (bundle.meta.bestPronounHead) result.bestPronounHead = [...bundle.meta.bestPronounHead];
  return result;
}
