/**
 * The lesson's shared computation: the coref model's trace of the student's sentence and
 * the selected head recomputed step by step (compute.ts). Every step reads it, so changing
 * the sentence, layer or head in any step changes them all.
 */
import { useMemo } from 'react';
import { useSelectedHead } from '../../src/components/lesson/HeadPicker.tsx';
import { useTextTrace, type TraceState } from '../../src/components/lesson/use-trace.ts';
import { selectText, useAtlas } from '../../src/store/index.ts';
import { headSteps, type HeadSteps } from './compute.ts';

export const MODEL_ID = 'coref';

export type LessonHead =
  | Exclude<TraceState, { state: 'ready' }>
  | (Extract<TraceState, { state: 'ready' }> & { layer: number; head: number; steps: HeadSteps });

export function useLessonHead(): LessonHead {
  const text = useAtlas(selectText);
  const t = useTextTrace(MODEL_ID, text);
  const nLayers = t.state === 'ready' ? t.bundle.model.config.nLayers : 1;
  const nHeads = t.state === 'ready' ? t.bundle.model.config.nHeads : 1;
  const { layer, head } = useSelectedHead(nLayers, nHeads);
  return useMemo(() => {
    if (t.state !== 'ready') return t;
    return { ...t, layer, head, steps: headSteps(t.bundle.model, t.trace, layer, head) };
  }, [t, layer, head]);
}
