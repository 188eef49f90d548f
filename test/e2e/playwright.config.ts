/**
 * Browser tests: Playwright drives Debian's chromium (no browser download; .ci/run installs
 * it with apt-get) against the built app served by `vite preview`, i.e. the same static
 * files a static host would serve. Run with `npm run test:e2e`.
 */
import { defineConfig } from '@playwright/test';

const port = 4173;
const chromium = process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1, // a 2-core machine: one browser at a time keeps timings sane
  retries: 0,
  reporter: process.env.ATLAS_PLAYWRIGHT_JSON
    ? [['list'], ['json', { outputFile: process.env.ATLAS_PLAYWRIGHT_JSON }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
