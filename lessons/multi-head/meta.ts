/** Lesson 4 as the course map knows it, without loading the lesson (lessons/catalog.ts). */
import type { LessonMeta } from '../types.ts';

export const meta: LessonMeta = {
  id: 'multi-head',
  number: 4,
  title: 'Multi-head attention',
  summary: 'Every head of a layer side by side, what each has learned, and how "bank" changes with its context.',
  papers: ['Vaswani et al. 2017', 'Clark et al. 2019'],
  // The steps of index.ts, in order (a test checks they agree): the step count comes from here.
  steps: [
    'heads',
    'roles',
    'concat',
    'bank-question',
    'bank-drift',
  ],
};
