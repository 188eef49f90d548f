/**
 * `npm run bench`: matmul throughput and a GPT-2-small-shaped forward on our runtime (one
 * thread, and two threads through the worker pool) against tfjs's cpu and wasm backends.
 * Prints one JSON object on stdout; progress goes to stderr. `--quick` takes fewer runs.
 */
import { availableParallelism, loadavg } from 'node:os';
import { setGemmParallelism } from '../runtime/gemm.ts';
import { createNodeGemmPool } from '../node/gemm-pool.ts';
import { MATMUL_SHAPES, shapeName, type MatmulShape } from './bench/shapes.ts';
import { GPT2_SMALL_SHAPED, forwardFlops, randomGpt2Weights } from './bench/gpt2-shaped.ts';
import { matmulGflops, maxAbsDiff, runtimeForward } from './bench/ours.ts';
import { loadTfjs, tfForward, tfMatmulGflops, useBackend, type TfBackend } from './bench/tfjs.ts';
import { progress, round, type TimingOptions } from './bench/timing.ts';
import { corefForwardMs } from './bench/coref-forward.ts';
import { measureLoadMemory } from './bench/load-memory.ts';

const quick = process.argv.includes('--quick');
const MATMUL_TIMING: TimingOptions = { warmup: 3, runs: quick ? 3 : 7, minRunMs: quick ? 50 : 150 };
const FORWARD_TIMING: TimingOptions = { warmup: 1, runs: quick ? 3 : 5, minRunMs: 0 };
// tfjs-cpu takes ~15 s per forward: fewer runs keep the bench within a few minutes.
const SLOW_FORWARD_TIMING: TimingOptions = { warmup: 1, runs: quick ? 1 : 3, minRunMs: 0 };

type Engine = 'ours1' | 'ours2' | 'tfjsCpu' | 'tfjsWasm' | 'tfjsCpuBStoredKN' | 'tfjsWasmBStoredKN';
const gflops = new Map<string, Partial<Record<Engine, number>>>();
const forwardMs: Partial<Record<Engine, number>> = {};
const outputs: Partial<Record<Engine, Float32Array>> = {};
const loadBefore = loadavg()[0];

function record(s: MatmulShape, engine: Engine, value: number): void {
  const row = gflops.get(shapeName(s)) ?? {};
  row[engine] = value;
  gflops.set(shapeName(s), row);
  progress(`${engine} ${shapeName(s)}: ${value.toFixed(2)} GFLOP/s`);
}

const cfg = GPT2_SMALL_SHAPED;
const weights = randomGpt2Weights(cfg);

function runOurs(engine: 'ours1' | 'ours2'): void {
  for (const s of MATMUL_SHAPES) record(s, engine, matmulGflops(s, MATMUL_TIMING));
  const f = runtimeForward(cfg, weights, FORWARD_TIMING);
  forwardMs[engine] = f.ms;
  outputs[engine] = f.output;
  progress(`${engine} GPT-2-shaped forward: ${f.ms.toFixed(0)} ms`);
}

runOurs('ours1');
const corefForward = await corefForwardMs({ warmup: 20, runs: quick ? 5 : 15, minRunMs: 100 });
progress(`coref traced forward, ${corefForward.tokens} tokens: ${corefForward.ms.toFixed(2)} ms`);
const loadMemory = await measureLoadMemory();
progress(`load memory: ${JSON.stringify(loadMemory)}`);
const pool = await createNodeGemmPool(1);
setGemmParallelism(pool);
try {
  runOurs('ours2');
} finally {
  setGemmParallelism(null);
  await pool.close();
}

const tf = await loadTfjs();
const backends: Record<string, string> = {};
for (const [engine, backend] of [['tfjsCpu', 'cpu'], ['tfjsWasm', 'wasm']] as Array<[Engine, TfBackend]>) {
  backends[engine] = await useBackend(tf, backend);
  for (const s of MATMUL_SHAPES) {
    record(s, engine, tfMatmulGflops(tf, s, s.transB, MATMUL_TIMING));
    // tfjs stores Dense kernels (in, out): time that layout too and compare with the faster.
    if (s.transB) record(s, `${engine}BStoredKN` as Engine, tfMatmulGflops(tf, s, false, MATMUL_TIMING));
  }
  const f = tfForward(tf, cfg, weights, backend === 'cpu' ? SLOW_FORWARD_TIMING : FORWARD_TIMING);
  forwardMs[engine] = f.ms;
  outputs[engine] = f.output;
  progress(`${engine} GPT-2-shaped forward: ${f.ms.toFixed(0)} ms`);
}

const ratio = (x: number | undefined, y: number | undefined) => (x && y ? round(x / y) : null);
const best = (x: number | undefined, y: number | undefined) => Math.max(x ?? 0, y ?? 0) || undefined;
const matmul = MATMUL_SHAPES.map((s) => {
  const g = gflops.get(shapeName(s)) ?? {};
  return {
    shape: shapeName(s),
    layout: s.transB ? 'A (M,K) @ B^T, B stored (N,K)' : 'A (M,K) @ B (K,N)',
    what: s.what,
    gflops: Object.fromEntries(Object.entries(g).map(([k, v]) => [k, round(v)])),
    twoOverOne: ratio(g.ours2, g.ours1),
    // Against tfjs in whichever B layout it ran faster.
    oursOverTfjsCpu: ratio(g.ours1, best(g.tfjsCpu, g.tfjsCpuBStoredKN)),
    oursOverTfjsWasm: ratio(g.ours1, best(g.tfjsWasm, g.tfjsWasmBStoredKN)),
  };
});
const big = matmul.slice(0, 2);
const fwdOverWasm = ratio(forwardMs.ours1, forwardMs.tfjsWasm);
const targets = [
  ...big.map((m) => ({ target: `${m.shape} one thread >= 2.5 GFLOP/s`, measured: m.gflops.ours1, met: m.gflops.ours1 >= 2.5 })),
  ...big.map((m) => ({ target: `${m.shape} one thread >= 5x tfjs-cpu`, measured: m.oursOverTfjsCpu, met: (m.oursOverTfjsCpu ?? 0) >= 5 })),
  ...big.map((m) => ({ target: `${m.shape} two threads >= 1.6x one (second core free)`, measured: m.twoOverOne, met: (m.twoOverOne ?? 0) >= 1.6 })),
  { target: 'GPT-2-shaped forward within 4x of tfjs-wasm (ours ms / wasm ms <= 4)', measured: fwdOverWasm, met: (fwdOverWasm ?? Infinity) <= 4 },
  { target: 'coref forward with trace, 24 tokens, under 5 ms', measured: round(corefForward.ms), met: corefForward.ms < 5 },
  // F16 decoded into one f32 copy: the loaded model holds what the download dialog estimated, no more.
  { target: 'F16 checkpoint: retained bytes <= 1.05x the f32 estimate', measured: loadMemory.retainedOverEstimate, met: (loadMemory.retainedOverEstimate ?? Infinity) <= 1.05 },
];

const report = {
  env: {
    node: process.version,
    cpus: availableParallelism(),
    loadavg1mBefore: round(loadBefore),
    loadavg1mAfter: round(loadavg()[0]),
    engines: {
      ours1: 'runtime gemm, one thread',
      ours2: 'runtime gemm, calling thread + 1 worker_threads worker',
      ...backends,
      BStoredKN: 'tfjs with B stored (K, N), as tfjs Dense kernels are; its GPT-2 forward uses that layout',
    },
    timing: { matmul: MATMUL_TIMING, forward: FORWARD_TIMING, tfjsCpuForward: SLOW_FORWARD_TIMING, reported: 'median' },
  },
  matmul,
  loadMemory,
  gpt2Shaped: {
    config: cfg,
    gflop: round(forwardFlops(cfg) / 1e9),
    ms: Object.fromEntries(Object.entries(forwardMs).map(([k, v]) => [k, round(v)])),
    oursMsOverTfjsWasmMs: fwdOverWasm,
    oursMsOverTfjsCpuMs: ratio(forwardMs.ours1, forwardMs.tfjsCpu),
    twoOverOne: ratio(forwardMs.ours1, forwardMs.ours2),
    // Same weights, same network: the outputs agree to float32 rounding.
    maxAbsDiff: {
      ours2VsOurs1: outputs.ours2 && outputs.ours1 ? maxAbsDiff(outputs.ours2, outputs.ours1) : null,
      tfjsCpuVsOurs1: outputs.tfjsCpu && outputs.ours1 ? round(maxAbsDiff(outputs.tfjsCpu, outputs.ours1)) : null,
      tfjsWasmVsOurs1: outputs.tfjsWasm && outputs.ours1 ? round(maxAbsDiff(outputs.tfjsWasm, outputs.ours1)) : null,
    },
  },
  corefForward: { ...corefForward, ms: round(corefForward.ms) },
  targets,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
