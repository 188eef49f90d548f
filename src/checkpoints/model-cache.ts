/**
 * The one place a model folder is loaded once: the first ask for a model starts its load,
 * every later ask shares that promise, and a failed load is forgotten so the next ask tries
 * again. The page keeps one cache (src/components/use-model.ts), the model worker its own.
 *
 * Most folders are read by loadBundle; a few of the project's own models (the translators,
 * the long-range models) have loaders of their own. A loader is part of the key, so the same
 * folder read two ways is loaded once per way.
 */
import { loadBundle, type FileSource, type ModelBundle } from './bundle.ts';
import { tryParseModelRef } from './model-ref.ts';
import { isSafeId } from './safe-id.ts';

const isRemoteRef = (id: string): boolean => (tryParseModelRef(id)?.kind ?? 'builtin') !== 'builtin';

/**
 * Reads model `id`'s folder into a model. Pass a function defined once at module scope:
 * a new function on every call would be a new key, and load the model again.
 */
export type ModelLoader<T> = (id: string, read: FileSource) => Promise<T>;

/** An id that cannot name a model folder; its message is meant for the page. */
export class ModelIdError extends Error {
  override name = 'ModelIdError';
}

export interface ModelCache {
  /** Model `id` read by `load` (loadBundle when none is given), loaded on the first ask. */
  get(id: string): Promise<ModelBundle>;
  get<T>(id: string, load: ModelLoader<T>): Promise<T>;
  /** Whether a load of `id` by `load` has started and not failed. */
  has(id: string, load?: ModelLoader<unknown>): boolean;
  /** Forgets every model `keep` rejects, so its memory can be freed (a large model another replaced). */
  evict(keep: (id: string) => boolean): void;
}

/** A cache reading model `id`'s files through `sourceFor(id)`. */
export function createModelCache(sourceFor: (id: string) => FileSource): ModelCache {
  const loads = new Map<ModelLoader<unknown>, Map<string, Promise<unknown>>>();
  const byLoader = (load: ModelLoader<unknown>) => {
    let m = loads.get(load);
    if (!m) loads.set(load, (m = new Map()));
    return m;
  };
  function get<T>(id: string, load: ModelLoader<T> = loadBundle as ModelLoader<never>): Promise<T> {
    // A built-in id becomes a URL path: only [a-z0-9-] may reach fetch; anything else must be a hub or folder reference.
    if (!isSafeId(id) && !isRemoteRef(id)) return Promise.reject(new ModelIdError(`"${String(id).slice(0, 40)}" is not a model name.`));
    const started = byLoader(load);
    let p = started.get(id) as Promise<T> | undefined;
    if (!p) {
      p = new Promise<T>((resolve) => resolve(load(id, sourceFor(id)))); // a loader that throws rejects
      started.set(id, p);
      // Forget a failure. This handler is the first on the promise, so whoever sees the
      // error and asks again starts a fresh load.
      p.catch(() => started.delete(id));
    }
    return p;
  }
  return {
    get: get as ModelCache['get'],
    has: (id, load = loadBundle) => loads.get(load)?.has(id) ?? false,
    evict: (keep) => {
      for (const started of loads.values()) for (const id of [...started.keys()]) if (!keep(id)) started.delete(id);
    },
  };
}
