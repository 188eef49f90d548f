/** Lesson 1 as the course map knows it, without loading the lesson (lessons/catalog.ts). */
import type { LessonMeta } from '../types.ts';

export const meta: LessonMeta = {
  id: 'why-attention',
  number: 1,
  title: 'Why attention: from RNNs to Transformers',
  summary: 'An RNN reads word by word; its memory fades with distance. Measure it, then see how attention removes the bottleneck.',
  papers: ['Hochreiter & Schmidhuber 1997', 'Vaswani et al. 2017'],
  // The steps of index.ts, in order (a test checks they agree): the step count comes from here.
  steps: [
    'reading',
    'one-vector',
    'gradients',
    'accuracy',
    'attention',
    'cost',
    'compare',
  ],
};
