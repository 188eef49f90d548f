/**
 * The Explorer end to end, in a real browser with the real model worker: typing changes the
 * heatmap, keyboard stepping moves through layers and heads, presenter mode hides the chrome
 * and enlarges the type, and a copied link opens the same view after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, watchErrors } from './helpers.ts';

const MODEL = 'tiny-gpt';

async function openExplorer(page: Page, text: string): Promise<void> {
  await page.goto(`./#/explore?model=${MODEL}&text=${encodeURIComponent(text)}`);
  await expect(page.locator('.viz-cell').first()).toBeVisible();
}

/** The column labels of the heatmap: the tokens the model read. */
async function heatmapTokens(page: Page): Promise<string[]> {
  return page.locator('.viz-heatmap-figure .viz-col-label').allTextContents();
}

test('typing a sentence recomputes the heatmap', async ({ page }) => {
  const errors = watchErrors(page);
  await openExplorer(page, 'The cat sat on the mat.');
  const before = await heatmapTokens(page);
  expect(before).toContain('mat');
  const input = page.getByLabel('Sentence', { exact: true });
  await input.fill('The dog chased the ball because it was happy.');
  await expect.poll(() => heatmapTokens(page)).toContain('happy');
  const cells = await page.locator('.viz-heatmap-figure .viz-cell').count();
  const T = (await heatmapTokens(page)).length;
  expect(cells).toBe(T * T);
  await expect(page.locator('.explorer-status .status')).toHaveText(/tokens, \d+ layers × \d+ heads/);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('bad input gets a clear message and the page keeps working', async ({ page }) => {
  const errors = watchErrors(page);
  await openExplorer(page, 'The cat sat on the mat.');
  const input = page.getByLabel('Sentence', { exact: true });
  await input.fill('');
  await expect(page.getByRole('alert')).toBeVisible();
  await input.fill('The 🦊 sat on the mat.');
  await expect(page.locator('.viz-cell').first()).toBeVisible();
  await input.fill('the cat '.repeat(60));
  await expect(page.getByRole('alert')).toContainText(/at most/);
  await input.fill('The cat sat.');
  await expect.poll(() => heatmapTokens(page)).toContain('sat');
  expect(errors).toEqual([]);
});

test('arrow keys and brackets step through layers and heads, and the URL follows', async ({ page }) => {
  await openExplorer(page, 'The cat sat on the mat.');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await expect(page.getByRole('group', { name: 'Layer', exact: true }).getByRole('button', { pressed: true })).toHaveText(/^2/);
  await expect(page.getByRole('group', { name: 'Head', exact: true }).getByRole('button', { pressed: true })).toHaveText(/^3/);
  await expect(page).toHaveURL(/layer=2/);
  await expect(page).toHaveURL(/head=3/);
  await page.keyboard.press('[');
  await expect(page.getByRole('group', { name: 'Head', exact: true }).getByRole('button', { pressed: true })).toHaveText(/^2/);
});

test('presenter mode hides the chrome, enlarges the type and keeps focus visible', async ({ page }) => {
  await openExplorer(page, 'The cat sat on the mat.');
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await size();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true');
  expect(await size()).toBeGreaterThanOrEqual(normal * 1.3);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Leave presenter mode' })).toBeVisible();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'false');
});

test('a copied link reproduces the view after a reload', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openExplorer(page, 'The cat sat on the mat.');
  await page.getByLabel('Sentence', { exact: true }).fill('The bird was happy because it was warm.');
  await page.getByRole('group', { name: 'Layer', exact: true }).getByRole('button', { name: '3', exact: true }).click();
  await page.getByRole('group', { name: 'Head', exact: true }).getByRole('button', { name: '2', exact: true }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByLabel('Sentence', { exact: true })).toHaveValue('The bird was happy because it was warm.');
  await expect(fresh.getByRole('group', { name: 'Layer', exact: true }).getByRole('button', { pressed: true })).toHaveText(/^3/);
  await expect(fresh.getByRole('group', { name: 'Head', exact: true }).getByRole('button', { pressed: true })).toHaveText(/^2/);
  await expect(fresh.locator('.viz-heatmap-figure .viz-col-label', { hasText: 'warm' })).toBeVisible();
});

test('a lesson link carries the sentence, and stepping keeps it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/self-attention/1?text=The%20cat%20sat%20on%20the%20mat.');
  await expect(page.getByLabel('Sentence', { exact: true })).toHaveValue('The cat sat on the mat.');
  await expect(page.locator('.token-chip .token-text', { hasText: 'mat' })).toBeVisible();
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/#\/lesson\/self-attention\/2\?text=The\+cat\+sat\+on\+the\+mat\./);
  expect(errors).toEqual([]);
});

test('the page is cross-origin isolated and the model worker starts its gemm helper threads', async ({ page }) => {
  await openExplorer(page, 'The cat sat on the mat.');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const status = page.locator('.explorer-status .status');
  if (cores >= 2) {
    // Helpers start while the first model loads; a later run reports them.
    await page.getByLabel('Sentence', { exact: true }).fill('The dog sat on the mat.');
    await expect(status).toHaveText(/\(up to \d threads\)/);
  } else {
    await expect(status).not.toHaveText(/threads/);
  }
});
