/**
 * The shipped ViT run on the pad's current image, recomputed whenever the drawing changes
 * (one traced forward pass: a few milliseconds). An empty pad gives a message, not a guess.
 *
 * While a stroke is being drawn, the image reaches the figures at most every FIGURE_EVERY_MS:
 * the pad itself repaints on every pointer move, but a step with a dozen charts costs more
 * than a frame to redraw, and redrawing them for every mouse event would make the ink lag.
 * The last image of a stroke always gets through.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { useModel } from '../../src/components/use-model.ts';
import type { VitModel } from '../../src/models/vit.ts';
import { padView } from './drawing.ts';
import { VISION } from './inputs.ts';
import { runVit, type VitRun } from './vit-run.ts';

export const VIT_MODEL = 'vit-digits';
export const FIGURE_EVERY_MS = 100;

export type VitState =
  | { state: 'loading' }
  | { state: 'error'; message: string; retry?: () => void } // retry: the model failed to load
  | { state: 'empty'; model: VitModel; image: Float32Array }
  | { state: 'ready'; model: VitModel; image: Float32Array; run: VitRun };

/** `value`, passed on at most once every `ms` (the latest one wins; none is lost at the end). */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const show = () => {
      last.current = performance.now();
      setShown(value);
    };
    const wait = last.current + ms - performance.now();
    if (wait <= 0) return show();
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}

/** The pad's image as the figures show it (throttled while drawing). */
export function useShownImage(): Float32Array {
  const [digit] = useLessonInput(VISION, 'digit');
  const [drawing] = useLessonInput(VISION, 'drawing');
  return useThrottled(padView(digit, drawing).image, FIGURE_EVERY_MS);
}

/** The shipped ViT run on the pad's image, or why not. */
export function useVit(): VitState {
  const b = useModel(VIT_MODEL);
  const image = useShownImage();
  return useMemo((): VitState => {
    if (b.state === 'loading') return b;
    if (b.state === 'error') return b;
    if (b.model.kind !== 'vision') return { state: 'error', message: `${VIT_MODEL} is not an image model.` };
    const model = b.model.model;
    if (!image.some((v) => v > 0)) return { state: 'empty', model, image };
    return { state: 'ready', model, image, run: runVit(model, image) };
  }, [b, image]);
}
