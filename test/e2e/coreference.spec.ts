/**
 * The first thing a new user tries (issue 9): type "... because it was too tired.", then
 * change "tired" to "wide". On the coref model the head its card names must move the row of
 * "it" from "animal" to "street" in the heatmap actually drawn, and the model's own answer
 * must change with it; on tiny-gpt the page must say that no head links pronouns and must not
 * invite the experiment.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers.ts';

const TIRED = "The animal didn't cross the street because it was too tired.";
const WIDE = "The animal didn't cross the street because it was too wide.";

const card = JSON.parse(readFileSync(new URL('../../public/models/coref/card.json', import.meta.url), 'utf8')) as { coreference: { head: [number, number]; meetsBar: boolean } };

/** The drawn heatmap as rows of numbers, with its row labels. */
async function drawnMatrix(page: Page): Promise<{ labels: string[]; rows: number[][] }> {
  const fig = page.locator('.viz-heatmap-figure').first();
  const labels = await fig.locator('.viz-col-label').allTextContents();
  const values = (await fig.locator('.viz-cell').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value')))));
  const T = labels.length;
  expect(values).toHaveLength(T * T);
  return { labels, rows: Array.from({ length: T }, (_, i) => values.slice(i * T, (i + 1) * T)) };
}

async function itRow(page: Page): Promise<{ animal: number; street: number }> {
  const { labels, rows } = await drawnMatrix(page);
  const at = (w: string) => labels.indexOf(w);
  const row = rows[at('it')];
  return { animal: row[at('animal')], street: row[at('street')] };
}

test('coref: the named head moves "it" from "animal" to "street", and the model answer changes too', async ({ page }) => {
  expect(card.coreference.meetsBar).toBe(true);
  const [layer, head] = card.coreference.head;
  const errors = watchErrors(page);
  await page.goto(`./#/explore?model=coref&layer=${layer + 1}&head=${head + 1}&text=${encodeURIComponent(TIRED)}`);
  await expect(page.getByTestId('coref-line')).toContainText(`Links pronouns: layer ${layer + 1}, head ${head + 1}`);
  await expect(page.getByRole('group', { name: 'Example sentences' })).toContainText('too tired');
  await expect(page.locator('.viz-heatmap-figure').first()).toContainText(`Layer ${layer + 1}, head ${head + 1}`);
  await expect.poll(async () => { const r = await itRow(page); return r.animal > r.street; }).toBe(true);
  await expect(page.getByTestId('model-answer')).toContainText('it = animal');

  await page.getByLabel('Sentence', { exact: true }).fill(WIDE);
  await expect.poll(async () => (await drawnMatrix(page)).labels).toContain('wide');
  await expect.poll(async () => { const r = await itRow(page); return r.street > r.animal; }).toBe(true);
  await expect(page.getByTestId('model-answer')).toContainText('it = street');
  expect(errors).toEqual([]);
});

test('tiny-gpt: the page says no head links pronouns and does not invite the tired/wide experiment', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#/explore?model=tiny-gpt&text=${encodeURIComponent('The cat sat on the mat.')}`);
  await expect(page.getByTestId('coref-line')).toContainText('No head links pronouns');
  await expect(page.getByTestId('coref-line')).toContainText('chance 50%');
  await expect(page.getByRole('group', { name: 'Example sentences' })).not.toContainText('too tired');
  await expect(page.locator('.lead')).not.toContainText('tired');
  expect(errors).toEqual([]);
});

test('a word the model never saw is flagged in the text and in the figure labels', async ({ page }) => {
  await page.goto(`./#/explore?model=coref&text=${encodeURIComponent('The quantum cat sat.')}`);
  await expect(page.getByTestId('unseen-words')).toContainText('“quantum”');
  const { labels } = await drawnMatrix(page);
  expect(labels.filter((l) => l.endsWith('?')).join('').replace(/\?/g, '')).toBe('quantum');
});
