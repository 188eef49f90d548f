/** Lesson 3 as the course map knows it, without loading the lesson (lessons/catalog.ts). */
import type { LessonMeta } from '../types.ts';

export const meta: LessonMeta = {
  id: 'self-attention',
  number: 3,
  title: 'Self-attention, step by step',
  summary: 'Queries, keys and values on your own sentence: scores, scaling, softmax and the weighted sum.',
  papers: ['Vaswani et al. 2017'],
  // The steps of index.ts, in order (a test checks they agree): the step count comes from here.
  steps: [
    'tokens',
    'embeddings',
    'qkv',
    'scores',
    'scaling',
    'masking',
    'weighted-sum',
    'result',
  ],
};
