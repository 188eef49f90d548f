/**
 * One gemm helper thread in the browser: a Web Worker started by the model worker
 * (gemm-threads.ts) that serves its share of large matrix products through shared memory.
 * All the logic is the runtime's platform-neutral handler; this file binds it to `self`.
 */
/// <reference lib="webworker" />
import { createGemmWorkerHandler } from '../../runtime/index.ts';
import type { GemmWorkerMessage } from '../../runtime/parallel/protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const handle = createGemmWorkerHandler(() => self.close());
self.onmessage = (event: MessageEvent<GemmWorkerMessage>) => handle(event.data);
