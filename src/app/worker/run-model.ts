/**
 * What the model worker does, as plain functions that also run in Node: load each model
 * folder once (the one cache of src/checkpoints), then read a text with runText
 * (src/store/run-text.ts, which the lessons use too). Mistakes of the input throw
 * AttentionInputError with a sentence a visitor can act on.
 */
import type { FileSource, ModelBundle } from '../../checkpoints/bundle.ts';
import { createModelCache, ModelIdError } from '../../checkpoints/model-cache.ts';
import { isSafeId } from '../../checkpoints/safe-id.ts';
import { AttentionInputError, runText } from '../../store/run-text.ts';
import type { AttentionResult } from './protocol.ts';

export { AttentionInputError };

/** Models loaded so far, each fetched and parsed once (a failed load is retried next time). */
export interface BundleCache {
  get(modelId: string): Promise<ModelBundle>;
  has(modelId: string): boolean;
  /** Keeps the course's own (small) models and `current`; a hub or folder model another replaced is freed. */
  keepOnly(current: string): void;
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
    keepOnly: (current) => models.evict((id) => id === current || isSafeId(id)),
    get: (id) => models.get(id).catch((e: unknown) => Promise.reject(e instanceof ModelIdError ? new AttentionInputError(e.message) : e)),
  };
}

/** Every head's attention on `text` (see runText). @throws AttentionInputError for bad input */
export function runAttention(bundle: ModelBundle, text: string): AttentionResult {
  return runText(bundle, text).result;
}
