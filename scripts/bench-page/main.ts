/**
 * The bench page: runs the model worker (bert.worker.ts), then the same forward in
 * tfjs-backend-wasm (SIMD, one thread) on this page while the worker sits idle, checks the
 * outputs against each other and leaves the result on window.benchResult for
 * scripts/bench-browser.ts. Settings come from the query string (?runs=5&warmup=2&profile=2).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Served from this build, out of node_modules: no CDN, no network.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { median } from '../../src/cli/bench/timing.ts';
import { maxAbsDiff } from '../../src/cli/bench/ours.ts';
import { BERT_BASE_SHAPED, bertConfig, bertFlops } from './bert-base.ts';
import { disposeTfWeights, forwardTf, toTfWeights } from './bert-tfjs.ts';
import type { BenchRequest, OursReport, WorkerReply } from './protocol.ts';

/** Largest |ours - tfjs| accepted: float32 sums in another order, through 12 post-norm layers of unit-scale values. */
const TFJS_TOLERANCE = 1e-3;

export interface BertBenchResult {
  shape: typeof BERT_BASE_SHAPED;
  gflop: number;
  ours: OursReport;
  tfjs: { backend: string; simd: boolean; threads: boolean; ms: number[] };
  check: { oneVsTwoMaxAbs: number | null; oursVsTfjsMaxAbs: number; tolerance: number; ok: boolean; failures: string[] };
}

const log = (text: string) => console.log(`bench-page: ${text}`);

function runWorker(req: BenchRequest): Promise<Extract<WorkerReply, { kind: 'done' }>> {
  const worker = new Worker(new URL('./bert.worker.ts', import.meta.url), { type: 'module', name: 'bench-model' });
  return new Promise((resolve, reject) => {
    worker.onerror = (e) => reject(new Error(e.message || 'the bench worker failed to start'));
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const r = event.data;
      if (r.kind === 'progress') log(r.text);
      else if (r.kind === 'error') reject(new Error(r.message));
      else {
        worker.terminate();
        resolve(r);
      }
    };
    worker.postMessage(req);
  });
}

async function bench(): Promise<BertBenchResult> {
  const q = new URLSearchParams(location.search);
  const req: BenchRequest = { runs: Number(q.get('runs') ?? 5), warmup: Number(q.get('warmup') ?? 2), profileRuns: Number(q.get('profile') ?? 2), seed: 1 };
  const done = await runWorker(req);

  log('tfjs-wasm');
  setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });
  // The page is cross-origin isolated, so tfjs would pick its threaded build: ask for one thread.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs: the wasm backend did not initialise');
  await tf.ready();
  const cfg = bertConfig(BERT_BASE_SHAPED);
  const w = toTfWeights(tf, cfg, done.weights);
  const tfOut = forwardTf(tf, cfg, w, done.ids);
  for (let i = 1; i < req.warmup; i++) forwardTf(tf, cfg, w, done.ids);
  const tfMs: number[] = [];
  for (let r = 0; r < req.runs; r++) {
    const t0 = performance.now();
    forwardTf(tf, cfg, w, done.ids);
    tfMs.push(performance.now() - t0);
  }
  disposeTfWeights(tf, w);

  const failures: string[] = [];
  const { one, two } = done.outputs;
  const oneVsTwo = two ? maxAbsDiff(one, two) : null;
  if (two === null) failures.push('no 2-thread run: the gemm pool did not start');
  else if (oneVsTwo !== 0) failures.push(`1-thread and 2-thread outputs differ (max |diff| ${oneVsTwo})`);
  const vsTfjs = one.length === tfOut.length ? maxAbsDiff(one, tfOut) : Infinity;
  if (!(vsTfjs <= TFJS_TOLERANCE)) failures.push(`ours and tfjs-wasm differ by ${vsTfjs} (tolerance ${TFJS_TOLERANCE})`);
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  if (!simd) failures.push('tfjs-wasm ran without SIMD');
  return {
    shape: BERT_BASE_SHAPED,
    gflop: bertFlops(BERT_BASE_SHAPED) / 1e9,
    ours: done.report,
    tfjs: { backend: tf.getBackend(), simd, threads, ms: tfMs },
    check: { oneVsTwoMaxAbs: oneVsTwo, oursVsTfjsMaxAbs: vsTfjs, tolerance: TFJS_TOLERANCE, ok: failures.length === 0, failures },
  };
}

const w = window as unknown as { benchResult?: BertBenchResult; benchError?: string };
bench().then(
  (r) => {
    log(`done: tfjs-wasm median ${median(r.tfjs.ms).toFixed(0)} ms`);
    w.benchResult = r;
  },
  (e: unknown) => {
    w.benchError = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  },
);
