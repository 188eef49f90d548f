/**
 * The BERT-base part of `npm run bench:browser`: builds the bench page (its own Vite root,
 * outside the app's bundle), serves it cross-origin isolated, and reads what the page
 * measured: our runtime in a Web Worker on 1 and 2 threads, and tfjs-wasm.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { median } from '../../src/cli/bench/timing.ts';
import type { BertBenchResult } from './main.ts';
import type { GemmShare } from './protocol.ts';
import { ROOT, viteBuild, vitePreview } from './serve.ts';

const CONFIG = join(ROOT, 'scripts/bench-page/vite.config.ts');
const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

/** A time split as whole milliseconds and shares of the forward. */
function split(p: GemmShare) {
  return {
    forwardMs: Math.round(p.forwardMs),
    gemmMs: Math.round(p.gemmMs),
    gemmShare: round(p.gemmMs / p.forwardMs, 2),
    gemmCallsPerForward: p.gemmCalls,
    gemmGflops: round(p.gemmGflops),
    attentionHeadProductsMs: Math.round(p.smallGemmMs),
    restMs: Math.round(p.restMs),
    restShare: round(p.restMs / p.forwardMs, 2),
  };
}

export async function benchBertBase(browser: Browser, port: number, runs: number) {
  await viteBuild(CONFIG);
  const stop = await vitePreview(port, CONFIG);
  const loadBefore = loadavg();
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.text().startsWith('bench-page:')) process.stderr.write(`${m.text()}\n`);
    });
    page.on('pageerror', (e) => process.stderr.write(`bench-page error: ${e.message}\n`));
    await page.goto(`http://127.0.0.1:${port}/?runs=${runs}`);
    const handle = await page.waitForFunction(() => {
      const w = window as unknown as { benchResult?: unknown; benchError?: string };
      return w.benchResult ?? (w.benchError ? { error: w.benchError } : undefined);
    }, undefined, { timeout: 20 * 60_000, polling: 1000 });
    const r = (await handle.jsonValue()) as BertBenchResult | { error: string };
    await page.close();
    if ('error' in r) throw new Error(`bench page: ${r.error}`);

    const one = median(r.ours.oneThreadMs);
    const two = r.ours.twoThreadMs.length ? median(r.ours.twoThreadMs) : null;
    const tfjs = median(r.tfjs.ms);
    const paired = median(r.ours.twoThreadMs.map((t, i) => r.ours.oneThreadMs[i] / t));
    return {
      what: `BERT-base-shaped encoder forward (${r.shape.nLayers} layers, d ${r.shape.dModel}, ${r.shape.nHeads} heads, FFN ${r.shape.dFF}, ${r.shape.T} tokens, vocab ${r.shape.vocabSize}; ${round(r.gflop)} GFLOP in products), random weights from initTransformer`,
      machine: { cores: r.ours.cores, crossOriginIsolated: r.ours.isolated, load1Before: round(loadBefore[0]), load1After: round(loadavg()[0]) },
      oursMs: {
        oneThread: { runs: r.ours.oneThreadMs.map(Math.round), median: Math.round(one) },
        twoThreads: { threads: r.ours.threads, runs: r.ours.twoThreadMs.map(Math.round), median: two === null ? null : Math.round(two) },
      },
      speedup2v1: two === null ? null : {
        // Runs alternate 1 and 2 threads, so each pair saw about the same load: the median of the
        // pairs' ratios is the headline, steadier on a shared machine than median over median.
        value: round(paired),
        medianOverMedian: round(one / two),
        best: round(Math.min(...r.ours.oneThreadMs) / Math.min(...r.ours.twoThreadMs)), // fastest over fastest: closest to a free second core
        target: 1.6,
        met: paired >= 1.6,
      },
      tfjsWasm: { backend: `${r.tfjs.backend} (simd ${r.tfjs.simd ? 'on' : 'off'}, threads ${r.tfjs.threads ? 'on' : 'off'})`, runs: r.tfjs.ms.map(Math.round), median: Math.round(tfjs) },
      oursOverTfjs: { oneThread: round(one / tfjs), twoThreads: two === null ? null : round(two / tfjs) },
      timeSplit: {
        how: 'gemm calls of >= 1 MFLOP (the projections; the ones the pool may split) timed inside the forward by a GemmParallelism wrapper; attention per-head products timed on their own and scaled by their count; rest = forward - both',
        oneThread: split(r.ours.profile.one),
        twoThreads: r.ours.profile.two ? split(r.ours.profile.two) : null,
      },
      check: r.check,
    };
  } finally {
    stop();
  }
}
