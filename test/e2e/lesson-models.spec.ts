/**
 * Lessons 3 and 4 on a model downloaded from another host (issue 11): tiny-gpt served as a
 * folder on 127.0.0.1 is opened from a lesson link, asked for, downloaded, and computed in
 * the model worker. Since it holds the same weights as the built-in tiny-gpt, which the
 * lessons compute on the page, every drawn number must be the same: the worker path and the
 * page path are one computation.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers.ts';
import { drawnValues, serve, stop } from './model-server.ts';

const TEXT = 'The cat sat on the mat because it was tired.';
const q = (model: string) => `model=${encodeURIComponent(model)}&text=${encodeURIComponent(TEXT)}&layer=2&head=3`;

/** Every heatmap of the figure, each as its drawn values. */
async function allMaps(page: Page): Promise<number[][]> {
  const figs = page.locator('.viz-heatmap-figure');
  await expect(figs.first().locator('.viz-cell').first()).toBeVisible();
  const n = await figs.count();
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(await figs.nth(i).locator('.viz-cell').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value')))));
  return out;
}

test('a downloaded model in lessons 3 and 4 draws what the built-in copy draws', async ({ page }) => {
  const errors = watchErrors(page);
  const host = await serve(true);
  try {
    const ref = `url:${host.url}/models/tiny/`;
    await page.goto(`./#/lesson/self-attention/8?${q('tiny-gpt')}`);
    const builtInHead = await drawnValues(page);
    await page.goto(`./#/lesson/multi-head/1?${q('tiny-gpt')}`);
    const builtInHeads = await allMaps(page);
    expect(builtInHeads).toHaveLength(4);

    await page.goto(`./#/lesson/self-attention/8?${q(ref)}`);
    const panel = page.getByTestId('remote-model');
    await expect(panel).toContainText('Nothing has been requested');
    expect(host.requests).toEqual([]); // a link alone contacts nobody
    await panel.getByRole('button', { name: /Look up its size/ }).click();
    await panel.getByRole('button', { name: 'Download' }).click();
    await expect(panel).toBeHidden({ timeout: 60_000 });
    await expect.poll(() => drawnValues(page)).toEqual(builtInHead);
    await expect(page.getByText('the course has not measured which of its heads')).toBeVisible();

    await page.goto(`./#/lesson/multi-head/1?${q(ref)}`);
    await expect.poll(() => allMaps(page)).toEqual(builtInHeads);
    // The only failed loads are the optional tokenizer files the folder does not have (probed, then skipped).
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e))).toEqual([]);
  } finally {
    await stop(host);
  }
});
