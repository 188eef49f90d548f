/** Lesson 2 as the course map knows it, without loading the lesson (lessons/catalog.ts). */
import type { LessonMeta } from '../types.ts';

export const meta: LessonMeta = {
  id: 'translation',
  number: 2,
  title: 'Attention in translation',
  summary: 'The decoder looks back at every English word while it writes French, and learns where the adjective goes.',
  papers: ['Bahdanau, Cho & Bengio 2014'],
  // The steps of index.ts, in order (a test checks they agree): the step count comes from here.
  steps: [
    'encoder',
    'predict-rouge',
    'one-word',
    'alignment',
    'one-vector',
    'no-attention',
    'measured',
  ],
};
