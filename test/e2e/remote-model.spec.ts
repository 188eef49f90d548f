/**
 * Opening a model from another host in the real app (issue 11), against local servers on
 * 127.0.0.1 that serve a hub-shaped folder of this project's tiny-gpt: nothing is requested
 * before the user asks, the Download dialog knows the exact size from the headers alone, the
 * downloaded model draws the same attention as the built-in one, and a second visit works
 * with the server gone. A server without CORS, and a folder that is not there, get messages
 * that say so.
 */
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers.ts';
import { drawnValues, FILES, serve, stop, tiny } from './model-server.ts';

const TEXT = 'The cat sat on the mat because it was tired.';

test('a folder URL: asked first, sized from its headers, downloaded, the same attention, then offline', async ({ page }) => {
  const errors = watchErrors(page);
  const host = await serve(true);
  try {
    const ref = `url:${host.url}/models/tiny/`;
    await page.goto(`./#/explore?model=${encodeURIComponent(ref)}&text=${encodeURIComponent(TEXT)}`);
    const panel = page.getByTestId('remote-model');
    await expect(panel).toContainText('Nothing has been requested');
    expect(host.requests).toEqual([]);

    await panel.getByRole('button', { name: /Look up its size/ }).click();
    const total = FILES.reduce((s, f) => s + tiny(f).length, 0);
    await expect(panel).toContainText(/is \d+(\.\d)? KB to download from/);
    await expect(panel).toContainText(`in ${FILES.length} files`);
    // Only headers so far: no request for the whole weights file.
    expect(host.requests.filter((r) => r.startsWith('GET /models/tiny/model.safetensors') && !r.includes('bytes='))).toEqual([]);
    expect(total).toBeGreaterThan(200_000);

    await panel.getByRole('button', { name: 'Download' }).click();
    await expect(panel).toBeHidden();
    const remote = await drawnValues(page);
    await page.goto(`./#/explore?model=tiny-gpt&text=${encodeURIComponent(TEXT)}`);
    await expect(page.getByLabel('Model', { exact: true })).toHaveValue('tiny-gpt');
    await expect.poll(() => drawnValues(page)).toEqual(remote);

    // A second visit with the host gone: the files come from this browser's cache.
    await stop(host);
    await page.goto(`./#/explore?model=${encodeURIComponent(ref)}&text=${encodeURIComponent(TEXT)}`);
    await expect(page.getByTestId('remote-model')).toBeHidden();
    await expect.poll(() => drawnValues(page)).toEqual(remote);
    // The Models page lists it with its size, and Delete removes it.
    await page.goto('./#/models');
    const row = page.getByRole('region', { name: 'Downloaded models' }).getByRole('listitem').filter({ hasText: `${host.url}/models/tiny/` });
    await expect(row).toContainText(/\d+ KB/);
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect(row).toHaveCount(0);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  } finally {
    if (host.server.listening) await stop(host);
  }
});

test('a host without CORS and a folder that is not there get messages that say so', async ({ page }) => {
  const closed = await serve(false);
  const open = await serve(true);
  try {
    await page.goto('./#/explore');
    await page.getByText('Open another model').click();
    const field = page.getByLabel('Open a model');
    await field.fill(`url:${closed.url}/models/tiny/`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('remote-model').getByRole('alert')).toContainText('CORS');

    await field.fill(`url:${open.url}/models/nothing-here/`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('remote-model').getByRole('alert')).toContainText('no config.json');

    // Broken weights are named, before any download: the header is read first.
    await field.fill(`url:${open.url}/models/garbled/`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('remote-model').getByRole('alert')).toContainText('model.safetensors');
    await field.fill(`url:${open.url}/models/truncated/`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('remote-model').getByRole('alert')).toContainText('model.safetensors');

    await field.fill('url:javascript:alert(1)');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.locator('.open-model [role=alert]')).toContainText('Only http and https');
  } finally {
    await stop(closed);
    await stop(open);
  }
});

test('files from disk: opened without any upload, the same attention as the built-in model', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`./#/explore?model=tiny-gpt&text=${encodeURIComponent(TEXT)}`);
  const builtIn = await drawnValues(page);
  await page.getByText('Open another model').click();
  const dir = new URL('../../public/models/tiny-gpt/', import.meta.url).pathname;
  await page.locator('#open-disk').setInputFiles([...FILES, 'card.md'].map((f) => `${dir}${f}`));
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue(/^local:/);
  await expect.poll(() => drawnValues(page)).toEqual(builtIn);
  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:4173/'))).toEqual([]);

  await page.locator('#open-disk').setInputFiles([`${dir}card.md`]);
  await expect(page.locator('.open-disk [role=alert]')).toContainText('no config.json');
});

test('a hub-style redirect and a sharded checkpoint download; a slow download can be cancelled', async ({ page }) => {
  const host = await serve(true, true);
  try {
    await page.goto(`./#/explore?model=tiny-gpt&text=${encodeURIComponent(TEXT)}`);
    const builtIn = await drawnValues(page);
    await page.getByText('Open another model').click();
    await page.getByLabel('Open a model').fill(`url:${host.url}/atlas/sharded/resolve/main/`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const panel = page.getByTestId('remote-model');
    await expect(panel).toContainText('in 5 files'); // config, index, two shards, tokenizer
    await panel.getByRole('button', { name: 'Download' }).click();
    await expect(panel.locator('progress')).toBeVisible();
    await expect(panel).toContainText(/Downloading from 127\.0\.0\.1:\d+: \d/);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByRole('button', { name: 'Download' })).toBeVisible(); // back to asking, nothing kept half-done
    expect(host.requests.some((r) => r.includes('/resolve/main/'))).toBe(true); // the redirect was followed

    await panel.getByRole('button', { name: 'Download' }).click();
    await expect(panel).toBeHidden({ timeout: 60_000 });
    await expect.poll(() => drawnValues(page)).toEqual(builtIn);
  } finally {
    await stop(host);
  }
});
