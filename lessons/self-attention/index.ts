/** Lesson 3: self-attention, step by step, on the student's own sentence with the coref model. */
import type { LessonContent } from '../types.ts';
import { EmbeddingsFigure, EmbeddingsProse } from './Embeddings.tsx';
import { HeadResultFigure, HeadResultProse } from './HeadResult.tsx';
import { MaskingFigure, MaskingProse } from './Masking.tsx';
import { QkvFigure, QkvProse } from './Qkv.tsx';
import { ScalingFigure, ScalingProse } from './Scaling.tsx';
import { ScoresFigure, ScoresProse } from './Scores.tsx';
import { TokensFigure, TokensProse } from './Tokens.tsx';
import { WeightedSumFigure, WeightedSumProse } from './WeightedSum.tsx';
import './self-attention.css';

export const content: LessonContent = {
  id: 'self-attention',
  questionStep: 'scaling',
  steps: [
    { id: 'tokens', title: 'Your sentence, as tokens', Prose: TokensProse, Figure: TokensFigure },
    { id: 'embeddings', title: 'Embeddings plus positions', Prose: EmbeddingsProse, Figure: EmbeddingsFigure },
    { id: 'qkv', title: 'Queries, keys and values', Prose: QkvProse, Figure: QkvFigure },
    { id: 'scores', title: 'Scores: every query against every key', Prose: ScoresProse, Figure: ScoresFigure },
    { id: 'scaling', title: 'Scaling by √d_k, then softmax', Prose: ScalingProse, Figure: ScalingFigure },
    { id: 'masking', title: 'Masking', Prose: MaskingProse, Figure: MaskingFigure },
    { id: 'weighted-sum', title: 'The weighted sum of values', Prose: WeightedSumProse, Figure: WeightedSumFigure },
    { id: 'result', title: 'All together: where does “it” look?', Prose: HeadResultProse, Figure: HeadResultFigure },
  ],
};
