/** Lesson 6 as the course map knows it, without loading the lesson (lessons/catalog.ts). */
import type { LessonMeta } from '../types.ts';

export const meta: LessonMeta = {
  id: 'transformer',
  number: 6,
  title: 'The Transformer',
  summary: 'Encoder and decoder blocks, the causal mask, cross-attention, residual stream and generation token by token.',
  papers: ['Vaswani et al. 2017', 'Devlin et al. 2019', 'Radford et al. 2019'],
  // The steps of index.ts, in order (a test checks they agree): the step count comes from here.
  steps: [
    'overview',
    'encoder',
    'causal-mask',
    'why-mask',
    'cross-attention',
    'residual',
    'layer-norm',
    'feed-forward',
    'generation',
    'bert-gpt',
  ],
};
