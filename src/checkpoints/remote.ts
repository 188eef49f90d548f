/**
 * Opening a checkpoint folder on another host (the hub's resolve URLs, a mirror, a local
 * static server) in two steps, so nothing large is fetched before the user agrees:
 * 1. inspectRemote reads config.json, the safetensors headers only (HTTP Range requests: the
 *    first 8 bytes, then the header) and the size of each tokenizer file, checks the config
 *    against the headers (every tensor there, with its shape; the F32 size under the limit)
 *    and returns the exact download size;
 * 2. downloadRemote fetches the files with progress, can be cancelled, checks each file's
 *    length, and keeps them in a cache (the browser's Cache API in the app), so that
 *    openCached serves a second visit with the network off.
 * fetch follows redirects (the hub answers resolve URLs with one). Every failure is a
 * RemoteError whose message names the host and the file and says what to do.
 */
import type { FileSource } from './bundle.ts';
import { checkHfHeaders, type HeaderReport } from './hf-load.ts';
import { readSafetensorsHeaderPrefix, safetensorsHeaderSize, type SafetensorsHeader } from './safetensors.ts';
import { INDEX_FILE, parseSafetensorsIndex, SINGLE_FILE } from './tensor-source.ts';

export class RemoteError extends Error {
  override name = 'RemoteError';
}

/** The user (or a newer request) cancelled: not a failure to report. */
export class RemoteCancelled extends Error {
  override name = 'RemoteCancelled';
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Where downloaded files are kept, by URL (the Cache API in the browser, a Map in tests). */
export interface FileCache {
  get(url: string): Promise<Uint8Array | null>;
  put(url: string, bytes: Uint8Array): Promise<void>;
}

/** Tokenizer files a folder may hold, in the order a loader prefers them. */
export const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json', 'vocab.txt', 'vocab.json', 'merges.txt'] as const;
/** Small files a model folder may have besides its tokenizer: how an image model wants its pixels. */
export const OPTIONAL_FILES = [...TOKENIZER_FILES, 'preprocessor_config.json'] as const;

export interface RemoteFile {
  name: string;
  bytes: number;
}

export interface RemotePlan {
  folder: string; // ends in '/'
  host: string;
  files: RemoteFile[]; // everything downloadRemote will fetch, config.json first
  totalBytes: number;
  report: HeaderReport; // the family, and the F32 bytes the weights take once loaded
}

/** The name of the list of a folder's files kept beside them in the cache. */
const MANIFEST = 'atlas-files.json';

function hostOf(url: string): string {
  return new URL(url).host;
}

/** fetch, with a network failure or a refusal turned into a sentence, and a cancel into RemoteCancelled. */
async function request(fetch: Fetch, url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    if (init.signal?.aborted) throw new RemoteCancelled('cancelled');
    throw new RemoteError(
      `Could not read ${url}: ${hostOf(url)} did not answer, or does not allow this page to read its files (CORS). Check the address and your network.`,
    );
  }
}

function failure(url: string, res: Response): RemoteError {
  const why = res.status === 404 ? 'there is no such file' : res.status === 401 || res.status === 403 ? 'access is refused (a gated or private model?)' : `HTTP ${res.status}`;
  return new RemoteError(`Could not read ${url}: ${why}.`);
}

/** Reads at most `n` bytes from the start of a file; a server that ignores Range is cut off after them. */
async function readPrefix(fetch: Fetch, url: string, n: number, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await request(fetch, url, { headers: { Range: `bytes=0-${n - 1}` }, signal });
  if (!res.ok) throw failure(url, res);
  const out = new Uint8Array(n);
  let got = 0;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array(await res.arrayBuffer()).subarray(0, n);
  while (got < n) {
    const { done, value } = await reader.read();
    if (done) break;
    const take = value.subarray(0, n - got);
    out.set(take, got);
    got += take.length;
  }
  await reader.cancel().catch(() => undefined);
  return out.subarray(0, got);
}

/** A file's size from one byte of it, or null when there is no such file. */
async function sizeOf(fetch: Fetch, url: string, signal?: AbortSignal): Promise<number | null> {
  const res = await request(fetch, url, { headers: { Range: 'bytes=0-0' }, signal });
  if (res.status === 404) return null;
  if (!res.ok) throw failure(url, res);
  const range = /\/(\d+)\s*$/.exec(res.headers.get('content-range') ?? '');
  const length = res.headers.get('content-length');
  await res.body?.cancel().catch(() => undefined);
  if (res.status === 206 && range) return Number(range[1]);
  if (length !== null) return Number(length);
  throw new RemoteError(`${hostOf(url)} does not say how large ${url} is (no Content-Range or Content-Length).`);
}

/**
 * The safetensors header of file `name` in `folder`, checked against the file's size: a file
 * that is not safetensors, or was cut short, is named in the message before any download.
 */
async function headerOf(fetch: Fetch, folder: string, name: string, signal?: AbortSignal): Promise<SafetensorsHeader> {
  const url = `${folder}${name}`;
  const bytes = await sizeOf(fetch, url, signal);
  if (bytes === null) throw new RemoteError(`${name} is listed but not in ${folder}.`);
  let header: SafetensorsHeader;
  try {
    const size = safetensorsHeaderSize(await readPrefix(fetch, url, 8, signal));
    header = readSafetensorsHeaderPrefix(await readPrefix(fetch, url, size, signal));
  } catch (e) {
    if (e instanceof RemoteError || e instanceof RemoteCancelled) throw e;
    throw new RemoteError(`${name} is not a readable safetensors file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (header.byteLength !== bytes) {
    throw new RemoteError(`${name} is ${bytes} bytes, but its header describes ${header.byteLength}: the file is cut short or corrupt.`);
  }
  return header;
}

async function textOf(fetch: Fetch, url: string, signal?: AbortSignal): Promise<string | null> {
  const res = await request(fetch, url, { signal });
  if (res.status === 404) return null;
  if (!res.ok) throw failure(url, res);
  return res.text();
}

/** Step 1: what a folder holds and what downloading it costs, from its headers alone. */
export async function inspectRemote(folder: string, fetch: Fetch, signal?: AbortSignal): Promise<RemotePlan> {
  const config = await textOf(fetch, `${folder}config.json`, signal);
  if (config === null) throw new RemoteError(`There is no config.json at ${folder}: is this a model folder?`);
  const headers = new Map<string, SafetensorsHeader>();
  let index: string | undefined;
  const single = await sizeOf(fetch, `${folder}${SINGLE_FILE}`, signal);
  if (single !== null) headers.set(SINGLE_FILE, await headerOf(fetch, folder, SINGLE_FILE, signal));
  else {
    index = (await textOf(fetch, `${folder}${INDEX_FILE}`, signal)) ?? undefined;
    if (index === undefined) throw new RemoteError(`${folder} has neither ${SINGLE_FILE} nor ${INDEX_FILE}: only safetensors weights can be opened.`);
    for (const shard of parseSafetensorsIndex(index).shards) headers.set(shard, await headerOf(fetch, folder, shard, signal));
  }
  const report = checkHfHeaders(config, headers, index);
  const files: RemoteFile[] = [{ name: 'config.json', bytes: new TextEncoder().encode(config).length }];
  if (index !== undefined) files.push({ name: INDEX_FILE, bytes: new TextEncoder().encode(index).length });
  for (const [name, h] of headers) files.push({ name, bytes: h.byteLength });
  for (const name of OPTIONAL_FILES) {
    const bytes = await sizeOf(fetch, `${folder}${name}`, signal);
    if (bytes !== null) files.push({ name, bytes });
  }
  return { folder, host: hostOf(folder), files, totalBytes: files.reduce((s, f) => s + f.bytes, 0), report };
}

/** Reads a whole file into exactly `expected` bytes, reporting each chunk. */
async function download(fetch: Fetch, url: string, expected: number, onBytes: (n: number) => void, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await request(fetch, url, { signal });
  if (!res.ok) throw failure(url, res);
  const out = new Uint8Array(expected);
  let got = 0;
  const reader = res.body?.getReader();
  try {
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (chunk.done) break;
      if (got + chunk.value.length > expected) throw new RemoteError(`${url} is larger than its header said (${expected} bytes): the file changed on the server. Try again.`);
      out.set(chunk.value, got);
      got += chunk.value.length;
      onBytes(chunk.value.length);
    }
  } catch (e) {
    if (signal?.aborted) throw new RemoteCancelled('cancelled');
    throw e instanceof RemoteError ? e : new RemoteError(`The download of ${url} broke off after ${got} of ${expected} bytes. Try again.`);
  }
  if (got !== expected) throw new RemoteError(`The download of ${url} ended after ${got} of ${expected} bytes. Try again.`);
  return out;
}

export interface DownloadProgress {
  done: number; // bytes so far (files already cached count as done)
  total: number;
}

/**
 * Step 2: every file of the plan, from the cache where it is there, else from the network;
 * then a FileSource over them. With `keep` false (the page, which only fills the cache for
 * the model worker) no file is held after it is cached.
 */
export async function downloadRemote(
  plan: RemotePlan, fetch: Fetch, cache: FileCache | null, onProgress: (p: DownloadProgress) => void, signal?: AbortSignal, keep = true,
): Promise<FileSource> {
  const got = new Map<string, Uint8Array>();
  let done = 0;
  onProgress({ done, total: plan.totalBytes });
  for (const f of plan.files) {
    if (signal?.aborted) throw new RemoteCancelled('cancelled');
    const url = `${plan.folder}${f.name}`;
    const kept = await cache?.get(url);
    const bytes = kept && kept.length === f.bytes ? kept : await download(fetch, url, f.bytes, (n) => onProgress({ done: (done += n), total: plan.totalBytes }), signal);
    if (bytes === kept) onProgress({ done: (done += f.bytes), total: plan.totalBytes });
    else await cache?.put(url, bytes);
    if (keep) got.set(f.name, bytes);
  }
  await cache?.put(`${plan.folder}${MANIFEST}`, new TextEncoder().encode(JSON.stringify(plan.files)));
  return async (name) => got.get(name) ?? null;
}

/** Files a model folder may hold that the loader reads; anything else the user drops is left out. */
export function isModelFile(name: string): boolean {
  return name === 'config.json' || name.endsWith('.safetensors') || name === INDEX_FILE || (OPTIONAL_FILES as readonly string[]).includes(name);
}

/**
 * Keeps files the user opened from disk in the cache under `folder`, as a download would, so
 * the model worker reads them the same way. Nothing leaves the machine.
 * @throws RemoteError when there is no config.json or no safetensors weights among them
 */
export async function keepLocalFiles(folder: string, files: readonly { name: string; bytes: Uint8Array }[], cache: FileCache): Promise<RemoteFile[]> {
  const kept = files.filter((f) => isModelFile(f.name));
  const names = new Set(kept.map((f) => f.name));
  if (!names.has('config.json')) throw new RemoteError('Among these files there is no config.json: pick the whole model folder (config.json, model.safetensors and the tokenizer files).');
  if (![...names].some((n) => n.endsWith('.safetensors'))) {
    throw new RemoteError('Among these files there are no .safetensors weights: only safetensors checkpoints can be opened (pytorch_model.bin must be converted first).');
  }
  for (const f of kept) await cache.put(`${folder}${f.name}`, f.bytes);
  const listed = kept.map((f) => ({ name: f.name, bytes: f.bytes.length }));
  await cache.put(`${folder}${MANIFEST}`, new TextEncoder().encode(JSON.stringify(listed)));
  return listed;
}

/** A FileSource over a folder in the cache, opened on the first read; `missing` says what to do when it is not all there. */
export function cachedSource(folder: string, cache: FileCache, missing: () => Error): FileSource {
  let opened: ReturnType<typeof openCached> | null = null;
  return async (name) => {
    opened ??= openCached(folder, cache);
    const o = await opened;
    if (!o) throw missing();
    return o.files(name);
  };
}

/** A folder downloaded before, served from the cache alone (no network), or null if any file is missing. */
export async function openCached(folder: string, cache: FileCache): Promise<{ files: FileSource; plan: RemoteFile[] } | null> {
  const manifest = await cache.get(`${folder}${MANIFEST}`);
  if (!manifest) return null;
  let files: RemoteFile[];
  try {
    files = JSON.parse(new TextDecoder().decode(manifest)) as RemoteFile[];
  } catch {
    return null;
  }
  const got = new Map<string, Uint8Array>();
  for (const f of files) {
    const bytes = await cache.get(`${folder}${f.name}`);
    if (!bytes || bytes.length !== f.bytes) return null;
    got.set(f.name, bytes);
  }
  return { files: async (name) => got.get(name) ?? null, plan: files };
}
