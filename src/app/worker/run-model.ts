/**
 * What the model worker does, as plain functions that also run in Node: load each model
 * folder once, then tokenize a text and capture every head's attention in one forward pass.
 * Mistakes of the input (empty text, too long, an image model asked to read) throw
 * AttentionInputError with a sentence a visitor can act on.
 */
import type { FileSource, ModelBundle } from '../../checkpoints/bundle.ts';
import { createModelCache, ModelIdError } from '../../checkpoints/model-cache.ts';
import { transformerForward } from '../../models/transformer.ts';
import { noGrad } from '../../runtime/index.ts';
import { SELECTION_CAP } from '../../store/slices/selection.ts';
import { skippableIds } from '../../tokenizers/types.ts';
import type { AttentionResult, ResultToken } from './protocol.ts';

/** A problem with what was asked (not a bug): its message is meant for the page. */
export class AttentionInputError extends Error {
  override name = 'AttentionInputError';
}

/** Models loaded so far, each fetched and parsed once (a failed load is retried next time). */
export interface BundleCache {
  get(modelId: string): Promise<ModelBundle>;
  has(modelId: string): boolean;
}

/**
 * The one model cache (src/checkpoints/model-cache.ts) reading model `id`'s files through
 * `sourceFor(id)`. A name that is not a model's, or a model that is not here, is a mistake
 * of the input: it rejects with AttentionInputError.
 */
export function createBundleCache(sourceFor: (modelId: string) => FileSource): BundleCache {
  const models = createModelCache((id) => {
    const read = sourceFor(id);
    return async (name) => {
      const bytes = await read(name);
      if (!bytes && name === 'config.json') throw new AttentionInputError(`There is no model called "${id}" here (models/${id}/config.json is missing).`);
      return bytes;
    };
  });
  return {
    has: (id) => models.has(id),
    get: (id) => models.get(id).catch((e: unknown) => Promise.reject(e instanceof ModelIdError ? new AttentionInputError(e.message) : e)),
  };
}

/** The longest sequence a model takes: its position table, and never more than the app can show. */
function tokenLimit(bundle: Extract<ModelBundle, { kind: 'text' }>): number {
  const max = bundle.model.config.maxPositions;
  return max > 0 ? Math.min(max, SELECTION_CAP.tokens) : SELECTION_CAP.tokens;
}

/**
 * Tokenizes `text` with the model's own tokenizer (special tokens included, as in training)
 * and runs one traced forward pass.
 * @throws AttentionInputError for empty or too long text, an image model, a model without a tokenizer
 */
export function runAttention(bundle: ModelBundle, text: string): AttentionResult {
  const t0 = performance.now();
  if (bundle.kind !== 'text') {
    throw new AttentionInputError(`${bundle.id} is an image model: it attends over patches of a picture, not over words.`);
  }
  const { model, tokenizer } = bundle;
  if (!tokenizer) throw new AttentionInputError(`${bundle.id} has no tokenizer, so it cannot read typed text.`);
  if (text.trim() === '') throw new AttentionInputError('There is no text to read: type a sentence first.');

  const encoded = tokenizer.encode(text);
  const T = encoded.length;
  if (T === 0) throw new AttentionInputError('None of this text could be turned into tokens: try a sentence with words.');
  const limit = tokenLimit(bundle);
  if (T > limit) {
    throw new AttentionInputError(
      `${bundle.id} reads at most ${limit} tokens at a time, and this text makes ${T}. Shorten it by about ${T - limit} tokens (a short word is one token).`,
    );
  }

  const special = skippableIds(tokenizer.specialIds);
  const tokens: ResultToken[] = encoded.map((t) => ({
    text: t.text,
    start: t.start,
    end: t.end,
    unknown: t.unknown === true,
    special: t.start === null || special.has(t.id),
  }));
  const unknownWords = [...new Set(encoded.filter((t) => t.unknown).map((t) => (t.start !== null && t.end !== null ? text.slice(t.start, t.end) : t.text)))];

  const { nLayers, nHeads, causal } = model.config;
  const attention = new Float32Array(nLayers * nHeads * T * T); // (nLayers, nHeads, T, T)
  noGrad(() => {
    const trace = transformerForward(model, [encoded.map((t) => t.id)], { trace: true, logits: false }).trace!;
    trace.layers.forEach((layer, l) =>
      layer.heads.forEach((h, k) => attention.set(h.weights.data, (l * nHeads + k) * T * T)), // weights (T, T)
    );
  });

  const result: AttentionResult = { modelId: bundle.id, text, tokens, nLayers, nHeads, causal, attention, unknownWords, ms: 0 };
  if (bundle.meta.coreferenceHead) result.coreferenceHead = [...bundle.meta.coreferenceHead];
  if (bundle.meta.bestPronounHead) result.bestPronounHead = [...bundle.meta.bestPronounHead];
  // card.json is data, not code: keep only the named heads that exist in this model.
  const named = (bundle.meta.heads ?? []).filter(
    (h) => Number.isInteger(h?.layer) && Number.isInteger(h?.head) && h.layer >= 0 && h.layer < nLayers && h.head >= 0 && h.head < nHeads && typeof h.role === 'string',
  );
  if (named.length) result.heads = named.map((h) => ({ layer: h.layer, head: h.head, role: h.role, ...(typeof h.evidence === 'string' ? { evidence: h.evidence } : {}) }));
  result.ms = performance.now() - t0;
  return result;
}
