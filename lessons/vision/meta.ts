/** Lesson 7 as the course map knows it, without loading the lesson (lessons/catalog.ts). */
import type { LessonMeta } from '../types.ts';

export const meta: LessonMeta = {
  id: 'vision',
  number: 7,
  title: 'Vision Transformers',
  summary: 'Cut an image into patches, treat them as words, and watch the CLS token look at the digit you draw.',
  papers: ['Dosovitskiy et al. 2021', 'Abnar & Zuidema 2020'],
  // The steps of index.ts, in order (a test checks they agree): the step count comes from here.
  steps: [
    'draw',
    'patches',
    'flatten',
    'cls-positions',
    'cls-attention',
    'rollout',
    'classify',
  ],
};
