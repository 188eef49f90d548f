/**
 * The course's lessons in order, read from each lesson folder's meta.ts (small, loaded with
 * the first page): what the home map shows, what a lesson route may name, and how many steps
 * each lesson has. A new lesson is one folder: its meta.ts is found here, its index.ts by
 * registry.ts.
 */
import type { LessonMeta } from './types.ts';

const metas = import.meta.glob<LessonMeta>('./*/meta.ts', { eager: true, import: 'meta' });

export const LESSONS: readonly LessonMeta[] = Object.values(metas).sort((a, b) => a.number - b.number);

/** The lesson with this id, or undefined (a hostile or stale link). */
export function lessonById(id: string): LessonMeta | undefined {
  return LESSONS.find((l) => l.id === id);
}
