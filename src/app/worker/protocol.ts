/**
 * Messages between the page and the model worker. Every request carries an id and gets
 * exactly one final response with that id (a result, an error, or 'superseded' when a newer
 * request of the same lane replaced it); progress messages may come before it. A request
 * names a job (jobs.ts) and its arguments; a lane is one figure's stream of requests (the
 * Explorer, a lesson), latest wins within it.
 */
import type { JobArgs, JobKind } from './jobs.ts';
import { pack, transferables } from './wire.ts';

export type { AttentionResult, NamedHead, ResultToken } from '../../store/attention-result.ts';

/** Job `kind` of model `modelId` with `args`. */
export interface JobRequest<K extends JobKind = JobKind> {
  id: number;
  lane: string;
  kind: K;
  modelId: string;
  args: JobArgs<K>;
}

/** Every request the worker computes. */
export type WorkerRequest = JobRequest;

/**
 * Sent once, first: where the model folders are, as an absolute URL ending in '/'. A worker
 * resolves relative URLs against its own script (assets/...), not the page, so the page
 * resolves the app's base for it.
 */
export interface InitMessage {
  kind: 'init';
  modelsUrl: string;
}

export type ToWorker = InitMessage | WorkerRequest;

export type WorkerProgress = 'loading' | 'running';

/** The request started a stage: 'loading' (fetching the model) or 'running' (computing). */
export interface ProgressResponse {
  id: number;
  progress: WorkerProgress;
}

/** A result is in wire form (wire.ts: pack); the client unpacks it. */
export type FinalResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string; superseded?: true };

export type WorkerResponse = ProgressResponse | FinalResponse;

/** The error text of a response for a request that a newer one replaced. */
export const SUPERSEDED = 'superseded by a newer request';

export const isProgress = (r: WorkerResponse): r is ProgressResponse => 'progress' in r;

/** The response carrying `value` (packed for the wire). */
export const resultResponse = (id: number, value: unknown): FinalResponse => ({ id, ok: true, result: pack(value) });

/** Buffers to transfer (not copy) with a response. */
export function transferablesOf(r: WorkerResponse): Transferable[] {
  return 'ok' in r && r.ok ? transferables(r.result) : [];
}
