/** Timing for the benchmark: warm-up, then the median of several timed runs. */

export interface TimingOptions {
  /** Untimed calls first, so that the JIT (or wasm tier-up) has settled. */
  warmup: number;
  /** Timed runs; the median is reported. */
  runs: number;
  /** Each run repeats the call until it has lasted this long, so short calls are measured in bulk. */
  minRunMs: number;
}

/** Median milliseconds per call of fn. */
export function medianMs(fn: () => void, options: TimingOptions): number {
  for (let i = 0; i < options.warmup; i++) fn();
  // Calls per run, from one probe call: short products need thousands per run.
  const t0 = performance.now();
  fn();
  const once = Math.max(performance.now() - t0, 1e-3);
  const reps = Math.max(1, Math.ceil(options.minRunMs / once));
  const times: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) fn();
    times.push((performance.now() - start) / reps);
  }
  return median(times);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds for the JSON report: enough digits to compare, few enough to read. */
export function round(x: number, digits = 3): number {
  return Number(x.toPrecision(digits));
}

/** Progress lines go to stderr: stdout carries only the final JSON object. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
