/** Lesson 8: the Attention Explorer as a guided free play, on the coref model. */
import type { LessonContent } from '../types.ts';
import { FollowFigure, FollowProse } from './Follow.tsx';
import { HeadViewFigure, HeadViewProse } from './HeadView.tsx';
import { OverviewFigure, OverviewProse } from './Overview.tsx';
import { TiredWideFigure, TiredWideProse } from './TiredWide.tsx';
import { TwoModelsFigure, TwoModelsProse } from './TwoModels.tsx';
import { WeatherFigure, WeatherProse } from './Weather.tsx';

export const content: LessonContent = {
  id: 'explorer',
  questionStep: 'tired-wide',
  steps: [
    { id: 'overview', title: 'Every head at once', Prose: OverviewProse, Figure: OverviewFigure },
    { id: 'head-view', title: 'The head view', Prose: HeadViewProse, Figure: HeadViewFigure },
    { id: 'follow', title: 'Follow a pronoun', Prose: FollowProse, Figure: FollowFigure },
    { id: 'tired-wide', title: '“Tired” or “wide”?', Prose: TiredWideProse, Figure: TiredWideFigure },
    { id: 'two-models', title: 'Do heads learn coreference by themselves?', Prose: TwoModelsProse, Figure: TwoModelsFigure },
    { id: 'weather', title: 'An “it” that means nothing', Prose: WeatherProse, Figure: WeatherFigure },
  ],
};
