/**
 * TensorFlow.js as the benchmark's yardstick: the pure-JS cpu backend and the wasm backend
 * (SIMD, single-threaded in Node), loaded from node_modules with no network.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type * as TF from '@tensorflow/tfjs';
import { medianMs, type TimingOptions } from './timing.ts';
import { flops, randomValues, type MatmulShape } from './shapes.ts';
import type { Gpt2ShapedConfig, Gpt2ShapedWeights } from './gpt2-shaped.ts';
import { disposeTfWeights, forwardTf, toTfWeights } from './tfjs-gpt2.ts';

export type Tf = typeof TF;
export type TfBackend = 'cpu' | 'wasm';

/**
 * Imports tfjs and registers the wasm backend. tfjs greets Node users on console.log, which
 * would corrupt the JSON on stdout, so console.log is pointed at stderr for good.
 */
export async function loadTfjs(): Promise<Tf> {
  console.log = (...args: unknown[]) => console.error(...args);
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // A directory path (not a URL): in Node, emscripten reads the .wasm with fs from there.
  const pkg = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json');
  wasm.setWasmPaths(join(dirname(pkg), 'dist') + '/');
  return tf;
}

/** Switches backend; returns a description of it (wasm: whether SIMD and threads are on). */
export async function useBackend(tf: Tf, backend: TfBackend): Promise<string> {
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs: backend ${backend} did not initialise`);
  await tf.ready();
  if (backend === 'cpu') return 'tfjs cpu (pure JS)';
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  return `tfjs wasm (simd ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'})`;
}

/**
 * GFLOP/s of tf.matMul on the current backend, with B stored (N, K) when transB (the
 * layout our runtime uses) or (K, N) (the layout tfjs's own Dense layers use).
 */
export function tfMatmulGflops(tf: Tf, s: MatmulShape, transB: boolean, timing: TimingOptions): number {
  const a = tf.tensor2d(randomValues(s.M * s.K, 11), [s.M, s.K]);
  const b = tf.tensor2d(randomValues(s.K * s.N, 12), transB ? [s.N, s.K] : [s.K, s.N]);
  const ms = medianMs(() => {
    const c = tf.matMul(a, b, false, transB);
    c.dataSync();
    c.dispose();
  }, timing);
  tf.dispose([a, b]);
  return flops(s) / ms / 1e6;
}

/** Median ms of the GPT-2-shaped forward on the current backend, and its output. */
export function tfForward(
  tf: Tf, cfg: Gpt2ShapedConfig, weights: Gpt2ShapedWeights, timing: TimingOptions,
): { ms: number; output: Float32Array } {
  const w = toTfWeights(tf, cfg, weights);
  const output = forwardTf(tf, cfg, w);
  const ms = medianMs(() => void forwardTf(tf, cfg, w), timing);
  disposeTfWeights(tf, w);
  return { ms, output };
}
