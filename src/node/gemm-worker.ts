/**
 * Entry point of one Node gemm worker thread: wires worker_threads' parentPort to the
 * platform-neutral handler in runtime/parallel/worker.ts.
 */
import { parentPort } from 'node:worker_threads';
import { createGemmWorkerHandler } from '../runtime/parallel/worker.ts';
import type { GemmWorkerMessage } from '../runtime/parallel/protocol.ts';

if (!parentPort) throw new Error('gemm-worker.ts must run as a worker thread (see gemm-pool.ts)');
const port = parentPort;
// On STOP, closing the port lets the thread end on its own.
const handle = createGemmWorkerHandler(() => port.close());
port.on('message', (message: GemmWorkerMessage) => handle(message));
