/**
 * The model worker's message handling, apart from `self` so it runs in Node tests: init sets
 * where models are fetched from, attention requests go through the latest-wins queue to the
 * model code, and every request is answered once (after 'loading'/'running' progress).
 */
import type { FileSource } from '../../checkpoints/bundle.ts';
import type { FinalResponse, WorkerRequest, WorkerResponse } from './protocol.ts';
import { SUPERSEDED } from './protocol.ts';
import { gemmParallelism, type GemmParallelism } from '../../runtime/index.ts';
import { createLatestQueue, StaleJob } from './queue.ts';
import { createBundleCache, runAttention } from './run-model.ts';

export interface ModelWorkerOptions {
  /** Folder of the model folders, ending in '/', until an init message says otherwise. */
  modelsUrl: string;
  /** Reads model `id`'s files under `modelsUrl`. */
  files(modelsUrl: string, id: string): FileSource;
  /** Sends a response to the page. */
  post(response: WorkerResponse): void;
  /** Defers the start of the next job (default: a zero timeout; see queue.ts). */
  schedule?: (start: () => void) => void;
}

/** Threads a pool computes on (a GemmPool says; any other installed parallelism counts as one). */
const threadsOf = (p: GemmParallelism | null): number => (p && 'threads' in p && typeof p.threads === 'number' ? p.threads : 1);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Returns the function that handles each message the page posts. */
export function createModelWorker(o: ModelWorkerOptions): (message: unknown) => void {
  let modelsUrl = o.modelsUrl;
  const cache = createBundleCache((id) => o.files(modelsUrl, id));

  const queue = createLatestQueue<WorkerRequest, FinalResponse>({
    async run(req, isStale) {
      cache.keepOnly(req.modelId); // one large model in memory at a time
      if (!cache.has(req.modelId)) o.post({ id: req.id, progress: 'loading' });
      const bundle = await cache.get(req.modelId);
      if (isStale()) throw new StaleJob(); // a newer request came in while the model loaded
      o.post({ id: req.id, progress: 'running' });
      const result = runAttention(bundle, req.text);
      result.threads = threadsOf(gemmParallelism());
      return { id: req.id, ok: true, result };
    },
    settle(req, outcome) {
      if (outcome.ok) return o.post(outcome.value);
      if (outcome.superseded) return o.post({ id: req.id, ok: false, error: SUPERSEDED, superseded: true });
      const e = outcome.error;
      o.post({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    },
    schedule: o.schedule,
  });

  return (msg) => {
    if (!isRecord(msg)) return;
    if (msg.kind === 'init' && typeof msg.modelsUrl === 'string') {
      modelsUrl = msg.modelsUrl.endsWith('/') ? msg.modelsUrl : `${msg.modelsUrl}/`;
    } else if (msg.kind === 'attention' && typeof msg.id === 'number' && Number.isFinite(msg.id)) {
      queue.push({ id: msg.id, kind: 'attention', modelId: String(msg.modelId), text: String(msg.text) });
    }
  };
}
