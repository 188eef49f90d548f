/** Progress slice: per lesson, the furthest step reached and whether it was completed. */
import { clampInt, isSafeId } from '../ids.ts';
import { MAX_STEPS } from '../route.ts';
import type { ActionsCreator } from '../state.ts';

export interface LessonProgress {
  furthest: number; // 0-based index of the furthest step seen
  completed: boolean;
}

export interface ProgressState {
  progress: Record<string, LessonProgress>;
}

export interface ProgressActions {
  /** Records that a step was shown; the furthest step never goes back. */
  visitStep(lessonId: string, step: number): void;
  completeLesson(lessonId: string): void;
  /** Forgets one lesson's progress, or every lesson's when no id is given. */
  resetProgress(lessonId?: string): void;
}

export const createProgressActions: ActionsCreator<ProgressActions> = (set, get) => ({
  visitStep: (lessonId, step) => {
    if (!isSafeId(lessonId)) return;
    const s = clampInt(step, 0, MAX_STEPS - 1);
    const old = get().progress[lessonId];
    // No new object when nothing changed: persistence writes on every new progress object.
    if (old && old.furthest >= s) return;
    set({ progress: { ...get().progress, [lessonId]: { furthest: s, completed: old?.completed ?? false } } });
  },
  completeLesson: (lessonId) => {
    if (!isSafeId(lessonId)) return;
    const old = get().progress[lessonId];
    if (old?.completed) return;
    set({ progress: { ...get().progress, [lessonId]: { furthest: old?.furthest ?? 0, completed: true } } });
  },
  resetProgress: (lessonId) => {
    if (lessonId === undefined) return set({ progress: {} });
    if (!(lessonId in get().progress)) return;
    const rest = { ...get().progress };
    delete rest[lessonId];
    set({ progress: rest });
  },
});
