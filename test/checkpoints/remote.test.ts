// @vitest-environment node
/**
 * Opening a model folder on another host, against a local server on 127.0.0.1 that serves
 * hub-shaped folders (resolve URLs answered with a redirect, as the hub does; Range requests;
 * a sharded checkpoint; a 404; a corrupt header; a file that changes between the two steps)
 * built from this project's own tiny-gpt. No test reaches beyond this machine.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/checkpoints/bundle.ts';
import { folderUrl, formatModelRef, parseModelRef, ModelRefError, refOfFolder } from '../../src/checkpoints/model-ref.ts';
import { downloadRemote, inspectRemote, keepLocalFiles, openCached, RemoteCancelled, RemoteError, type FileCache } from '../../src/checkpoints/remote.ts';
import { parseSafetensors, serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { transformerForward } from '../../src/models/transformer.ts';
import { noGrad } from '../../src/runtime/index.ts';
import { repoRoot } from '../helpers/shared.ts';

const tiny = (name: string) => new Uint8Array(readFileSync(join(repoRoot, 'public/models/tiny-gpt', name)));

/** The folders the server holds: name -> files. */
const folders = new Map<string, Map<string, Uint8Array>>();
const sent = new Map<string, number>(); // bytes sent per path
let server: Server;
let base = '';

function shardedTinyGpt(): Map<string, Uint8Array> {
  const all = parseSafetensors(tiny('model.safetensors')).tensors;
  const names = [...all.keys()];
  const half = Math.ceil(names.length / 2);
  const shard = (part: string[]) => serializeSafetensors(new Map(part.map((n) => [n, all.get(n)!])));
  const weightMap = Object.fromEntries(names.map((n, i) => [n, i < half ? 'model-00001-of-00002.safetensors' : 'model-00002-of-00002.safetensors']));
  return new Map<string, Uint8Array>([
    ['config.json', tiny('config.json')],
    ['tokenizer.json', tiny('tokenizer.json')],
    ['model.safetensors.index.json', new TextEncoder().encode(JSON.stringify({ metadata: {}, weight_map: weightMap }))],
    ['model-00001-of-00002.safetensors', shard(names.slice(0, half))],
    ['model-00002-of-00002.safetensors', shard(names.slice(half))],
  ]);
}

beforeAll(async () => {
  folders.set('atlas/tiny-gpt', new Map(['config.json', 'model.safetensors', 'tokenizer.json'].map((n) => [n, tiny(n)])));
  folders.set('atlas/sharded', shardedTinyGpt());
  const corrupt = new Uint8Array(tiny('model.safetensors'));
  corrupt.set(new TextEncoder().encode('{"x":'), 8); // the header's JSON no longer parses
  folders.set('atlas/corrupt', new Map([['config.json', tiny('config.json')], ['model.safetensors', corrupt]]));
  folders.set('atlas/truncated', new Map([['config.json', tiny('config.json')], ['model.safetensors', tiny('model.safetensors').subarray(0, 5000)]]));
  folders.set('atlas/no-weights', new Map([['config.json', tiny('config.json')]]));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hub = /^\/([^/]+\/[^/]+)\/resolve\/main\/(.+)$/.exec(url.pathname);
    if (hub) {
      res.writeHead(302, { location: `/cdn/${hub[1]}/${hub[2]}` }); // like the hub's CDN redirect
      res.end();
      return;
    }
    const cdn = /^\/cdn\/([^/]+\/[^/]+)\/(.+)$/.exec(url.pathname);
    let body = cdn ? folders.get(cdn[1])?.get(cdn[2]) : undefined;
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    // "changing": a file whose full download is shorter than its header said.
    if (cdn![1] === 'atlas/changing' && cdn![2] === 'model.safetensors' && !req.headers.range) body = body.subarray(0, body.length - 100);
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    const total = (folders.get(cdn![1])?.get(cdn![2]) ?? body).length;
    const part = range ? body.subarray(Number(range[1]), Math.min(body.length, Number(range[2]) + 1)) : body;
    res.writeHead(range ? 206 : 200, {
      'content-length': String(part.length),
      ...(range ? { 'content-range': `bytes ${range[1]}-${Number(range[1]) + part.length - 1}/${total}` } : {}),
    });
    sent.set(url.pathname, (sent.get(url.pathname) ?? 0) + part.length);
    res.end(part);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  folders.set('atlas/changing', folders.get('atlas/tiny-gpt')!);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const memoryCache = (): FileCache & { map: Map<string, Uint8Array> } => {
  const map = new Map<string, Uint8Array>();
  return { map, get: async (u) => map.get(u) ?? null, put: async (u, b) => void map.set(u, b) };
};

describe('model references from a link', () => {
  it('reads built-in ids, hub repositories with a revision, and folder URLs', () => {
    expect(parseModelRef('coref')).toEqual({ kind: 'builtin', id: 'coref' });
    expect(parseModelRef('hf:google/vit-base-patch16-224')).toEqual({ kind: 'hub', repo: 'google/vit-base-patch16-224', revision: 'main' });
    expect(parseModelRef('hf:gpt2/gpt2@refs/pr/1')).toEqual({ kind: 'hub', repo: 'gpt2/gpt2', revision: 'refs/pr/1' });
    expect(parseModelRef('url:https://example.org/models/bert?x=1#y')).toEqual({ kind: 'url', url: 'https://example.org/models/bert/' });
    expect(folderUrl({ kind: 'hub', repo: 'a/b', revision: 'main' }, 'https://hub.test')).toBe('https://hub.test/a/b/resolve/main/');
    for (const r of ['coref', 'hf:a/b', 'hf:a/b@v1', 'url:https://h.test/m/']) expect(formatModelRef(parseModelRef(r))).toBe(r);
    // A cached folder is listed under the reference that opens it again.
    for (const r of ['hf:a/b', 'hf:a/b@v1', 'hf:a/b@refs/pr/1', 'url:https://h.test/m/', 'local:my-bert']) {
      expect(refOfFolder(folderUrl(parseModelRef(r) as never, 'https://hub.test'), 'https://hub.test')).toBe(r);
    }
  });

  it('refuses hostile or malformed references with a sentence', () => {
    for (const bad of ['', 'hf:../etc', 'hf:a/b/c', 'hf:a/b@..', 'url:javascript:alert(1)', 'url:file:///etc/passwd', 'url:https://u:p@h.test/', 'url:nope', '<script>', 'x'.repeat(600)]) {
      expect(() => parseModelRef(bad), bad).toThrow(ModelRefError);
    }
  });
});

describe('inspectRemote, then downloadRemote', () => {
  it('learns the size from the headers alone, follows the redirect, then loads the same model as the local folder', async () => {
    const folder = folderUrl(parseModelRef('hf:atlas/tiny-gpt') as never, base);
    sent.clear();
    const plan = await inspectRemote(folder, fetch);
    const weights = tiny('model.safetensors').length;
    expect(plan.host).toBe(new URL(base).host);
    expect(plan.files.map((f) => f.name)).toEqual(['config.json', 'model.safetensors', 'tokenizer.json']);
    expect(plan.files.find((f) => f.name === 'model.safetensors')?.bytes).toBe(weights);
    expect(plan.totalBytes).toBe(['config.json', 'model.safetensors', 'tokenizer.json'].reduce((s, n) => s + tiny(n).length, 0));
    expect(plan.report.plan.family).toBe('gpt2');
    // Only the header came: a few KB of a file of hundreds.
    expect(sent.get('/cdn/atlas/tiny-gpt/model.safetensors') ?? 0).toBeLessThan(20_000);
    expect(weights).toBeGreaterThan(200_000);

    const progress: number[] = [];
    const cache = memoryCache();
    const files = await downloadRemote(plan, fetch, cache, (p) => progress.push(p.done), undefined);
    expect(progress.at(-1)).toBe(plan.totalBytes);
    expect(progress.every((d, i) => i === 0 || d >= progress[i - 1])).toBe(true);
    const remote = await loadBundle('hf:atlas/tiny-gpt', files);
    const local = await loadBundle('tiny-gpt', async (n) => (['config.json', 'model.safetensors', 'tokenizer.json'].includes(n) ? tiny(n) : null));
    if (remote.kind !== 'text' || local.kind !== 'text') throw new Error('expected text models');
    const ids = local.tokenizer!.encode('The cat sat on the mat because it was tired.').map((t) => t.id);
    const [a, b] = [remote, local].map((m) => noGrad(() => transformerForward(m.model, [ids], { trace: true })).trace!.layers[2].heads[1].weights.data);
    expect(Array.from(a)).toEqual(Array.from(b));

    // A second visit, with no network at all: everything comes from the cache.
    const offline = await openCached(folder, cache);
    expect(offline?.plan.map((f) => f.name)).toEqual(plan.files.map((f) => f.name));
    const again = await loadBundle('hf:atlas/tiny-gpt', offline!.files);
    expect(again.kind).toBe('text');
    const noNetwork = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;
    const cachedOnly = await downloadRemote(plan, noNetwork, cache, () => undefined);
    expect(await cachedOnly('model.safetensors')).toEqual(tiny('model.safetensors'));
  });

  it('reads a sharded checkpoint through its index', async () => {
    const plan = await inspectRemote(`${base}/cdn/atlas/sharded/`, fetch);
    expect(plan.files.map((f) => f.name)).toEqual(['config.json', 'model.safetensors.index.json', 'model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors', 'tokenizer.json']);
    const b = await loadBundle('sharded', await downloadRemote(plan, fetch, null, () => undefined));
    expect(b.kind).toBe('text');
  });

  it('says clearly what is wrong: no folder, no weights, a corrupt header, a server that cannot be reached', async () => {
    await expect(inspectRemote(`${base}/cdn/atlas/missing/`, fetch)).rejects.toThrow(/no config.json/);
    await expect(inspectRemote(`${base}/cdn/atlas/no-weights/`, fetch)).rejects.toThrow(/neither model.safetensors nor model.safetensors.index.json/);
    await expect(inspectRemote(`${base}/cdn/atlas/corrupt/`, fetch)).rejects.toThrow(/^model\.safetensors is not a readable safetensors file: .*header/i);
    await expect(inspectRemote(`${base}/cdn/atlas/truncated/`, fetch)).rejects.toThrow(/^model\.safetensors is 5000 bytes, but its header describes \d+: the file is cut short or corrupt/);
    const refused = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(inspectRemote('https://hub.test/a/b/resolve/main/', refused)).rejects.toThrow(/hub.test did not answer, or does not allow this page to read its files \(CORS\)/);
  });

  it('notices a file that is shorter than its header said, and a cancelled download', async () => {
    const plan = await inspectRemote(`${base}/cdn/atlas/changing/`, fetch);
    await expect(downloadRemote(plan, fetch, null, () => undefined)).rejects.toThrow(RemoteError);
    await expect(downloadRemote(plan, fetch, null, () => undefined)).rejects.toThrow(/ended after \d+ of \d+ bytes/);
    const stop = new AbortController();
    stop.abort();
    const ok = await inspectRemote(`${base}/cdn/atlas/tiny-gpt/`, fetch);
    await expect(downloadRemote(ok, fetch, null, () => undefined, stop.signal)).rejects.toThrow(RemoteCancelled);
  });
});

describe('files opened from disk', () => {
  it('are kept like a download (only the files a model uses), under a host that can never be reached', async () => {
    const ref = parseModelRef('local:my-model');
    expect(ref).toEqual({ kind: 'local', name: 'my-model' });
    const folder = folderUrl(ref as never);
    expect(new URL(folder).hostname.endsWith('.invalid')).toBe(true);
    const cache = memoryCache();
    const files = ['config.json', 'model.safetensors', 'tokenizer.json'].map((name) => ({ name, bytes: tiny(name) }));
    const kept = await keepLocalFiles(folder, [...files, { name: 'README.md', bytes: new Uint8Array(3) }], cache);
    expect(kept.map((f) => f.name)).toEqual(['config.json', 'model.safetensors', 'tokenizer.json']);
    const opened = await openCached(folder, cache);
    expect((await loadBundle('local:my-model', opened!.files)).kind).toBe('text');
    await expect(keepLocalFiles(folder, [files[1]], cache)).rejects.toThrow(/no config.json/);
    await expect(keepLocalFiles(folder, [files[0], { name: 'pytorch_model.bin', bytes: new Uint8Array(4) }], cache)).rejects.toThrow(/no .safetensors weights/);
    expect(() => parseModelRef('local:../x')).toThrow(ModelRefError);
  });
});
