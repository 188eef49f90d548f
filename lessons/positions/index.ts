/**
 * Lesson 5, positional encoding: attention alone ignores word order (measured on a real model
 * with its positions removed), then the ways order is put back: learned tables, sinusoids
 * (the matrix, its wavelengths, its dot products) and rotary embeddings.
 */
import type { LessonContent } from '../types.ts';
import { LearnedFigure, LearnedProse } from './LearnedStep.tsx';
import { OrderBlindFigure, OrderBlindProse } from './OrderBlindStep.tsx';
import { PositionsBackFigure, PositionsBackProse } from './PositionsBackStep.tsx';
import { RotaryFigure, RotaryProse } from './RotaryStep.tsx';
import { SimilarityFigure, SimilarityProse } from './SimilarityStep.tsx';
import { SinusoidFigure, SinusoidProse } from './SinusoidStep.tsx';
import { WavelengthFigure, WavelengthProse } from './WavelengthStep.tsx';

export const content: LessonContent = {
  id: 'positions',
  steps: [
    { id: 'order-blind', title: 'Attention cannot see word order', Prose: OrderBlindProse, Figure: OrderBlindFigure },
    { id: 'positions-back', title: 'Learned positions put order back, in part', Prose: PositionsBackProse, Figure: PositionsBackFigure },
    { id: 'sinusoids', title: 'The sinusoidal matrix', Prose: SinusoidProse, Figure: SinusoidFigure },
    { id: 'wavelengths', title: 'One wave per pair of dimensions', Prose: WavelengthProse, Figure: WavelengthFigure },
    { id: 'similarity', title: 'Similarity between positions', Prose: SimilarityProse, Figure: SimilarityFigure },
    { id: 'learned', title: 'A learned position table', Prose: LearnedProse, Figure: LearnedFigure },
    { id: 'rotary', title: 'Rotary positions', Prose: RotaryProse, Figure: RotaryFigure },
  ],
  questionStep: 'order-blind',
};
