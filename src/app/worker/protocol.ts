/**
 * Messages between the page and the model worker. Every request carries an id and gets
 * exactly one final response with that id (a result, an error, or 'superseded' when a newer
 * request replaced it); progress messages may come before it. `kind` leaves room for more
 * requests later (generation, translation) as more members of the union.
 */
import type { AttentionResult } from '../../store/attention-result.ts';

export type { AttentionResult, NamedHead, ResultToken } from '../../store/attention-result.ts';

/** Attention of every head of `modelId` on `text`. */
export interface AttentionRequest {
  id: number;
  kind: 'attention';
  modelId: string;
  text: string;
}

/** Every request the worker computes. */
export type WorkerRequest = AttentionRequest;

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

/** The request started a stage: 'loading' (fetching the model) or 'running' (forward pass). */
export interface ProgressResponse {
  id: number;
  progress: WorkerProgress;
}

export type FinalResponse =
  | { id: number; ok: true; result: AttentionResult }
  | { id: number; ok: false; error: string; superseded?: true };

export type WorkerResponse = ProgressResponse | FinalResponse;

/** The error text of a response for a request that a newer one replaced. */
export const SUPERSEDED = 'superseded by a newer request';

export const isProgress = (r: WorkerResponse): r is ProgressResponse => 'progress' in r;

/** Buffers to transfer (not copy) with a response. */
export function transferablesOf(r: WorkerResponse): Transferable[] {
  return 'ok' in r && r.ok ? [r.result.attention.buffer as ArrayBuffer] : [];
}
