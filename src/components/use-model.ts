/**
 * A shipped model (public/models/<id>/) as React state, from the page's one model cache:
 * every figure that asks for the same model shares one load, and a failed load can be tried
 * again from the figure that shows the error.
 */
import { useEffect, useState } from 'react';
import type { ModelBundle } from '../checkpoints/bundle.ts';
import { fetchModelFiles } from '../checkpoints/fetch-files.ts';
import { createModelCache, type ModelLoader } from '../checkpoints/model-cache.ts';

/** The page's models, fetched from the folder the app is served from; for code outside React. */
export const pageModels = createModelCache((id) => fetchModelFiles(`models/${id}`));

/** Where a model is; on an error, `retry` loads it again (the cache forgot the failed load). */
export type ModelState<T> =
  | { state: 'loading' }
  | { state: 'ready'; model: T }
  | { state: 'error'; message: string; retry: () => void };

const LOADING = { state: 'loading' } as const;

/** What was loaded for which request, so a new id shows 'loading' from its first render. */
interface Held<T> {
  id: string;
  load: ModelLoader<T> | undefined;
  s: ModelState<T>;
}

/**
 * Model `id` read by `load` (a loader at module scope; loadBundle when none is given).
 * `what` names the model in the error message: "Could not load <what>: <why>".
 */
export function useModel(id: string | null): ModelState<ModelBundle>;
export function useModel<T>(id: string, load: ModelLoader<T>, what?: string): ModelState<T>;
/** `id` null loads nothing (the figure reads its model elsewhere) and stays 'loading'. */
export function useModel<T>(id: string | null, load?: ModelLoader<T>, what = `the model “${id}”`): ModelState<T> {
  const [attempt, setAttempt] = useState(0);
  const [held, setHeld] = useState<Held<T>>({ id: id ?? '', load, s: LOADING });
  useEffect(() => {
    if (id === null) return;
    let live = true;
    const settle = (s: ModelState<T>) => live && setHeld((h) => (h.id === id && h.load === load && h.s === s ? h : { id, load, s }));
    settle(LOADING);
    const retry = () => setAttempt((n) => n + 1);
    (load ? pageModels.get(id, load) : (pageModels.get(id) as Promise<T>)).then(
      (model) => settle({ state: 'ready', model }),
      (e: unknown) => settle({ state: 'error', message: `Could not load ${what}: ${e instanceof Error ? e.message : String(e)}`, retry }),
    );
    return () => {
      live = false;
    };
  }, [id, load, what, attempt]);
  return held.id === id && held.load === load ? held.s : LOADING;
}
