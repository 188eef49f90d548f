/**
 * The page's side of the model worker. One connection holds one Worker and everything
 * pending on it; a client is one lane on a connection (the Explorer, a lesson's figure):
 * one pending request at a time, latest wins. A new request rejects the client's previous
 * one with SupersededError (callers ignore it: a newer answer is coming). A crashed worker
 * rejects what was pending on it and is started afresh by the next request.
 *
 * The page shares one connection (pageConnection), so a large model is loaded once however
 * many figures read it.
 */
import type { JobArgs, JobKind, JobResult } from './jobs.ts';
import type { AttentionResult, FinalResponse, ToWorker, WorkerProgress, WorkerRequest, WorkerResponse } from './protocol.ts';
import { isProgress } from './protocol.ts';
import { unpack } from './wire.ts';

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
  /** Job `kind` on `modelId` (jobs.ts). Rejects with SupersededError when a newer request replaces it. */
  run<K extends JobKind>(kind: K, modelId: string, args: JobArgs<K>, opts?: RequestOptions): Promise<JobResult<K>>;
  /** Gives up what is pending; later requests reject. A client that made its own worker stops it. */
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
  resolve(r: unknown): void;
  reject(e: Error): void;
  onProgress?: (stage: WorkerProgress) => void;
}

/** One Worker and the requests pending on it, by id. */
export interface WorkerConnection {
  /** Sends `req` (its id is filled in); the promise settles with the worker's answer. */
  send(req: Omit<WorkerRequest, 'id'>, onProgress?: (stage: WorkerProgress) => void): { id: number; done: Promise<unknown> };
  /** Stops waiting for request `id` (its answer, if it comes, is ignored). */
  forget(id: number): void;
  /** Stops the worker; what is pending rejects as superseded. */
  close(): void;
}

export function createWorkerConnection(makeWorker: () => WorkerLike = spawnModelWorker, opts: ModelClientOptions = {}): WorkerConnection {
  let worker: WorkerLike | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const settle = (r: FinalResponse) => {
    const p = pending.get(r.id);
    if (!p) return; // an answer to a request already given up
    pending.delete(r.id);
    if (r.ok) p.resolve(unpack(r.result));
    else p.reject(r.superseded ? new SupersededError() : new Error(r.error));
  };

  const crash = (why: string) => {
    worker?.terminate();
    worker = null; // the next request starts a fresh worker
    const all = [...pending.values()];
    pending.clear();
    for (const p of all) p.reject(new Error(`The model worker stopped (${why}). Try again; if it keeps happening, reload the page.`));
  };

  const start = (): WorkerLike => {
    const w = makeWorker();
    w.onmessage = (event) => {
      const r = event.data;
      if (isProgress(r)) pending.get(r.id)?.onProgress?.(r.progress);
      else settle(r);
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
    send(req, onProgress) {
      const id = nextId++;
      const done = new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        try {
          worker ??= start();
          worker.postMessage({ ...req, id } as WorkerRequest);
        } catch (e) {
          crash(e instanceof Error ? e.message : String(e));
        }
      });
      return { id, done };
    },
    forget: (id) => void pending.delete(id),
    close() {
      const all = [...pending.values()];
      pending.clear();
      for (const p of all) p.reject(new SupersededError('the model client was disposed'));
      worker?.terminate();
      worker = null;
    },
  };
}

let lanes = 0;

/**
 * A client: one lane on `connection`, or on a connection of its own to a worker that
 * `connection` makes (then dispose stops that worker).
 */
export function createModelClient(connection: WorkerConnection | (() => WorkerLike) = spawnModelWorker, opts: ModelClientOptions = {}): ModelClient {
  const own = typeof connection === 'function';
  const conn = own ? createWorkerConnection(connection, opts) : connection;
  const lane = `lane-${++lanes}`;
  let current: { id: number; reject(e: Error): void } | null = null;
  let disposed = false;

  const giveUp = (why: SupersededError) => {
    if (!current) return;
    conn.forget(current.id);
    current.reject(why);
    current = null;
  };

  const run = <K extends JobKind>(kind: K, modelId: string, args: JobArgs<K>, ro: RequestOptions = {}): Promise<JobResult<K>> => {
    if (disposed) return Promise.reject(new SupersededError('the model client was disposed'));
    giveUp(new SupersededError());
    return new Promise<JobResult<K>>((resolve, reject) => {
      const sent = conn.send({ lane, kind, modelId, args } as Omit<WorkerRequest, 'id'>, ro.onProgress);
      const mine = { id: sent.id, reject };
      current = mine;
      sent.done.then(
        (v) => {
          if (current === mine) current = null;
          resolve(v as JobResult<K>);
        },
        (e: Error) => {
          if (current === mine) current = null;
          reject(e);
        },
      );
    });
  };

  return {
    run,
    request: (modelId, text, ro) => run('attention', modelId, { text }, ro),
    dispose() {
      disposed = true;
      giveUp(new SupersededError('the model client was disposed'));
      if (own) conn.close();
    },
  };
}

let shared: WorkerConnection | null = null;

/** The page's one connection to the model worker, started on first use. */
export function pageConnection(): WorkerConnection {
  shared ??= createWorkerConnection();
  return shared;
}
