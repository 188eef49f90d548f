// @vitest-environment jsdom
/**
 * A lesson is one folder: meta.ts (what the map shows, its step ids) and index.ts (its
 * content). The registry is read from the folders, so this checks the folders agree with
 * themselves: the meta's id is the folder's name, lessons are numbered 1..N, every lesson
 * loads, has 5 to 12 steps with distinct ids listed in its meta in the same order (where the
 * step count comes from), and names one step for its "predict, then reveal" question.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById } from '../../lessons/catalog.ts';
import { LESSON_LOADERS, LESSON_STEP_COUNTS } from '../../lessons/registry.ts';
import type { LessonMeta } from '../../lessons/types.ts';

const metaFiles = import.meta.glob<LessonMeta>('../../lessons/*/meta.ts', { eager: true, import: 'meta' });
const indexFiles = Object.keys(import.meta.glob('../../lessons/*/index.ts'));
const folder = (path: string) => path.split('/').at(-2);

describe('lesson registry', () => {
  it('names each lesson after its folder', () => {
    for (const [path, meta] of Object.entries(metaFiles)) expect(meta.id, path).toBe(folder(path));
  });

  it('numbers the lessons 1..N in course order', () => {
    expect(LESSONS.map((l) => l.number)).toEqual(LESSONS.map((_, i) => i + 1));
    expect(LESSONS).toHaveLength(Object.keys(metaFiles).length);
  });

  it('gives every lesson folder with content a meta.ts, so the map lists it', () => {
    expect(indexFiles.map(folder).sort()).toEqual(Object.keys(LESSON_LOADERS).sort());
    for (const id of Object.keys(LESSON_LOADERS)) expect(lessonById(id)).toBeDefined();
  });

  it('takes each step count from the meta', () => {
    expect(LESSON_STEP_COUNTS).toEqual(Object.fromEntries(LESSONS.map((l) => [l.id, l.steps.length])));
  });

  for (const meta of LESSONS) {
    it(`${meta.id}: loads, the ${meta.steps.length} steps its meta lists, one question`, async () => {
      const load = LESSON_LOADERS[meta.id];
      expect(load, `lessons/${meta.id}/index.ts`).toBeDefined();
      const content = await load();
      expect(content.id).toBe(meta.id);
      expect(content.steps.map((s) => s.id)).toEqual(meta.steps);
      expect(content.steps.length).toBeGreaterThanOrEqual(5);
      expect(content.steps.length).toBeLessThanOrEqual(12);
      expect(new Set(content.steps.map((s) => s.id)).size).toBe(content.steps.length);
      expect(content.steps.map((s) => s.id)).toContain(content.questionStep);
    });
  }
});
