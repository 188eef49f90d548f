/** Lesson 4: multi-head attention on the coref model: heads side by side, their habits, W_O, and "bank". */
import type { LessonContent } from '../types.ts';
import { BankDriftFigure, BankDriftProse, BankQuestionFigure, BankQuestionProse } from './Bank.tsx';
import { ConcatFigure, ConcatProse } from './Concat.tsx';
import { HeadsFigure, HeadsProse } from './Heads.tsx';
import { RolesFigure, RolesProse } from './Roles.tsx';
import './multi-head.css';

export const content: LessonContent = {
  id: 'multi-head',
  questionStep: 'bank-question',
  steps: [
    { id: 'heads', title: 'Several heads, side by side', Prose: HeadsProse, Figure: HeadsFigure },
    { id: 'roles', title: 'What each head has learned', Prose: RolesProse, Figure: RolesFigure },
    { id: 'concat', title: 'Concatenate, then W_O', Prose: ConcatProse, Figure: ConcatFigure },
    { id: 'bank-question', title: 'One word, two meanings', Prose: BankQuestionProse, Figure: BankQuestionFigure },
    { id: 'bank-drift', title: 'Contextual vectors drift apart', Prose: BankDriftProse, Figure: BankDriftFigure },
  ],
};
