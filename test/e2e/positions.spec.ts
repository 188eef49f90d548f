/**
 * Lesson 5 in the browser: the shuffle experiment recomputes when the student types or
 * reshuffles, the sinusoid picture follows its size sliders up to 100 x 512, and the rotary
 * table follows its sliders.
 */
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers.ts';

test('the shuffle experiment answers, then recomputes on typing and reshuffling', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/positions/1');
  await expect(page.locator('.positions-shuffle')).toHaveCount(0); // predict first
  await page.getByRole('button', { name: 'Identical, number for number' }).click();
  const verdict = page.locator('.positions-verdict');
  await expect(verdict).toContainText('positions removed');
  const shuffled = page.locator('.positions-tokens');
  const first = await shuffled.textContent();
  await page.getByRole('button', { name: 'Shuffle again' }).click();
  await expect(shuffled).not.toHaveText(first ?? '');
  await page.getByRole('textbox', { name: 'Sentence' }).fill('Mary thanked John because she was grateful.');
  await expect(shuffled).toContainText('grateful');
  await page.getByRole('button', { name: 'as trained' }).click();
  await expect(verdict).toContainText('positions as trained');
  await page.getByRole('group', { name: 'Layer' }).getByRole('button', { name: '2' }).click();
  await expect(verdict).toContainText('Layer 2');
  await page.getByRole('textbox', { name: 'Sentence' }).fill('');
  await expect(page.getByRole('alert')).toContainText('type one first');
  expect(errors).toEqual([]);
});

test('the sinusoid picture follows its size sliders up to 100 x 512', async ({ page }) => {
  await page.goto('./#/lesson/positions/3');
  const summary = page.locator('.positions-matrix .viz-summary');
  await expect(summary).toContainText('50 positions × 128 dimensions');
  const image = page.locator('svg.viz-matrix-image image');
  const before = await image.getAttribute('href');
  await page.getByRole('slider', { name: 'Positions' }).focus();
  await page.keyboard.press('End');
  await page.getByRole('slider', { name: 'Dimensions d' }).focus();
  await page.keyboard.press('End');
  await expect(summary).toContainText('100 positions × 512 dimensions (51,200 values)');
  expect(await image.getAttribute('href')).not.toBe(before);
  await page.keyboard.press('Home');
  await expect(summary).toContainText('100 positions × 2 dimensions');
});

test('the rotary table follows the position sliders', async ({ page }) => {
  await page.goto('./#/lesson/positions/7');
  const table = page.locator('table.positions-table');
  await expect(table).toContainText('m = 5, n = 2');
  await page.getByRole('slider', { name: 'Query position m' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(table).toContainText('m = 6, n = 2');
});
