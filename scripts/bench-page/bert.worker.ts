/**
 * The bench page's model worker: the BERT-base-shaped forward on our runtime, on one thread
 * and on two. The second thread comes from the app's own glue (startGemmThreads spawning
 * src/app/worker/gemm.worker.ts), so this measures what the app's model worker gets.
 */
/// <reference lib="webworker" />
import { startGemmThreads } from '../../src/app/worker/gemm-threads.ts';
import { namedTensors } from '../../src/models/weights.ts';
import { gemm, setGemmParallelism, type GemmParallelism, type GemmPool } from '../../src/runtime/index.ts';
import { median, medianMs } from '../../src/cli/bench/timing.ts';
import { BERT_BASE_SHAPED, bertModel, forwardOurs } from './bert-base.ts';
import type { BenchRequest, GemmShare, WorkerReply } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: WorkerReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);
const progress = (text: string) => post({ kind: 'progress', text });

/** Milliseconds one call of fn takes. */
function timeOnce(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Stands in for `inner` (the pool, or none) and times every product gemm offers it, i.e.
 * those of >= 1 MFLOP: it takes itself out, lets gemm run the product as it would have
 * (split by the pool, or on this thread), then puts itself back.
 */
function timedGemm(inner: GemmParallelism | null, clock: { ms: number; calls: number; flops: number }): GemmParallelism {
  const timer: GemmParallelism = {
    gemm(a, b, c, M, K, N, transA, transB, accumulate) {
      setGemmParallelism(inner);
      const t0 = performance.now();
      gemm(a, b, c, M, K, N, transA, transB, accumulate);
      clock.ms += performance.now() - t0;
      setGemmParallelism(timer);
      clock.calls++;
      clock.flops += 2 * M * K * N;
      return true;
    },
  };
  return timer;
}

/** Attention's per-head products, below the pool's threshold: timed on their own, then scaled by their count. */
function smallGemmMs(): number {
  const { T, dModel, nHeads, nLayers } = BERT_BASE_SHAPED;
  const dHead = dModel / nHeads;
  const q = new Float32Array(T * dHead).fill(0.5);
  const scores = new Float32Array(T * T);
  const out = new Float32Array(T * dHead);
  const timing = { warmup: 50, runs: 5, minRunMs: 20 };
  const scoresMs = medianMs(() => gemm(q, q, scores, T, dHead, T, false, true), timing); // Q K^T
  const mixMs = medianMs(() => gemm(scores, q, out, T, T, dHead, false, false), timing); // weights V
  return nLayers * nHeads * (scoresMs + mixMs);
}

function profile(forward: () => void, pool: GemmPool | null, runs: number, smallMs: number): GemmShare {
  const rows: Array<{ forwardMs: number; gemmMs: number; calls: number; flops: number }> = [];
  for (let r = 0; r < runs; r++) {
    const clock = { ms: 0, calls: 0, flops: 0 };
    setGemmParallelism(timedGemm(pool, clock));
    const forwardMs = timeOnce(forward);
    setGemmParallelism(pool);
    rows.push({ forwardMs, gemmMs: clock.ms, calls: clock.calls, flops: clock.flops });
  }
  const forwardMs = median(rows.map((r) => r.forwardMs));
  const gemmMs = median(rows.map((r) => r.gemmMs));
  return {
    forwardMs, gemmMs, gemmCalls: rows[0].calls, gemmGflops: rows[0].flops / gemmMs / 1e6,
    smallGemmMs: smallMs, restMs: forwardMs - gemmMs - smallMs,
  };
}

async function bench(req: BenchRequest): Promise<void> {
  const t0 = performance.now();
  const { model, ids } = bertModel(BERT_BASE_SHAPED, req.seed);
  const buildMs = performance.now() - t0;
  const forward = () => void forwardOurs(model, ids);
  progress(`weights built in ${buildMs.toFixed(0)} ms; warming up on one thread`);
  setGemmParallelism(null);
  for (let i = 0; i < req.warmup; i++) forward();
  const one = forwardOurs(model, ids);

  // Exactly one helper (cores: 2), whatever this machine has: the figure is 2 threads vs 1.
  const pool = await startGemmThreads({
    isolated: self.crossOriginIsolated,
    cores: 2,
    spawn: (index) => new Worker(new URL('../../src/app/worker/gemm.worker.ts', import.meta.url), { type: 'module', name: `gemm-${index}` }),
  });
  let two: Float32Array | null = null;
  const oneThreadMs: number[] = [];
  const twoThreadMs: number[] = [];
  if (pool) {
    forward(); // the pool's first products grow its shared block
    two = forwardOurs(model, ids);
  } else {
    progress('no gemm pool (not cross-origin isolated?): one thread only');
  }
  // Alternating runs, so that a change in the machine's load hits both thread counts alike.
  for (let r = 0; r < req.runs; r++) {
    setGemmParallelism(null);
    oneThreadMs.push(timeOnce(forward));
    if (pool) {
      setGemmParallelism(pool);
      twoThreadMs.push(timeOnce(forward));
    }
    progress(`run ${r + 1}/${req.runs}: 1 thread ${oneThreadMs.at(-1)?.toFixed(0)} ms, 2 threads ${twoThreadMs.at(-1)?.toFixed(0) ?? '-'} ms`);
  }
  setGemmParallelism(null);
  const small = smallGemmMs();
  const profOne = profile(forward, null, req.profileRuns, small);
  const profTwo = pool ? profile(forward, pool, req.profileRuns, small) : null;
  setGemmParallelism(null);
  await pool?.close();

  const weights = new Map<string, { shape: number[]; data: Float32Array }>();
  for (const [name, t] of namedTensors(model.weights)) weights.set(name, { shape: [...t.shape], data: t.data });
  post({
    kind: 'done',
    report: {
      isolated: self.crossOriginIsolated,
      cores: self.navigator.hardwareConcurrency ?? 1,
      threads: pool?.threads ?? 1,
      buildMs,
      oneThreadMs,
      twoThreadMs,
      profile: { one: profOne, two: profTwo },
    },
    outputs: { one, two },
    ids,
    weights,
  }, [...weights.values()].map((w) => w.data.buffer)); // the worker is done with them: move, not copy
}

self.onmessage = (event: MessageEvent<BenchRequest>) => {
  bench(event.data).catch((e: unknown) => post({ kind: 'error', message: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) }));
};
