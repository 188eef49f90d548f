/**
 * Loads a shipped model (public/models/<id>/) once per page and shares it between every
 * figure that asks, for lessons whose figures need more than attention weights (Q, K, V,
 * hidden states, logits). These models are small (a forward pass takes milliseconds), so
 * lesson figures compute on demand; the Explorer's type-as-you-go runs in the model worker.
 */
import { useEffect, useState } from 'react';
import { loadBundle, type ModelBundle } from '../../checkpoints/bundle.ts';
import { fetchModelFiles } from '../../checkpoints/fetch-files.ts';

const cache = new Map<string, Promise<ModelBundle>>();

/** The bundle's promise, started once per id (a failed load is forgotten, so a retry can work). */
export function bundlePromise(id: string): Promise<ModelBundle> {
  let p = cache.get(id);
  if (!p) {
    p = loadBundle(id, fetchModelFiles(`models/${id}`));
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

export type BundleState = { state: 'loading' } | { state: 'ready'; bundle: ModelBundle } | { state: 'error'; message: string };

export function useBundle(id: string): BundleState {
  const [s, setS] = useState<BundleState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setS({ state: 'loading' });
    bundlePromise(id).then(
      (bundle) => live && setS({ state: 'ready', bundle }),
      (e: Error) => live && setS({ state: 'error', message: `Could not load the model “${id}”: ${e.message}` }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return s;
}
