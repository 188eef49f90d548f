/**
 * Lesson 7, Vision Transformers: a digit the student draws (or the generator draws) is cut
 * into patches, flattened, projected, given a CLS token and positions, attended over layer by
 * layer and classified, every figure recomputed from the drawing with the shipped vit-digits.
 */
import type { LessonContent } from '../types.ts';
import { AttentionMapsFigure, AttentionMapsProse } from './AttentionMapsStep.tsx';
import { ClassifyFigure, ClassifyProse } from './ClassifyStep.tsx';
import { ClsPositionsFigure, ClsPositionsProse } from './ClsPositionsStep.tsx';
import { DrawFigure, DrawProse } from './DrawStep.tsx';
import { FlattenFigure, FlattenProse } from './FlattenStep.tsx';
import { PatchesFigure, PatchesProse } from './PatchesStep.tsx';
import { RolloutFigure, RolloutProse } from './RolloutStep.tsx';

export const content: LessonContent = {
  id: 'vision',
  steps: [
    { id: 'draw', title: 'Draw a digit', Prose: DrawProse, Figure: DrawFigure },
    { id: 'patches', title: 'An image cut into patches', Prose: PatchesProse, Figure: PatchesFigure },
    { id: 'flatten', title: 'Flatten and project', Prose: FlattenProse, Figure: FlattenFigure },
    { id: 'cls-positions', title: 'The CLS token and position embeddings', Prose: ClsPositionsProse, Figure: ClsPositionsFigure },
    { id: 'cls-attention', title: 'Where CLS looks, head by head', Prose: AttentionMapsProse, Figure: AttentionMapsFigure },
    { id: 'rollout', title: 'Attention rollout', Prose: RolloutProse, Figure: RolloutFigure },
    { id: 'classify', title: 'The classification', Prose: ClassifyProse, Figure: ClassifyFigure },
  ],
  questionStep: 'patches',
};
