/**
 * Screenshots of the app for a person to look at: every route at laptop (1366x768) and
 * projector (1920x1080) size, light and dark, and presenter mode. Needs a running server
 * (`npx vite preview` or `npm start`); usage:
 *   node --import tsx scripts/screenshots.ts http://127.0.0.1:4173/ out-dir [hash ...]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:4173/', out = 'scripts/tmp/shots', ...hashes] = process.argv.slice(2);
const routes = hashes.length > 0 ? hashes : ['#/', '#/explore', '#/models', '#/models/coref', '#/lesson/self-attention/1'];
const sizes = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'projector', width: 1920, height: 1080 },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
for (const size of sizes) {
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, colorScheme: theme });
    for (const hash of routes) {
      await page.goto(base + hash);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(600);
      const name = `${hash.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${size.name}-${theme}`;
      await page.screenshot({ path: join(out, `${name}.png`) });
      if (hash.startsWith('#/explore') && theme === 'light') {
        await page.keyboard.press('p');
        await page.waitForTimeout(600);
        await page.screenshot({ path: join(out, `${name}-presenter.png`) });
        await page.keyboard.press('p');
      }
    }
    await page.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
