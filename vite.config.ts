import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the app (Vite) and the unit tests (Vitest).
export default defineConfig({
  plugins: [react()],
  // Relative base so the built app also works from a sub-folder of a static host.
  base: './',
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
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
