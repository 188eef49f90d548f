/**
 * The page's side of the model worker: one pending request at a time, latest wins. A new
 * request rejects the previous one with SupersededError (callers ignore it: a newer answer
 * is coming); a crashed worker rejects what was pending and is started afresh by the next
 * request.
 */
import type { AttentionResult, FinalResponse, ToWorker, WorkerProgress, WorkerResponse } from './protocol.ts';
import { isProgress } from './protocol.ts';

/** The request was replaced by a newer one (or the client was disposed): not a failure. */
export class SupersededError extends Error {
  override name = 'SupersededError';
  constructor(message = 'superseded by a newer request') {
    super(message);
  }
}

export const isSuperseded = (e: unknown): e is SupersededError => e instanceof SupersededError;

/** What the client needs of a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null; // a failed module load gives a bare Event at run time
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface RequestOptions {
  /** Told when the worker starts loading the model or running it. */
  onProgress?: (stage: WorkerProgress) => void;
}

export interface ModelClient {
  /** Attention of every head of `modelId` on `text`. Rejects with SupersededError when a newer request replaces it. */
  request(modelId: string, text: string, opts?: RequestOptions): Promise<AttentionResult>;
  /** Stops the worker; pending and later requests reject. */
  dispose(): void;
}

export interface ModelClientOptions {
  /** Absolute URL of the folder holding models/<id>/ (default: the app's base, resolved against the page). */
  modelsUrl?: string;
}

/** `${BASE_URL}models/` as an absolute URL: the worker cannot resolve it against the page itself. */
function defaultModelsUrl(): string {
  const base = `${import.meta.env.BASE_URL}models/`;
  return typeof document === 'undefined' ? base : new URL(base, document.baseURI).href;
}

const spawnModelWorker = (): WorkerLike => new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module' });

interface Pending {
  id: number;
  resolve(r: AttentionResult): void;
  reject(e: Error): void;
  onProgress?: (stage: WorkerProgress) => void;
}

export function createModelClient(makeWorker: () => WorkerLike = spawnModelWorker, opts: ModelClientOptions = {}): ModelClient {
  let worker: WorkerLike | null = null;
  let pending: Pending | null = null;
  let nextId = 1;
  let disposed = false;

  const settle = (r: FinalResponse) => {
    if (!pending || pending.id !== r.id) return; // an answer to a request already given up
    const p = pending;
    pending = null;
    if (r.ok) p.resolve(r.result);
    else p.reject(r.superseded ? new SupersededError() : new Error(r.error));
  };

  const crash = (why: string) => {
    worker?.terminate();
    worker = null; // the next request starts a fresh worker
    const p = pending;
    pending = null;
    p?.reject(new Error(`The model worker stopped (${why}). Try again; if it keeps happening, reload the page.`));
  };

  const start = (): WorkerLike => {
    const w = makeWorker();
    w.onmessage = (event) => {
      const r = event.data;
      if (isProgress(r)) {
        if (pending?.id === r.id) pending.onProgress?.(r.progress);
      } else settle(r);
    };
    w.onerror = (event) => {
      event.preventDefault?.(); // handled here: keep it out of the console as "uncaught"
      crash(typeof event.message === 'string' && event.message ? event.message : 'it crashed or could not start');
    };
    w.onmessageerror = () => crash('a message could not be read');
    w.postMessage({ kind: 'init', modelsUrl: opts.modelsUrl ?? defaultModelsUrl() });
    return w;
  };

  return {
    request(modelId, text, ro = {}) {
      if (disposed) return Promise.reject(new SupersededError('the model client was disposed'));
      pending?.reject(new SupersededError());
      const id = nextId++;
      return new Promise<AttentionResult>((resolve, reject) => {
        pending = { id, resolve, reject, onProgress: ro.onProgress };
        try {
          worker ??= start();
          worker.postMessage({ id, kind: 'attention', modelId, text });
        } catch (e) {
          crash(e instanceof Error ? e.message : String(e));
        }
      });
    },
    dispose() {
      disposed = true;
      const p = pending;
      pending = null;
      p?.reject(new SupersededError('the model client was disposed'));
      worker?.terminate();
      worker = null;
    },
  };
}
