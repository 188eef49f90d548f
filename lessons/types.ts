/**
 * What a lesson is made of: a small meta.ts the course map reads without loading the lesson,
 * and its content, steps written as data. A step has a title, its prose and a figure; the
 * figure computes what it shows from the models as it renders, and changes what is shown
 * only through store actions (STYLE.md).
 */
import type { ComponentType } from 'react';

/** lessons/<id>/meta.ts exports this as `meta`; the folder's name is the id. */
export interface LessonMeta {
  id: string; // the URL segment: #/lesson/<id>/<step>
  number: number; // place in the course, from 1
  title: string;
  summary: string;
  papers: readonly string[];
  /** The ids of the steps in index.ts, in order: where the step count comes from. */
  steps: readonly string[];
}

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
