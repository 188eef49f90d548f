/**
 * Hub-shaped folders of this project's tiny-gpt served from 127.0.0.1 for the browser tests
 * (no network): a plain folder, a sharded one, the hub's resolve URLs answered with a
 * redirect, Range requests, with or without CORS, and optionally slow.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page } from '@playwright/test';
import { parseSafetensors, serializeSafetensors } from '../../src/checkpoints/safetensors.ts';

export const FILES = ['config.json', 'model.safetensors', 'tokenizer.json'];
export const tiny = (name: string) => readFileSync(new URL(`../../public/models/tiny-gpt/${name}`, import.meta.url));

export interface ModelServer {
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
 * tiny-gpt with a broken model.safetensors: 'garbled' has bytes that are no safetensors
 * header at all; 'truncated' has a sound header but lost the end of its data.
 */
function corruptFolder(how: 'garbled' | 'truncated'): Map<string, Uint8Array> {
  const weights = new Uint8Array(tiny('model.safetensors'));
  const broken = how === 'garbled' ? weights.map((b, i) => (i < 8 ? 0xff : b)) : weights.subarray(0, weights.length - 1000);
  return new Map<string, Uint8Array>([
    ['config.json', tiny('config.json')],
    ['tokenizer.json', tiny('tokenizer.json')],
    ['model.safetensors', broken],
  ]);
}

/**
 * Serves /models/tiny/ (tiny-gpt) and /models/sharded/, and /<owner>/<name>/resolve/main/<file>
 * answered with a redirect to the file, as the hub does. `slow` sends whole-file downloads in
 * small timed chunks, so a test can cancel one midway.
 */
export async function serve(cors: boolean, slow = false): Promise<ModelServer> {
  const requests: string[] = [];
  const folders = new Map<string, Map<string, Uint8Array>>([
    ['tiny', new Map(FILES.map((f) => [f, new Uint8Array(tiny(f))]))],
    ['sharded', shardedFolder()],
    ['garbled', corruptFolder('garbled')],
    ['truncated', corruptFolder('truncated')],
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

export const stop = (s: ModelServer) => new Promise<void>((resolve) => s.server.close(() => resolve()));

/** The drawn heatmap's values, row by row. */
export async function drawnValues(page: Page): Promise<number[]> {
  const fig = page.locator('.viz-heatmap-figure').first();
  await expect(fig.locator('.viz-cell').first()).toBeVisible();
  return fig.locator('.viz-cell').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
}

