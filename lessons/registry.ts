/**
 * Each lesson's content, loaded on demand so the first page stays small (each lesson is its
 * own chunk). A lesson missing here is listed on the map but says it is not written yet.
 */
import type { LessonContent } from './types.ts';

export const LESSON_LOADERS: Record<string, () => Promise<LessonContent>> = {
  'why-attention': () => import('./why-attention/index.ts').then((m) => m.content),
  translation: () => import('./translation/index.ts').then((m) => m.content),
  'self-attention': () => import('./self-attention/index.ts').then((m) => m.content),
  'multi-head': () => import('./multi-head/index.ts').then((m) => m.content),
  positions: () => import('./positions/index.ts').then((m) => m.content),
  transformer: () => import('./transformer/index.ts').then((m) => m.content),
  vision: () => import('./vision/index.ts').then((m) => m.content),
  explorer: () => import('./explorer/index.ts').then((m) => m.content),
};

/** Step counts for the home map, known without loading any lesson (a test checks they agree). */
export const LESSON_STEP_COUNTS: Record<string, number> = {
  'why-attention': 7,
  translation: 7,
  'self-attention': 8,
  'multi-head': 5,
  positions: 7,
  transformer: 10,
  vision: 7,
  explorer: 5,
};
