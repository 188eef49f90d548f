/**
 * Lesson 2 in a real browser: the typed sentence drives every figure, unknown words and bad
 * input get clear messages, the question reveals the measured row of "rouge", and the
 * no-attention comparison measures held-out sentences in the page.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, watchErrors } from './helpers.ts';

test('step 1: typing translates, flags unknown words and handles bad input', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/translation/1');
  const input = page.getByLabel('English sentence');
  await input.fill('the red car is big');
  await expect(page.locator('.tr-output')).toContainText('la voiture rouge est grande');
  await input.fill('the dog eats the pizza');
  await expect(page.getByText(/Not in the translator’s vocabulary: “pizza”/)).toBeVisible();
  await expect(page.locator('.viz-title', { hasText: 'Annotations' })).toContainText('(5 × 128)');
  await input.fill('');
  await expect(page.getByText('Type an English sentence first.')).toBeVisible();
  await input.fill('🙂🙂');
  await expect(page.getByText(/No English words/)).toBeVisible();
  await input.fill('the cat '.repeat(20));
  await expect(page.getByText(/That is 40 words/)).toBeVisible();
  await page.getByRole('button', { name: 'i love deep learning' }).click();
  await expect(page.locator('.tr-output')).toContainText("j'aime l'apprentissage profond");
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('step 2: the question reveals where "rouge" looks, measured', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/translation/2');
  await expect(page.locator('.viz-heatmap-figure')).toHaveCount(0);
  await page.getByRole('button', { name: '“car”' }).click();
  await expect(page.getByText(/Not quite/)).toBeVisible();
  await expect(page.getByText(/Measured just now: writing “rouge”, the decoder puts 0\.\d\d on “red”/)).toBeVisible();
  await expect(page.locator('.viz-heatmap-figure')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('steps 3 and 4: picking a word and typing a sentence change the weights and the heatmap', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/translation/3');
  await page.getByRole('button', { name: 'the cat sees the red car' }).click();
  await page.getByRole('group', { name: 'French word being written' }).getByRole('button', { name: 'voiture' }).click();
  await expect(page.getByText(/Writing “voiture”, the decoder puts 0\.\d\d of its attention on “car”/)).toBeVisible();
  await page.goto('./#/lesson/translation/4');
  await page.getByLabel('English sentence').fill('she has a big red car');
  await expect(page.locator('.viz-heatmap-figure .viz-col-label')).toHaveCount(6);
  await expect(page.getByText(/“voiture” \(looking at “car”/)).toBeVisible();
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('step 6: without attention the translation changes, measured on held-out sentences', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('./#/lesson/translation/6');
  await page.getByLabel('English sentence').fill('the cat sees the red car');
  const rows = page.locator('.tr-table').first().locator('tbody tr');
  await expect(rows.nth(0)).toContainText('le chat voit la voiture rouge');
  await expect(rows.nth(1).locator('td').last()).not.toHaveText('le chat voit la voiture rouge');
  await expect(page.getByText(/Measured just now on 150 sentences/)).toBeVisible({ timeout: 60_000 });
  expect(errors).toEqual([]);
});
