/**
 * Lesson 2, "Attention in translation": the shipped GRU encoder-decoder with Bahdanau
 * attention (public/models/translate-rnn) translates the student's English, shows where its
 * decoder looks for each French word, and what is left when the attention is taken away.
 */
import type { LessonContent } from '../types.ts';
import * as encoder from './Encoder.tsx';
import * as oneWord from './OneWord.tsx';
import * as heatmap from './AlignmentHeatmap.tsx';
import * as question from './PredictRouge.tsx';
import * as oneVector from './OneVector.tsx';
import * as noAttention from './NoAttention.tsx';
import * as measured from './Measured.tsx';

export const content: LessonContent = {
  id: 'translation',
  steps: [
    { id: 'encoder', title: 'An encoder, a decoder, and a look back', Prose: encoder.Prose, Figure: encoder.Figure },
    { id: 'predict-rouge', title: 'Predict: where does “rouge” look?', Prose: question.Prose, Figure: question.Figure },
    { id: 'one-word', title: 'Scores, weights, context: one French word', Prose: oneWord.Prose, Figure: oneWord.Figure },
    { id: 'alignment', title: 'The alignment heatmap', Prose: heatmap.Prose, Figure: heatmap.Figure },
    { id: 'one-vector', title: 'Without attention: one vector for every word', Prose: oneVector.Prose, Figure: oneVector.Figure },
    { id: 'no-attention', title: 'Take the attention away', Prose: noAttention.Prose, Figure: noAttention.Figure },
    { id: 'measured', title: 'Measured on sentences it never saw', Prose: measured.Prose, Figure: measured.Figure },
  ],
  questionStep: 'predict-rouge',
};

