/**
 * The bench page's own build (scripts/bench-browser.ts runs it): a separate Vite root, so
 * nothing here enters the app's bundle, and an output folder outside dist/.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export const BENCH_PAGE_OUT = fileURLToPath(new URL('../../node_modules/.cache/atlas-bench-page/', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  worker: { format: 'es' },
  build: { outDir: BENCH_PAGE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  // The two headers vite.config.ts sends: cross-origin isolation gives the worker SharedArrayBuffer.
  preview: { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
});
