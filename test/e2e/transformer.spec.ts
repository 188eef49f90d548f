/**
 * Lesson 6 (the Transformer) in a real browser: the diagram's blocks open live panels,
 * typing changes the translation and its heatmaps, unknown words are flagged, the causal
 * mask writes −∞ above the diagonal, answering the question reveals the measurement, the
 * temperature slider reshapes the next-token bars and "Next token" appends a token.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, watchErrors } from './helpers.ts';

async function open(page: Page, step: number): Promise<void> {
  await page.goto(`./#/lesson/transformer/${step}`);
  await expect(page.locator('.step-nav')).toContainText(`Step ${step} of 10`);
}

/** The values of every heatmap cell in the page's first (or given) heatmap figure. */
async function cellValues(page: Page, figure = 0): Promise<string[]> {
  return page.locator('.viz-heatmap-figure').nth(figure).locator('.viz-cell').evaluateAll((els) => els.map((e) => e.getAttribute('data-value') ?? ''));
}

test('the diagram: clicking a block shows what it computes, and typing recomputes it', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, 1);
  await expect(page.locator('.tf-result')).toContainText('le chat voit la voiture rouge');
  await page.locator('[data-block="encoder-self-attention"]').click();
  await expect(page.locator('.tf-inspector h3')).toHaveText('Encoder multi-head self-attention');
  await expect(page.locator('.tf-inspector .viz-col-label').first()).toHaveText('the');
  await page.locator('[data-block="decoder-add-norm-1"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.tf-inspector h3')).toHaveText(/Decoder add & norm/);
  await expect(page.locator('.tf-inspector table')).toContainText('‖LN(x)‖'); // the shipped translator is pre-norm: the norm sits inside the branch
  await page.locator('[data-block="decoder-cross-attention"]').click();
  const before = await cellValues(page);
  await page.getByRole('textbox', { name: 'English sentence' }).fill('she has a big red car');
  await expect(page.locator('.tf-result')).toContainText('elle a une grande voiture rouge');
  await expect.poll(() => cellValues(page)).not.toEqual(before);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('cross-attention follows the typed sentence and flags unknown words without crashing', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, 5);
  const input = page.getByRole('textbox', { name: 'English sentence' });
  await expect(page.locator('.viz-heatmap-figure .viz-row-label').first()).toContainText('le');
  await input.fill('the purple dragon sees the cat');
  await expect(page.locator('.tf-caution').first()).toContainText('“purple”, “dragon”');
  await expect(page.locator('.viz-heatmap-figure .viz-col-label')).toContainText(['the', 'purple?', 'dragon?', 'sees', 'the', 'cat']);
  await input.fill('');
  await expect(page.getByRole('alert')).toContainText('no English words');
  await input.fill('🚗 🚕');
  await expect(page.getByRole('alert')).toBeVisible();
  await input.fill('i love you');
  await expect(page.locator('.tf-result')).toContainText("je t'aime");
  expect(errors).toEqual([]);
});

test('the causal mask: −∞ exactly above the diagonal, and a new head changes the heatmap', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, 3);
  await page.getByRole('textbox', { name: 'Sentence for tiny-gpt' }).fill('The cat sat on the mat.');
  const T = 7; // six words and the full stop, one token each in tiny-gpt's vocabulary
  await expect(page.locator('.tf-mask-table tbody tr')).toHaveCount(T);
  await expect(page.locator('.tf-mask-table td.tf-blocked')).toHaveCount((T * (T - 1)) / 2);
  const head1 = await cellValues(page);
  await page.getByRole('group', { name: 'Head', exact: true }).getByRole('button', { name: '3' }).click();
  await expect.poll(() => cellValues(page)).not.toEqual(head1);
  const values = (await cellValues(page)).map(Number);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) expect(values[i * T + j]).toBe(0);
  expect(errors).toEqual([]);
});

test('answering the question reveals the measured change per position', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, 4);
  await expect(page.getByRole('textbox', { name: 'Sentence A' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Only at the last position' }).click();
  await expect(page.locator('.question-right')).toBeVisible();
  await expect(page.locator('.tf-readout')).toContainText('first differ at position 6');
  await page.getByRole('textbox', { name: 'Sentence B' }).fill('the dog sat on the mat');
  await expect(page.locator('.tf-readout')).toContainText('first differ at position 2');
  expect(errors).toEqual([]);
});

test('generation: the temperature reshapes the bars and "Next token" appends a token', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, 9);
  const values = () => page.locator('.tf-bars-value').allTextContents();
  const at08 = await values();
  const slider = page.getByLabel(/Temperature/);
  await slider.fill('2');
  await expect.poll(values).not.toEqual(at08);
  await slider.fill('0');
  await expect(page.locator('.tf-bars-value').first()).toHaveText(/^1\.000/);
  await expect(page.locator('.tf-token.is-generated')).toHaveCount(0);
  await page.getByRole('button', { name: 'Next token' }).click();
  await expect(page.locator('.tf-token.is-generated')).toHaveCount(1);
  await expect(page.locator('.tf-token.is-generated')).toHaveText('long'); // greedy: the most probable word
  await slider.fill('1');
  await page.getByRole('button', { name: 'Next token' }).click();
  await expect(page.locator('.tf-token.is-generated')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.tf-token.is-generated')).toHaveCount(1);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('residual stream: choosing tokens changes the plotted series', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, 6);
  const legend = () => page.locator('.viz-series-legend text').allTextContents();
  await expect.poll(legend).toEqual(['1. the', '2. cat', '8. it']);
  await page.getByRole('button', { name: '6. mat' }).click();
  await expect.poll(legend).toEqual(['1. the', '2. cat', '8. it', '6. mat']);
  expect(errors).toEqual([]);
});
