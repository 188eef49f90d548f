/**
 * The shipped ViT run on the pad's current image, recomputed whenever the drawing changes
 * (one traced forward pass: a few milliseconds). An empty pad gives a message, not a guess.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useBundle } from '../../src/components/lesson/use-bundle.ts';
import type { VitModel } from '../../src/models/vit.ts';
import { drawingStore } from './drawing-store.ts';
import { runVit, type VitRun } from './vit-run.ts';

export const VIT_MODEL = 'vit-digits';

export type VitState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'empty'; model: VitModel; image: Float32Array }
  | { state: 'ready'; model: VitModel; image: Float32Array; run: VitRun };

export function useVit(): VitState {
  const b = useBundle(VIT_MODEL);
  const image = useStore(drawingStore, (s) => s.image);
  return useMemo((): VitState => {
    if (b.state === 'loading') return b;
    if (b.state === 'error') return b;
    if (b.bundle.kind !== 'vision') return { state: 'error', message: `${VIT_MODEL} is not an image model.` };
    const model = b.bundle.model;
    if (!image.some((v) => v > 0)) return { state: 'empty', model, image };
    return { state: 'ready', model, image, run: runVit(model, image) };
  }, [b, image]);
}
