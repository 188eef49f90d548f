/**
 * Each lesson's content (lessons/<id>/index.ts), loaded on demand so the first page stays
 * small: each lesson is its own chunk. A lesson with a meta.ts and no index.ts yet is listed
 * on the map and says it is not written yet.
 */
import { LESSONS } from './catalog.ts';
import type { LessonContent } from './types.ts';

const contents = import.meta.glob<LessonContent>('./*/index.ts', { import: 'content' });

export const LESSON_LOADERS: Readonly<Record<string, () => Promise<LessonContent>>> = Object.fromEntries(
  LESSONS.flatMap((l) => {
    const load = contents[`./${l.id}/index.ts`];
    return load ? [[l.id, load]] : [];
  }),
);

/** Step counts for the home map and the keyboard, from the metas: known without loading any lesson. */
export const LESSON_STEP_COUNTS: Readonly<Record<string, number>> = Object.fromEntries(LESSONS.map((l) => [l.id, l.steps.length]));
