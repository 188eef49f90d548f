/**
 * Downloaded model files kept in the browser's Cache API (the page and the model worker share
 * it), so a model opened once opens again with the network off. Works only where `caches`
 * exists (a secure context such as http://127.0.0.1); elsewhere every call says so.
 */
import type { FileCache, RemoteFile } from './remote.ts';

const NAME = 'atlas-models-v1';
const MANIFEST = 'atlas-files.json';

function store(): Promise<Cache> {
  if (typeof caches === 'undefined') return Promise.reject(new Error('This browser keeps no downloaded files here (no Cache API outside a secure context).'));
  return caches.open(NAME);
}

export const browserFileCache: FileCache = {
  async get(url) {
    const hit = await (await store()).match(url);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  },
  async put(url, bytes) {
    await (await store()).put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-length': String(bytes.length) } }));
  },
};

export interface CachedFolder {
  folder: string;
  bytes: number;
}

/** Every folder downloaded whole (it has a manifest), with its size. */
export async function listCachedFolders(): Promise<CachedFolder[]> {
  const cache = await store();
  const out: CachedFolder[] = [];
  for (const req of await cache.keys()) {
    if (!req.url.endsWith(`/${MANIFEST}`)) continue;
    const files = JSON.parse(await (await cache.match(req))!.text()) as RemoteFile[];
    out.push({ folder: req.url.slice(0, -MANIFEST.length), bytes: files.reduce((s, f) => s + f.bytes, 0) });
  }
  return out;
}

/** Deletes every file of a folder from the cache. */
export async function deleteCachedFolder(folder: string): Promise<void> {
  const cache = await store();
  for (const req of await cache.keys()) if (req.url.startsWith(folder)) await cache.delete(req);
}
