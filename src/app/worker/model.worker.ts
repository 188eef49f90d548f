/**
 * The model worker's entry: models load and run here so typing never stutters the page.
 * All the logic is in handler.ts (tested in Node); this file only binds it to `self`.
 */
/// <reference lib="webworker" />
import { browserFileCache } from '../../checkpoints/browser-cache.ts';
import { sourceOf } from '../../checkpoints/source-of.ts';
import { startGemmThreads } from './gemm-threads.ts';
import { createModelWorker } from './handler.ts';
import { transferablesOf } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const handle = createModelWorker({
  // Right when the base is absolute (the dev server); the page's init message makes it absolute in a build.
  modelsUrl: `${import.meta.env.BASE_URL}models/`,
  files: (modelsUrl, id) => sourceOf(id, modelsUrl, browserFileCache),
  post: (r) => self.postMessage(r, transferablesOf(r)),
});

self.onmessage = (event: MessageEvent<unknown>) => handle(event.data);

// Helper threads for large products, when the page is cross-origin isolated (gemm-threads.ts).
void startGemmThreads({
  isolated: self.crossOriginIsolated,
  cores: self.navigator.hardwareConcurrency ?? 1,
  spawn: (index) => new Worker(new URL('./gemm.worker.ts', import.meta.url), { type: 'module', name: `gemm-${index}` }),
});
