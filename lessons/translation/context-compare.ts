/**
 * What the decoder receives with and without attention, in numbers: the contexts c_t it
 * actually used (one per French word) against the encoder's final state (one for all).
 */
import { argmax, cosine } from '../../src/runtime/index.ts';
import type { TranslationView } from './translate-view.ts';

export interface ContextComparison {
  /** Mean cosine similarity over all pairs of distinct contexts (1 would mean all the same). */
  contextsAlike: number;
  /** Per French word (no <eos>): cosine of c_t with the final state, and with its best annotation. */
  rows: Array<{ word: string; withFinal: number; nearest: number; nearestSim: number }>;
  /** Largest |entry| over contexts and final state: one colour scale for both pictures. */
  maxAbs: number;
}

/** Compares the contexts of a translation with its encoder's final state. */
export function compareContexts(view: TranslationView): ContextComparison {
  const steps = view.steps.filter((s) => s.word !== '<eos>');
  let pairs = 0;
  let total = 0;
  for (let a = 0; a < steps.length; a++) {
    for (let b = a + 1; b < steps.length; b++) {
      total += cosine(steps[a].context, steps[b].context);
      pairs++;
    }
  }
  const rows = steps.map((s) => {
    const sims = view.annotations.map((h) => cosine(s.context, h));
    const nearest = argmax(sims);
    return { word: s.word, withFinal: cosine(s.context, view.final), nearest, nearestSim: sims[nearest] };
  });
  let maxAbs = 0;
  for (const v of [view.final, ...view.steps.map((s) => s.context)]) for (const x of v) maxAbs = Math.max(maxAbs, Math.abs(x));
  return { contextsAlike: pairs > 0 ? total / pairs : 1, rows, maxAbs };
}
