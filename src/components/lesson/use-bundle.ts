/**
 * A loadBundle model as `{ state: 'ready', bundle }`: the shape figures written before
 * useModel (src/components/use-model.ts) read. Both go through the page's one model cache;
 * new code calls useModel directly.
 */
import { useMemo } from 'react';
import type { ModelBundle } from '../../checkpoints/bundle.ts';
import { pageModels, useModel, type ModelState } from '../use-model.ts';

/** The bundle's promise from the page's model cache, for code outside React. */
export function bundlePromise(id: string): Promise<ModelBundle> {
  return pageModels.get(id);
}

export type BundleState = Exclude<ModelState<ModelBundle>, { state: 'ready' }> | { state: 'ready'; bundle: ModelBundle };

export function useBundle(id: string): BundleState {
  const m = useModel(id);
  return useMemo(() => (m.state === 'ready' ? { state: 'ready', bundle: m.model } : m), [m]);
}
