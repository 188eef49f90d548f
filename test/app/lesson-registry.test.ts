// @vitest-environment jsdom
/**
 * The lesson registry agrees with the lessons: every registered lesson is in the catalog,
 * loads, has 5 to 12 steps with distinct ids (the count the home map shows without loading
 * it), and names one step for its "predict, then reveal" question.
 */
import { describe, expect, it } from 'vitest';
import { lessonById } from '../../lessons/catalog.ts';
import { LESSON_LOADERS, LESSON_STEP_COUNTS } from '../../lessons/registry.ts';

describe('lesson registry', () => {
  it('lists the same lessons for loaders and step counts', () => {
    expect(Object.keys(LESSON_STEP_COUNTS).sort()).toEqual(Object.keys(LESSON_LOADERS).sort());
  });

  for (const [id, load] of Object.entries(LESSON_LOADERS)) {
    it(`${id}: in the catalog, ${LESSON_STEP_COUNTS[id]} steps, one question`, async () => {
      expect(lessonById(id)).toBeDefined();
      const content = await load();
      expect(content.id).toBe(id);
      expect(content.steps.length).toBe(LESSON_STEP_COUNTS[id]);
      expect(content.steps.length).toBeGreaterThanOrEqual(5);
      expect(content.steps.length).toBeLessThanOrEqual(12);
      expect(new Set(content.steps.map((s) => s.id)).size).toBe(content.steps.length);
      expect(content.steps.map((s) => s.id)).toContain(content.questionStep);
    });
  }
});
