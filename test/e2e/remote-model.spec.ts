/**
 * Opening a model from another host in the real app (issue 11), against local servers on
 * 127.0.0.1 that serve a hub-shaped folder of this project's tiny-gpt: nothing is requested
 * before the user asks, the Download dialog knows the exact size from the headers alone, the
 * downloaded model draws the same attention as the built-in one, and a second visit works
 * with the server gone. A server without CORS, and a folder that is not there, get messages
 * that say so.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { parseSafetensors, serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { watchErrors } from './helpers.ts';

const FILES = ['config.json', 'model.safetensors', 'tokenizer.json'];
const tiny = (name: string) => readFileSync(new URL(`../../public/models/tiny-gpt/${name}`, import.meta.url));
const TEXT = 'The cat sat on the mat because it was tired.';

interface ModelServer {
  server: Server;
  url: string;
  requests: string[];
}

/** tiny-gpt's weights cut into two shards with an index, as large hub checkpoints ship. */
function shardedFolder(): Map<string, Uint8Array> {
  const all = parseSafetensors(new Uint8Array(tiny('model.safetensors'))).tensors;
  const names = [...all.keys()];
  const half = Math.ceil(names.length / 2);
  const shardName = (i: number) => `model-0000${i}-of-00002.safetensors`;
  const shard = (part: string[]) => serializeSafetensors(new Map(part.map((n) => [n, all.get(n)!])));
  return new Map<string, Uint8Array>([
    ['config.json', tiny('config.json')],
    ['tokenizer.json', tiny('tokenizer.json')],
    ['model.safetensors.index.json', new TextEncoder().encode(JSON.stringify({ weight_map: Object.fromEntries(names.map((n, i) => [n, shardName(i < half ? 1 : 2)])) }))],
    [shardName(1), shard(names.slice(0, half))],
    [shardName(2), shard(names.slice(half))],
  ]);
}

/**
 * Serves /models/tiny/ (tiny-gpt) and /models/sharded/, and /<owner>/<name>/resolve/main/<file>
 * answered with a redirect to the file, as the hub does. `slow` sends whole-file downloads in
 * small timed chunks, so a test can cancel one midway.
 */
async function serve(cors: boolean, slow = false): Promise<ModelServer> {
  const requests: string[] = [];
  const folders = new Map<string, Map<string, Uint8Array>>([
    ['tiny', new Map(FILES.map((f) => [f, new Uint8Array(tiny(f))]))],
    ['sharded', shardedFolder()],
  ]);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url} ${req.headers.range ?? ''}`);
    const headers: Record<string, string> = cors
      ? { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'range', 'access-control-expose-headers': 'content-range, content-length' }
      : {};
    if (req.method === 'OPTIONS') return void res.writeHead(204, headers).end();
    const hub = /^\/[^/]+\/([^/]+)\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    if (hub) return void res.writeHead(302, { ...headers, location: `/models/${hub[1]}/${hub[2]}` }).end();
    const m = /^\/models\/([^/]+)\/(.+)$/.exec(req.url ?? '');
    const body = m ? folders.get(m[1])?.get(m[2]) : undefined;
    if (!body) return void res.writeHead(404, headers).end('not found');
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    const part = range ? body.subarray(Number(range[1]), Math.min(body.length, Number(range[2]) + 1)) : body;
    res.writeHead(range ? 206 : 200, {
      ...headers,
      'content-length': String(part.length),
      ...(range ? { 'content-range': `bytes ${range[1]}-${Number(range[1]) + part.length - 1}/${body.length}` } : {}),
    });
    if (!slow || range || part.length < 100_000) return void res.end(part);
    let at = 0;
    const tick = setInterval(() => {
      if (res.destroyed || at >= part.length) {
        clearInterval(tick);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(part.subarray(at, at + 16_384));
      at += 16_384;
    }, 150);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const stop = (s: ModelServer) => new Promise<void>((resolve) => s.server.close(() => resolve()));

/** The drawn heatmap's values, row by row. */
async function drawnValues(page: Page): Promise<number[]> {
  const fig = page.locator('.viz-heatmap-figure').first();
  await expect(fig.locator('.viz-cell').first()).toBeVisible();
  return fig.locator('.viz-cell').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
}

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
