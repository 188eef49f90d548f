/** Our runtime's side of the benchmark: gemm at each shape, and the GPT-2-shaped forward. */
import { gemm } from '../../runtime/gemm.ts';
import { medianMs, type TimingOptions } from './timing.ts';
import { flops, randomValues, type MatmulShape } from './shapes.ts';
import { forwardRuntime, toModel, type Gpt2ShapedConfig, type Gpt2ShapedWeights } from './gpt2-shaped.ts';

/** GFLOP/s of gemm on this shape, with whatever parallelism is installed. */
export function matmulGflops(s: MatmulShape, timing: TimingOptions): number {
  const a = randomValues(s.M * s.K, 11);
  const b = randomValues(s.K * s.N, 12);
  const c = new Float32Array(s.M * s.N);
  const ms = medianMs(() => gemm(a, b, c, s.M, s.K, s.N, false, s.transB, false), timing);
  return flops(s) / ms / 1e6;
}

/** Median ms of the forward, and its output for the cross-check against tfjs. */
export function runtimeForward(
  cfg: Gpt2ShapedConfig, weights: Gpt2ShapedWeights, timing: TimingOptions,
): { ms: number; output: Float32Array } {
  const w = toModel(cfg, weights);
  const output = forwardRuntime(cfg, w).data;
  const ms = medianMs(() => void forwardRuntime(cfg, w), timing);
  return { ms, output };
}

/** Largest |x - y| over two outputs: checks that both engines ran the same network. */
export function maxAbsDiff(x: Float32Array, y: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
  return worst;
}
