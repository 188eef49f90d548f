/**
 * Lesson 1, "Why attention: from RNNs to Transformers": a real RNN reads a sentence; three
 * small models trained here on a recall task (public/models/long-range-{rnn,lstm,transformer})
 * show the single state as a bottleneck, the vanishing gradient, accuracy against distance
 * and attention's one-step look back, all measured in the page; then the cost comparison.
 */
import type { LessonContent } from '../types.ts';
import * as accuracy from './Accuracy.tsx';
import * as attentionLook from './AttentionLook.tsx';
import * as compare from './Compare.tsx';
import * as cost from './Cost.tsx';
import * as gradients from './Gradients.tsx';
import * as memory from './Memory.tsx';
import * as reading from './Reading.tsx';

export const content: LessonContent = {
  id: 'why-attention',
  steps: [
    { id: 'reading', title: 'An RNN reads one word at a time', Prose: reading.Prose, Figure: reading.Figure },
    { id: 'one-vector', title: 'Everything in one vector', Prose: memory.Prose, Figure: memory.Figure },
    { id: 'gradients', title: 'Predict: how much gradient comes back?', Prose: gradients.Prose, Figure: gradients.Figure },
    { id: 'accuracy', title: 'Accuracy against distance', Prose: accuracy.Prose, Figure: accuracy.Figure },
    { id: 'attention', title: 'Attention looks back in one step', Prose: attentionLook.Prose, Figure: attentionLook.Figure },
    { id: 'cost', title: 'What it costs: n²·d against n·d²', Prose: cost.Prose, Figure: cost.Figure },
    { id: 'compare', title: 'RNN, LSTM and Transformer side by side', Prose: compare.Prose, Figure: compare.Figure },
  ],
  questionStep: 'gradients',
};
