/**
 * The model worker's message handling, apart from `self` so it runs in Node tests: init sets
 * where models are fetched from; each request goes through its lane's latest-wins queue to
 * its job (jobs.ts), and is answered once (after 'loading'/'running' progress).
 */
import type { FileSource } from '../../checkpoints/bundle.ts';
import type { FinalResponse, WorkerRequest, WorkerResponse } from './protocol.ts';
import { resultResponse, SUPERSEDED } from './protocol.ts';
import { gemmParallelism, type GemmParallelism } from '../../runtime/index.ts';
import { createJobMemo } from './job-context.ts';
import { isJobKind, JOBS, type JobContext } from './jobs.ts';
import { createLatestQueue, StaleJob, type LatestQueue } from './queue.ts';
import { createBundleCache } from './run-model.ts';

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

/** The request in `msg`, or null for anything that is not one (a worker trusts no message). */
function requestOf(msg: Record<string, unknown>): WorkerRequest | null {
  if (!isJobKind(msg.kind) || typeof msg.id !== 'number' || !Number.isFinite(msg.id) || !isRecord(msg.args)) return null;
  const lane = typeof msg.lane === 'string' ? msg.lane.slice(0, 64) : 'default';
  return { id: msg.id, lane, kind: msg.kind, modelId: String(msg.modelId), args: msg.args as WorkerRequest['args'] };
}

/** Returns the function that handles each message the page posts. */
export function createModelWorker(o: ModelWorkerOptions): (message: unknown) => void {
  let modelsUrl = o.modelsUrl;
  const cache = createBundleCache((id) => o.files(modelsUrl, id));
  const contextFor = createJobMemo();
  const lanes = new Map<string, LatestQueue<WorkerRequest>>();

  const queueFor = (lane: string) => {
    let q = lanes.get(lane);
    if (q) return q;
    q = createLatestQueue<WorkerRequest, FinalResponse>({
      async run(req, isStale) {
        cache.keepOnly(req.modelId); // one large model in memory at a time
        if (!cache.has(req.modelId)) o.post({ id: req.id, progress: 'loading' });
        const bundle = await cache.get(req.modelId);
        if (isStale()) throw new StaleJob(); // a newer request came in while the model loaded
        o.post({ id: req.id, progress: 'running' });
        const job = JOBS[req.kind] as (c: JobContext, a: unknown) => unknown;
        const value = job(contextFor(req.kind, bundle), req.args);
        if (req.kind === 'attention') (value as { threads?: number }).threads = threadsOf(gemmParallelism());
        return resultResponse(req.id, value);
      },
      settle(req, outcome) {
        if (outcome.ok) o.post(outcome.value);
        else if (outcome.superseded) o.post({ id: req.id, ok: false, error: SUPERSEDED, superseded: true });
        else o.post({ id: req.id, ok: false, error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
        const q = lanes.get(req.lane);
        if (q && !q.busy && !q.waiting) lanes.delete(req.lane); // an idle lane holds nothing
      },
      schedule: o.schedule,
    });
    lanes.set(lane, q);
    return q;
  };

  return (msg) => {
    if (!isRecord(msg)) return;
    if (msg.kind === 'init' && typeof msg.modelsUrl === 'string') {
      modelsUrl = msg.modelsUrl.endsWith('/') ? msg.modelsUrl : `${msg.modelsUrl}/`;
      return;
    }
    const req = requestOf(msg);
    if (req) queueFor(req.lane).push(req);
  };
}
