/**
 * The app's speed targets, measured in Debian's chromium against the built app (`vite
 * build`, then `vite preview` on 127.0.0.1):
 *  - initial JavaScript: the gzipped size of every script index.html loads before anything
 *    lazy (target: at most 250 KB);
 *  - first heatmap: from navigation start to the first heatmap cell on screen when opening
 *    the Explorer, median of fresh browser contexts (target: under 1.5 s);
 *  - keystroke to updated heatmap: from a keydown in the sentence field to the frame after
 *    the heatmap shows that text's attention, p95 over typed characters (target: under 50 ms).
 * Usage: npm run bench:browser [-- --model coref --runs 5]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const model = opt('model', 'coref');
const runs = Number(opt('runs', '5'));
const port = 4179;
const base = `http://127.0.0.1:${port}/`;
const root = join(import.meta.dirname, '..');

function run(cmd: string, argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}`))));
  });
}

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

await run('npx', ['vite', 'build', '--logLevel', 'warn']);
const js = initialJsBytes();
// Its own process group, so stopping it also stops the vite process npx starts.
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
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
  await browser.close();
  const result = {
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
  console.log(JSON.stringify(result, null, 2));
} finally {
  if (server.pid) process.kill(-server.pid);
}
