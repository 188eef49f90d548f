/**
 * Every step of every written lesson, opened from its own link: it renders, logs no console
 * error and has no serious or critical axe violation; arrow keys walk from first to last.
 */
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { LessonMeta } from '../../lessons/types.ts';
import { expectAccessible, watchErrors } from './helpers.ts';

// lessons/registry.ts finds the lessons with Vite's import.meta.glob, which Playwright (Node) lacks:
// read the same meta.ts files of the lesson folders here.
const lessonsDir = new URL('../../lessons/', import.meta.url);
const metas: LessonMeta[] = await Promise.all(
  readdirSync(lessonsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map(async (d) => ((await import(`../../lessons/${d.name}/meta.ts`)) as { meta: LessonMeta }).meta),
);
const LESSON_STEP_COUNTS = Object.fromEntries(metas.sort((a, b) => a.number - b.number).map((m) => [m.id, m.steps.length]));

for (const [lessonId, steps] of Object.entries(LESSON_STEP_COUNTS)) {
  test(`lesson ${lessonId}: all ${steps} steps render cleanly`, async ({ page }) => {
    test.setTimeout(30_000 + steps * 15_000);
    const errors = watchErrors(page);
    for (let step = 1; step <= steps; step++) {
      await page.goto(`./#/lesson/${lessonId}/${step}`);
      await expect(page.locator('.step-nav')).toContainText(`Step ${step} of ${steps}`);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.widget-error')).toHaveCount(0);
      await expectAccessible(page);
    }
    expect(errors).toEqual([]);
  });

  test(`lesson ${lessonId}: arrow keys step through it and the URL follows`, async ({ page }) => {
    await page.goto(`./#/lesson/${lessonId}/1`);
    await expect(page.locator('.step-nav')).toContainText(`Step 1 of ${steps}`);
    for (let step = 2; step <= steps; step++) {
      await page.keyboard.press('ArrowRight');
      await expect(page).toHaveURL(new RegExp(`#/lesson/${lessonId}/${step}(\\?.*)?$`));
    }
    await page.keyboard.press('ArrowRight'); // past the end: stays
    await expect(page).toHaveURL(new RegExp(`#/lesson/${lessonId}/${steps}(\\?.*)?$`));
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(new RegExp(`#/lesson/${lessonId}/${steps - 1}(\\?.*)?$`));
  });
}
