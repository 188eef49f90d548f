/** Messages between the bench page (main.ts) and its model worker (bert.worker.ts). */

export interface BenchRequest {
  runs: number; // timed forwards per thread count
  warmup: number; // untimed forwards first, so that V8 has optimised the hot loops
  profileRuns: number; // extra forwards per thread count with gemm calls timed
  seed: number;
}

/** Where one thread count's forward spends its time (medians over the profiled runs). */
export interface GemmShare {
  forwardMs: number; // the whole forward, gemm calls timed
  gemmMs: number; // inside gemm calls of >= 1 MFLOP (the ones the pool may split)
  gemmCalls: number; // per forward
  gemmGflops: number; // flops of those calls / gemmMs
  smallGemmMs: number; // attention's per-head products (< 1 MFLOP), timed apart and scaled by their count
  restMs: number; // forwardMs - gemmMs - smallGemmMs: norms, GELU, softmax, head slicing, adds
}

export interface OursReport {
  isolated: boolean; // self.crossOriginIsolated in the worker
  cores: number; // navigator.hardwareConcurrency
  threads: number; // the pool's threads (2), or 1 if startGemmThreads gave none
  buildMs: number; // initTransformer and friends, once
  oneThreadMs: number[];
  twoThreadMs: number[];
  profile: { one: GemmShare; two: GemmShare | null };
}

export type WorkerReply =
  | { kind: 'progress'; text: string }
  | { kind: 'error'; message: string }
  | {
      kind: 'done';
      report: OursReport;
      outputs: { one: Float32Array; two: Float32Array | null };
      ids: number[];
      weights: Map<string, { shape: number[]; data: Float32Array }>; // copies, for tfjs
    };
