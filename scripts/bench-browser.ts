/**
 * The app's speed targets, measured in Debian's chromium against the built app (`vite
 * build`, then `vite preview` on 127.0.0.1):
 *  - initial JavaScript: the gzipped size of every script index.html loads before anything
 *    lazy (target: at most 250 KB);
 *  - first heatmap: from navigation start to the first heatmap cell on screen when opening
 *    the Explorer, median of fresh browser contexts (target: under 1.5 s);
 *  - keystroke to updated heatmap: from a keydown in the sentence field to the frame after
 *    the heatmap shows that text's attention, p95 over typed characters (target: under 50 ms).
 * Then a BERT-base-shaped forward in a Web Worker on our runtime, 1 thread against 2 (target:
 * at least 1.6x), and in tfjs-wasm, from a bench page built apart from the app
 * (scripts/bench-page/).
 * Usage: npm run bench:browser [-- --model coref --runs 5 --bert-runs 5 --part app|bert|all]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { benchBertBase } from './bench-page/run.ts';
import { ROOT as root, viteBuild, vitePreview } from './bench-page/serve.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const model = opt('model', 'coref');
const runs = Number(opt('runs', '5'));
const bertRuns = Number(opt('bert-runs', '5'));
const part = opt('part', 'all');
const port = 4179;
const base = `http://127.0.0.1:${port}/`;

/** Scripts index.html loads eagerly: its module entry and modulepreloads. */
function initialJsBytes(): { files: string[]; gzip: number; raw: number } {
  const html = readFileSync(join(root, 'dist/index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  let gzip = 0;
  let raw = 0;
  for (const f of files) {
    const bytes = readFileSync(join(root, 'dist', f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, gzip, raw };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** The app's three targets: initial JS, first heatmap, keystroke latency. */
async function benchApp(browser: Browser) {
  await viteBuild();
  const js = initialJsBytes();
  const stop = await vitePreview(port);
  try {
    return await measureApp(browser, js);
  } finally {
    stop();
  }
}

async function measureApp(browser: Browser, js: ReturnType<typeof initialJsBytes>) {
  const url = `${base}#/explore?model=${model}`;
  const firstHeatmap: number[] = [];
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('.viz-cell').first().waitFor({ state: 'visible', timeout: 30_000 });
    firstHeatmap.push(await page.evaluate(() => new Promise<number>((res) => requestAnimationFrame(() => res(performance.now())))));
    await context.close();
  }

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(url);
  await page.locator('.viz-cell').first().waitFor({ state: 'visible', timeout: 30_000 });
  const input = page.getByLabel('Sentence', { exact: true });
  await input.fill('');
  await input.focus();
  await page.evaluate(() => {
    const w = window as unknown as { keyTimes: number[]; latencies: number[]; measured: number };
    w.keyTimes = [];
    w.latencies = [];
    w.measured = -1; // index of the last keystroke already measured: later re-renders of the same text do not count
    const field = document.getElementById('explorer-text') as HTMLInputElement;
    field.addEventListener('keydown', () => w.keyTimes.push(performance.now()), { capture: true });
    // When the grid says it shows the text typed so far, wait for the next frame: that is on screen.
    new MutationObserver(() => {
      const grid = document.querySelector('[data-rendered-text]');
      if (!grid || grid.getAttribute('data-rendered-text') !== field.value || w.keyTimes.length === 0) return;
      const k = w.keyTimes.length - 1;
      if (w.measured === k) return;
      w.measured = k;
      const t0 = w.keyTimes[k];
      requestAnimationFrame(() => w.latencies.push(performance.now() - t0));
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-rendered-text'], childList: true });
  });
  const sentence = "The animal didn't cross the street because it was too tired.";
  for (const ch of sentence) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(120); // a quick typist: about 8 characters a second
  }
  await page.waitForTimeout(500);
  const { latencies, keys } = await page.evaluate(() => {
    const w = window as unknown as { keyTimes: number[]; latencies: number[] };
    return { latencies: w.latencies, keys: w.keyTimes.length };
  });
  await page.close();
  return {
    model,
    initialJs: { files: js.files, rawKB: +(js.raw / 1024).toFixed(1), gzipKB: +(js.gzip / 1024).toFixed(1), targetKB: 250, met: js.gzip / 1024 <= 250 },
    firstHeatmapMs: { runs: firstHeatmap.map((x) => Math.round(x)), median: Math.round(quantile(firstHeatmap, 0.5)), target: 1500, met: quantile(firstHeatmap, 0.5) < 1500 },
    keystrokeMs: {
      keys,
      measured: latencies.length,
      p50: +quantile(latencies, 0.5).toFixed(1),
      p95: +quantile(latencies, 0.95).toFixed(1),
      max: +Math.max(...latencies).toFixed(1),
      target: 50,
      met: quantile(latencies, 0.95) < 50,
    },
  };
}

const browser = await chromium.launch({
  executablePath: process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const app = part === 'bert' ? {} : await benchApp(browser);
  const bert = part === 'app' ? null : await benchBertBase(browser, port, bertRuns);
  console.log(JSON.stringify({ ...app, ...(bert ? { bertBase: bert } : {}) }, null, 2));
  if (bert && !bert.check.ok) {
    process.stderr.write(`bench:browser: BERT-base check FAILED: ${bert.check.failures.join('; ')}\n`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
