/**
 * The shared-memory contract between a gemm pool (pool.ts) and its workers (worker.ts).
 *
 * Two SharedArrayBuffers: a small fixed control block of Int32 slots, and a data block of
 * floats holding op(A) in row form, op(B)^T in row form and C, one after the other. The data
 * block is replaced by a bigger one when a product does not fit; workers learn of it by
 * message (see REMAP), because a SharedArrayBuffer can only reach a worker by postMessage.
 */

/** Control slots (indices into an Int32Array over the control buffer). */
export const SEQ = 0; // bumped by the pool for each command; workers Atomics.wait on it
export const CMD = 1; // the command for the current SEQ
export const PENDING = 2; // workers still busy with the current command; the pool waits on it
export const READY = 3; // workers that have started and are serving
export const DIM_M = 4;
export const DIM_K = 5;
export const DIM_N = 6;
export const ACCUMULATE = 7; // 1 when C is added to
export const BY_COLUMNS = 8; // 1 when bands are column panels, 0 when row panels
export const FAILED = 9; // set by a worker whose band threw
/** Worker w computes panels [ctrl[BANDS + 2w], ctrl[BANDS + 2w + 1]). */
export const BANDS = 16;
export const MAX_WORKERS = 24;
export const CONTROL_SLOTS = BANDS + 2 * MAX_WORKERS;

/** Commands. */
export const CMD_GEMM = 1;
/** Return to the event loop, take the data buffer that was just posted, then acknowledge. */
export const CMD_REMAP = 2;
export const CMD_STOP = 3;

/** What the pool posts to a worker. */
export type GemmWorkerMessage =
  | { kind: 'init'; index: number; control: SharedArrayBuffer; data: SharedArrayBuffer }
  | { kind: 'data'; data: SharedArrayBuffer };

/** Offsets (in floats) of the three matrices inside the data block. */
export function dataLayout(M: number, K: number, N: number): { a: number; b: number; c: number; end: number } {
  const a = 0;
  const b = M * K;
  const c = b + N * K;
  return { a, b, c, end: c + M * N };
}

/** Marks this worker done with the current command, waking the pool if it was the last. */
export function acknowledge(control: Int32Array): void {
  if (Atomics.sub(control, PENDING, 1) === 1) Atomics.notify(control, PENDING);
}
