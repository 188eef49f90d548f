/** Lesson 5 as the course map knows it, without loading the lesson (lessons/catalog.ts). */
import type { LessonMeta } from '../types.ts';

export const meta: LessonMeta = {
  id: 'positions',
  number: 5,
  title: 'Positional encoding',
  summary: 'Attention alone ignores word order. Sinusoids, learned positions and rotary encodings put it back.',
  papers: ['Vaswani et al. 2017', 'Su et al. 2021'],
  // The steps of index.ts, in order (a test checks they agree): the step count comes from here.
  steps: [
    'order-blind',
    'positions-back',
    'sinusoids',
    'wavelengths',
    'similarity',
    'learned',
    'rotary',
  ],
};
