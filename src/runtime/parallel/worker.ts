/**
 * The worker side of a gemm pool, free of platform APIs: glue code (src/node/gemm-worker.ts,
 * or a Web Worker module) passes each incoming message to the handler made here.
 *
 * After `init` the handler does not return to the event loop: it blocks in Atomics.wait on
 * the control block and computes its band of each product the pool announces. It returns
 * only for REMAP (so that the message carrying the new data buffer can be delivered, after
 * which the handler resumes serving) and for STOP.
 */
import { gemmPacked, GEMM_PANEL } from '../gemm.ts';
import {
  ACCUMULATE, BANDS, BY_COLUMNS, CMD, CMD_GEMM, CMD_REMAP, CMD_STOP, DIM_K, DIM_M, DIM_N, FAILED, READY, SEQ,
  acknowledge, dataLayout, type GemmWorkerMessage,
} from './protocol.ts';

/** Makes the message handler of one worker; `onStop` runs once the pool says STOP (close the port there). */
export function createGemmWorkerHandler(onStop: () => void): (message: GemmWorkerMessage) => void {
  let control: Int32Array = new Int32Array(0);
  let data: Float32Array = new Float32Array(0);
  let index = 0;
  let seen = 0;

  function computeBand(): void {
    const M = control[DIM_M], K = control[DIM_K], N = control[DIM_N];
    const lo = control[BANDS + 2 * index];
    const hi = control[BANDS + 2 * index + 1];
    if (lo >= hi) return;
    const at = dataLayout(M, K, N);
    const pa = data.subarray(at.a, at.b);
    const pb = data.subarray(at.b, at.c);
    const pc = data.subarray(at.c, at.end);
    const accumulate = control[ACCUMULATE] === 1;
    if (control[BY_COLUMNS] === 1) gemmPacked(pa, pb, pc, M, K, N, accumulate, 0, Math.ceil(M / GEMM_PANEL), lo, hi);
    else gemmPacked(pa, pb, pc, M, K, N, accumulate, lo, hi);
  }

  /** Serves commands until one needs the event loop; returns which. */
  function serve(): 'remap' | 'stop' {
    for (;;) {
      Atomics.wait(control, SEQ, seen);
      seen = Atomics.load(control, SEQ);
      const cmd = Atomics.load(control, CMD);
      if (cmd === CMD_STOP) return 'stop';
      // REMAP is acknowledged only once the new buffer is in hand (in the handler below).
      if (cmd === CMD_REMAP) return 'remap';
      if (cmd === CMD_GEMM) {
        try {
          computeBand();
        } catch {
          // The pool throws for us; a worker that died silently would hang it instead.
          Atomics.store(control, FAILED, 1);
        }
      }
      acknowledge(control);
    }
  }

  return (message) => {
    if (message.kind === 'init') {
      control = new Int32Array(message.control);
      data = new Float32Array(message.data);
      index = message.index;
      seen = Atomics.load(control, SEQ);
      Atomics.add(control, READY, 1);
    } else {
      data = new Float32Array(message.data);
      acknowledge(control);
    }
    if (serve() === 'stop') onStop();
  };
}
