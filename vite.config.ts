import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Cross-origin isolation, so the model worker may share memory with its gemm helper threads
 * (SharedArrayBuffer). A static host must send the same two headers; without them the app
 * still works, on one thread.
 */
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

// One config for the app (Vite) and the unit tests (Vitest).
export default defineConfig({
  plugins: [react()],
  // Relative base so the built app also works from a sub-folder of a static host.
  base: './',
  worker: { format: 'es' },
  server: { host: '127.0.0.1', headers: ISOLATION },
  preview: { headers: ISOLATION },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // .ci/run asks for a JSON report to print its "N passed, N failed" line.
    reporters: process.env.ATLAS_VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.ATLAS_VITEST_JSON ? { json: process.env.ATLAS_VITEST_JSON } : undefined,
  },
});
