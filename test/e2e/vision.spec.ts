/**
 * Lesson 7 in the browser: drawing on the pad with the mouse, or drawing a random digit,
 * recomputes the model's answer and the figures of every step.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers.ts';

/** Draws a stroke through the given points, in fractions of the pad's side. */
async function stroke(page: Page, points: [number, number][]) {
  const box = await page.locator('canvas.vision-pad-canvas').boundingBox();
  if (!box) throw new Error('no pad on screen');
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 8 });
  await page.mouse.up();
}

test('drawing a digit with the mouse recomputes the answer', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/vision/1');
  const verdict = page.locator('.vision-verdict');
  await expect(verdict).toContainText('The model reads a 5'); // the seeded first digit
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.locator('.vision-empty')).toBeVisible();
  await stroke(page, [[0.5, 0.15], [0.5, 0.85]]);
  await expect(page.locator('.vision-pad-source')).toContainText('Your drawing: 1 stroke');
  await expect(verdict).toContainText('The model reads a 1');
  // A zero: one round stroke.
  await page.getByRole('button', { name: 'Clear' }).click();
  const ring = Array.from({ length: 25 }, (_, k): [number, number] => [0.5 + 0.25 * Math.sin((2 * Math.PI * k) / 24), 0.5 - 0.35 * Math.cos((2 * Math.PI * k) / 24)]);
  await stroke(page, ring);
  await expect(verdict).toContainText('The model reads a 0');
  expect(errors).toEqual([]);
});

test('a random digit of a chosen class, and the drawing carries over to later steps', async ({ page }) => {
  await page.goto('./#/lesson/vision/1');
  await page.getByLabel('Digit').selectOption('7');
  await page.getByRole('button', { name: 'Random digit' }).click();
  await expect(page.locator('.vision-pad-source')).toContainText('Generated: a 7');
  await expect(page.locator('.vision-verdict')).toContainText('The model reads a 7');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#\/lesson\/vision\/7(\?.*)?$/);
  await expect(page.locator('.vision-pad-source')).toContainText('Generated: a 7');
  await expect(page.locator('.vision-verdict')).toContainText('The model reads a 7');
});

test('the patch slider recuts the image and recounts the tokens', async ({ page }) => {
  await page.goto('./#/lesson/vision/2');
  const verdict = page.locator('.vision-verdict');
  await expect(verdict).toContainText('17 tokens');
  await page.getByRole('slider', { name: 'Patch side' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(verdict).toContainText('49 patches of 4 × 4 pixels');
  await expect(verdict).toContainText('50 tokens');
  await expect(verdict).toContainText('cannot run at this size');
  await page.getByRole('button', { name: 'About 16 times' }).click();
  await expect(page.locator('table.vision-table')).toContainText('(trained)');
});

test('the CLS attention table changes when the student draws', async ({ page }) => {
  await page.goto('./#/lesson/vision/5');
  const table = page.locator('table.vision-table');
  await expect(table).toContainText('Layer, head');
  const before = await table.textContent();
  await page.getByRole('button', { name: 'Clear' }).click();
  await stroke(page, [[0.2, 0.2], [0.8, 0.2], [0.45, 0.85]]);
  await expect(table).not.toHaveText(before ?? '');
});

test('pen and touch pointers draw too', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/lesson/vision/1');
  await page.getByRole('button', { name: 'Clear' }).click();
  for (const pointerType of ['pen', 'touch']) {
    await page.locator('canvas.vision-pad-canvas').evaluate((canvas, type) => {
      const r = canvas.getBoundingClientRect();
      const fire = (kind: string, fx: number, fy: number) =>
        canvas.dispatchEvent(new PointerEvent(kind, { pointerType: type, pointerId: 7, isPrimary: true, bubbles: true, clientX: r.left + fx * r.width, clientY: r.top + fy * r.height }));
      fire('pointerdown', 0.3, 0.3);
      for (let k = 1; k <= 10; k++) fire('pointermove', 0.3 + 0.04 * k, 0.3 + 0.04 * k);
      fire('pointerup', 0.7, 0.7);
    }, pointerType);
  }
  await expect(page.locator('.vision-pad-source')).toContainText('Your drawing: 2 strokes');
  await expect(page.locator('.vision-verdict')).toBeVisible();
  expect(errors).toEqual([]);
});
