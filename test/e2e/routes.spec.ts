/**
 * Every route renders from a cold load (as a shared link would open it) without console
 * errors, and with no serious or critical axe violations, in light and dark themes.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, watchErrors } from './helpers.ts';

const ROUTES: { hash: string; heading: RegExp }[] = [
  { hash: '#/', heading: /Attention Atlas/ },
  { hash: '#/explore', heading: /Attention Explorer/ },
  { hash: '#/models', heading: /^Models$/ },
  { hash: '#/models/translate-rnn', heading: /translate-rnn/ },
  { hash: '#/lesson/self-attention/1', heading: /Self-attention/ },
];

for (const theme of ['light', 'dark'] as const) {
  for (const { hash, heading } of ROUTES) {
    test(`${hash} renders in the ${theme} theme without errors or serious axe violations`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`./${hash}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
      expect(errors).toEqual([]);
    });
  }
}

test('a hostile link falls back to a page that says what is wrong', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/..%2F..%2Fetc/999999');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('./#/explore?text=%E0%A4%A&layer=-5&head=NaN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Attention Explorer/);
  expect(errors).toEqual([]);
});
