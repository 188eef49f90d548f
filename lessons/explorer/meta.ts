/** Lesson 8 as the course map knows it, without loading the lesson (lessons/catalog.ts). */
import type { LessonMeta } from '../types.ts';

export const meta: LessonMeta = {
  id: 'explorer',
  number: 8,
  title: 'Attention Explorer',
  summary: 'Free play: type any sentence, rank heads by what a pronoun picks, compare two sentences.',
  papers: ['Clark et al. 2019', 'Vig 2019'],
  // The steps of index.ts, in order (a test checks they agree): the step count comes from here.
  steps: [
    'overview',
    'head-view',
    'follow',
    'tired-wide',
    'two-models',
    'weather',
  ],
};
