/**
 * What a lesson is made of: steps written as data. A step has a title, its prose and a
 * figure; the figure computes what it shows from the models as it renders, and changes what
 * is shown only through store actions (STYLE.md).
 */
import type { ComponentType } from 'react';

export interface LessonStep {
  id: string; // stable within the lesson, for tests and anchors
  title: string;
  Prose: ComponentType;
  Figure?: ComponentType;
}

export interface LessonContent {
  id: string;
  steps: readonly LessonStep[];
  /** The one "predict, then reveal" question of the lesson, by step id. */
  questionStep?: string;
}
