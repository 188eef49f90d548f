/**
 * A pool of worker threads that gemm can hand large products to, platform-neutral: the
 * caller supplies a function that spawns one worker (Node's worker_threads in
 * src/node/gemm-pool.ts; a Web Worker later), and the workers run worker.ts.
 *
 * The API stays synchronous, as ops need: the calling thread packs both operands into shared
 * memory, wakes the workers, computes its own band, then blocks in Atomics.wait until the
 * others are done. Atomics.wait is allowed in Node (main thread included) and inside Web
 * Workers, but not on a browser page's main thread, so install a pool only in those places;
 * on a page, run the model in a worker instead.
 *
 * A pool serves one calling thread at a time.
 */
import { gemmPacked, packOperands, GEMM_PANEL, type GemmParallelism } from '../gemm.ts';
import { planBands } from './bands.ts';
import {
  ACCUMULATE, BANDS, BY_COLUMNS, CMD, CMD_GEMM, CMD_REMAP, CMD_STOP, CONTROL_SLOTS, DIM_K, DIM_M, DIM_N, FAILED,
  MAX_WORKERS, PENDING, READY, SEQ, dataLayout, type GemmWorkerMessage,
} from './protocol.ts';

/** The little a pool needs of a worker; Node's Worker and the DOM's Worker both fit. */
export interface WorkerLike {
  postMessage(message: GemmWorkerMessage): void;
  terminate(): unknown;
}

/**
 * Starts worker number `index` running worker.ts's handler. Glue calls `fail` if the worker
 * cannot start or dies, so that pool creation rejects instead of waiting for it.
 */
export type SpawnGemmWorker = (index: number, fail: (error: unknown) => void) => WorkerLike;

export interface GemmPool extends GemmParallelism {
  /** Threads that compute: the workers plus the calling thread. */
  readonly threads: number;
  /** Stops and terminates the workers; later gemm calls are declined (gemm falls back to one thread). */
  close(): Promise<void>;
}

export interface GemmPoolOptions {
  /** How long the workers may take to start (loading a TypeScript loader is slow). Default 30 s. */
  startTimeoutMs?: number;
  /** Initial size of the shared data block in floats; it grows on demand. Default 1 Mi. */
  initialFloats?: number;
  /** How long workers may take to answer a command, beyond the work itself. Default 10 s. */
  answerTimeoutMs?: number;
}

/** Spawns `workers` workers and resolves once all are serving. */
export async function createGemmPool(
  spawn: SpawnGemmWorker, workers: number, options: GemmPoolOptions = {},
): Promise<GemmPool> {
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new RangeError(`createGemmPool: workers must be an integer in 1..${MAX_WORKERS}, got ${workers}`);
  }
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  let data = new Float32Array(new SharedArrayBuffer((options.initialFloats ?? 1 << 20) * 4));
  let failure: unknown = null;
  let closed = false; // declines work from now on
  let terminated = false;
  const answerMs = options.answerTimeoutMs ?? 10_000;
  const handles: WorkerLike[] = [];
  for (let i = 0; i < workers; i++) {
    const w = spawn(i, (error) => {
      failure ??= error;
    });
    handles.push(w);
    w.postMessage({ kind: 'init', index: i, control: control.buffer as SharedArrayBuffer, data: data.buffer as SharedArrayBuffer });
  }

  // Polling rather than a message keeps the pool free of any platform's event API.
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (Atomics.load(control, READY) < workers) {
    if (failure !== null || Date.now() > deadline) {
      await Promise.all(handles.map((w) => w.terminate()));
      throw new Error(`createGemmPool: ${Atomics.load(control, READY)} of ${workers} workers started`, {
        cause: failure ?? 'timed out',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }

  /** Announces a command to every worker (waitForWorkers then awaits their answers). */
  function broadcast(cmd: number): void {
    Atomics.store(control, PENDING, workers);
    Atomics.store(control, CMD, cmd);
    Atomics.add(control, SEQ, 1);
    Atomics.notify(control, SEQ);
  }

  /**
   * Blocks until every worker has acknowledged. A worker that died cannot say so while this
   * thread is blocked (its error event needs our event loop), so after `limitMs` the pool
   * gives up, closes itself and throws rather than hanging forever.
   */
  function waitForWorkers(limitMs: number): void {
    const deadline = Date.now() + limitMs;
    for (let p = Atomics.load(control, PENDING); p !== 0; p = Atomics.load(control, PENDING)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        closed = true;
        throw new Error(`gemm pool: ${p} of ${workers} workers did not answer within ${limitMs} ms; pool closed`);
      }
      Atomics.wait(control, PENDING, p, left);
    }
  }

  /** Replaces the data block by one of at least `floats`; blocks until every worker holds it. */
  function ensureCapacity(floats: number): void {
    if (data.length >= floats) return;
    const next = new SharedArrayBuffer(Math.max(floats, data.length * 2) * 4);
    for (const w of handles) w.postMessage({ kind: 'data', data: next });
    broadcast(CMD_REMAP);
    waitForWorkers(answerMs);
    data = new Float32Array(next);
  }

  return {
    threads: workers + 1,

    gemm(a, b, c, M, K, N, transA, transB, accumulate) {
      if (closed || failure !== null) return false; // a worker died: stay on one thread
      const plan = planBands(M, N, workers + 1);
      if (plan.bounds.length < 3) return false; // one band: nothing to share
      const at = dataLayout(M, K, N);
      ensureCapacity(at.end);
      const pa = data.subarray(at.a, at.b);
      const pb = data.subarray(at.b, at.c);
      const pc = data.subarray(at.c, at.end);
      packOperands(a, b, M, K, N, transA, transB, pa, pb);
      if (accumulate) pc.set(c.subarray(0, M * N));

      control[DIM_M] = M;
      control[DIM_K] = K;
      control[DIM_N] = N;
      control[ACCUMULATE] = accumulate ? 1 : 0;
      control[BY_COLUMNS] = plan.byColumns ? 1 : 0;
      const last = plan.bounds.length - 1;
      for (let w = 0; w < workers; w++) {
        // This thread takes band 0; workers without a band get an empty one.
        control[BANDS + 2 * w] = plan.bounds[Math.min(w + 1, last)];
        control[BANDS + 2 * w + 1] = plan.bounds[Math.min(w + 2, last)];
      }
      Atomics.store(control, FAILED, 0);
      broadcast(CMD_GEMM); // seq_cst: the plain writes above are visible to the workers

      const [lo, hi] = [plan.bounds[0], plan.bounds[1]];
      if (plan.byColumns) gemmPacked(pa, pb, pc, M, K, N, accumulate, 0, Math.ceil(M / GEMM_PANEL), lo, hi);
      else gemmPacked(pa, pb, pc, M, K, N, accumulate, lo, hi);
      // Generous: even at 0.1 GFLOP/s per thread the band would be done by then.
      waitForWorkers(answerMs + (2 * M * K * N) / 1e5);
      if (Atomics.load(control, FAILED) !== 0) throw new Error(`gemm pool: a worker failed on ${M}x${K}x${N}`);
      c.set(pc);
      return true;
    },

    async close() {
      if (terminated) return;
      terminated = true;
      closed = true;
      Atomics.store(control, CMD, CMD_STOP);
      Atomics.add(control, SEQ, 1);
      Atomics.notify(control, SEQ);
      await Promise.all(handles.map((w) => w.terminate()));
    },
  };
}
