/**
 * Lesson 1 in a real browser: typing a sentence, moving a slider, changing the code or the
 * asked symbol, and answering the question each change what the figures show, and the live
 * measurements finish.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, watchErrors } from './helpers.ts';

test('step 1: the RNN reads the typed sentence word by word', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/why-attention/1');
  await page.getByLabel('English sentence').fill('i love deep learning');
  await expect(page.locator('.wa-sentence')).toHaveText(/i love deep learning/);
  await expect(page.locator('.viz-title', { hasText: 'States h_1' })).toContainText('(4 × 64)');
  await page.getByRole('button', { name: 'Previous word' }).click();
  await page.getByRole('button', { name: 'Previous word' }).click();
  await expect(page.locator('output[for="wa-read-t"]')).toHaveText('2 of 4');
  await expect(page.locator('.viz-title', { hasText: 'States h_1' })).toContainText('(2 × 64)');
  await expect(page.getByText(/Reading “love” moved the state by \d/)).toBeVisible();
  await page.getByLabel('English sentence').fill('🙂');
  await expect(page.getByText('No English words in that input')).toBeVisible();
  expect(errors).toEqual([]);
});

test('step 2: the code, the asked symbol and the distance change the sequence and the answers', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/why-attention/2');
  await expect(page.locator('.wa-table')).toContainText('P(right: 4)');
  const code = page.getByLabel('Code to remember');
  await code.fill('9 0 5');
  await page.getByRole('button', { name: '3rd' }).click();
  await expect(page.locator('.wa-table')).toContainText('P(right: 5)');
  await expect(page.locator('.wa-strip li').last()).toHaveText('Q3');
  await page.getByLabel('Distance N').fill('5');
  await expect(page.locator('.wa-strip li')).toHaveCount(3 + 5);
  await expect(page.locator('.wa-table caption')).toContainText('distance 5');
  await code.fill('9x');
  await expect(page.getByRole('alert')).toContainText('is not a code');
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('step 3: answering the question reveals the measured gradients', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/why-attention/3');
  await expect(page.locator('.line-plot')).toHaveCount(0);
  await page.getByRole('button', { name: 'Less than a millionth' }).click();
  await expect(page.getByText('Right.')).toBeVisible();
  await expect(page.getByText(/Measured just now with the runtime’s autograd/)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('svg.viz').first()).toBeVisible();
  await page.getByLabel('Distance to the code').fill('16');
  await expect(page.getByText(/asking for the 1st symbol 16 tokens back/)).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('step 4: accuracy against distance is measured in the page', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('./#/lesson/why-attention/4');
  await expect(page.getByText(/Measured just now: 200 fresh sequences/)).toBeVisible({ timeout: 60_000 });
  const lstmRow = page.locator('.wa-table tr', { hasText: 'LSTM' });
  await expect(lstmRow.locator('td').last()).toHaveText(/^(9\d|100)%$/);
  expect(errors).toEqual([]);
});

test('step 5: the question token looks at whichever symbol is asked', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/why-attention/5');
  await page.getByRole('button', { name: '2nd' }).click();
  await expect(page.getByText(/Position 2, the asked symbol, gets weight/)).toBeVisible();
  await page.getByRole('button', { name: '1st' }).click();
  await expect(page.getByText(/Position 1, the asked symbol, gets weight/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('step 6: the sliders recompute the costs', async ({ page }) => {
  await page.goto('./#/lesson/why-attention/6');
  await page.getByLabel('Sequence length n').fill('12');
  await expect(page.locator('.wa-table caption')).toContainText('n = 4,096');
  await expect(page.getByText(/is 8 times the recurrent layer’s/)).toBeVisible();
  await page.getByLabel('Vector width d').fill('12');
  await expect(page.getByText(/is 1 times the recurrent layer’s/)).toBeVisible();
});
