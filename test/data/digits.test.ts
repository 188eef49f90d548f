/**
 * The digit generator: reproducible from a seed, balanced, every way of writing every digit
 * drawn, framed like MNIST (20px box, centre of mass in the middle, a margin), classes apart,
 * and fast enough to make a training set on the fly.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/runtime/index.ts';
import {
  DIGIT_TEMPLATES, centreOfMass, generateDigit, generateDigits, normalizeDrawing, toAscii,
} from '../../src/data/digits/index.ts';

/** Rows and columns holding clearly visible ink (value above 0.3). */
function inkBox(image: Float32Array): { top: number; bottom: number; left: number; right: number } {
  let top = 28, bottom = -1, left = 28, right = -1;
  for (let r = 0; r < 28; r++) {
    for (let c = 0; c < 28; c++) {
      if (image[r * 28 + c] <= 0.3) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  return { top, bottom, left, right };
}

function dist(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += (a[i] - b[i]) ** 2;
  return Math.sqrt(d);
}

describe('digits: generator', () => {
  const rng = new Rng(11);
  const samples = Array.from({ length: 2000 }, (_, i) => generateDigit(rng, i % 10));

  it('is deterministic from the seed', () => {
    const a = generateDigits(7, 40);
    const b = generateDigits(7, 40);
    expect(b.labels).toEqual(a.labels);
    a.images.forEach((im, i) => expect(Array.from(b.images[i])).toEqual(Array.from(im)));
    const c = generateDigits(8, 40);
    expect(c.images.some((im, i) => dist(im, a.images[i]) > 0)).toBe(true);
  });

  it('makes 28x28 images with values in 0..1 and real ink', () => {
    let lo = Infinity, hi = -Infinity, leastInk = Infinity;
    for (const { image } of samples) {
      expect(image.length).toBe(784);
      let ink = 0;
      for (const v of image) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        ink += v;
      }
      leastInk = Math.min(leastInk, ink);
    }
    expect(lo).toBe(0);
    expect(hi).toBe(1);
    expect(leastInk).toBeGreaterThan(20);
  });

  it('balances labels', () => {
    const counts = (labels: number[]) => labels.reduce((n, l) => (n[l]++, n), new Array(10).fill(0));
    expect(counts(generateDigits(1, 1000).labels)).toEqual(new Array(10).fill(100));
    for (const n of counts(generateDigits(2, 1005).labels)) expect([100, 101]).toContain(n);
  });

  it('draws every template of every digit', () => {
    for (let d = 0; d < 10; d++) {
      expect(DIGIT_TEMPLATES[d].length).toBeGreaterThanOrEqual(3);
      const seen = new Set(samples.filter((s) => s.label === d).map((s) => s.template));
      expect([...seen].sort()).toEqual(DIGIT_TEMPLATES[d].map((t) => t.name).sort());
    }
  });

  it('draws a chosen template and refuses unknown ones', () => {
    expect(generateDigit(new Rng(1), 7, { template: 'bar' }).template).toBe('bar');
    expect(() => generateDigit(new Rng(1), 7, { template: 'nope' })).toThrow(/no template "nope"/);
    expect(() => generateDigit(new Rng(1), 10)).toThrow(/not a digit/);
  });

  it('frames digits like MNIST: centred, about 20px tall, with a margin', () => {
    for (const { image, label, template } of samples) {
      const com = centreOfMass(image);
      const box = inkBox(image);
      const side = Math.max(box.bottom - box.top, box.right - box.left) + 1;
      const where = `${label}/${template}\n${toAscii(image)}`;
      expect(Math.hypot(com.x - 14, com.y - 14), where).toBeLessThan(2);
      expect(side, where).toBeGreaterThanOrEqual(18);
      expect(side, where).toBeLessThanOrEqual(22);
      expect(Math.min(box.top, box.left, 27 - box.bottom, 27 - box.right), where).toBeGreaterThanOrEqual(1);
    }
  });

  it('rasterises its strokes with normalizeDrawing, as the drawing pad does', () => {
    for (const s of samples.slice(0, 50)) {
      expect(Array.from(normalizeDrawing(s.strokes, { thickness: s.thickness }))).toEqual(Array.from(s.image));
    }
  });

  it('keeps classes apart: class means differ and nearest class mean mostly guesses right', () => {
    const means = Array.from({ length: 10 }, () => new Float64Array(784));
    for (const { image, label } of samples) for (let i = 0; i < 784; i++) means[label][i] += image[i] / 200;
    for (let a = 0; a < 10; a++) {
      for (let b = a + 1; b < 10; b++) expect(dist(means[a], means[b]), `${a} vs ${b}`).toBeGreaterThan(3);
    }
    const test = generateDigits(99, 500);
    const right = test.images.filter((im, i) => {
      const d = means.map((m) => dist(im, m));
      return d.indexOf(Math.min(...d)) === test.labels[i];
    }).length;
    expect(right / 500).toBeGreaterThan(0.85);
  });

  it('is learnable: 1-nearest-neighbour on 2000 samples is nearly always right', () => {
    const test = generateDigits(123, 200);
    const right = test.images.filter((im, i) => {
      let best = Infinity, guess = -1;
      for (const s of samples) {
        const d = dist(im, s.image);
        if (d < best) [best, guess] = [d, s.label];
      }
      return guess === test.labels[i];
    }).length;
    expect(right / 200).toBeGreaterThan(0.95);
  });

  it('makes 10k images in a few seconds', () => {
    const start = performance.now();
    generateDigits(5, 10_000);
    // Generous bound for a busy machine; about 1 s when it is not.
    expect((performance.now() - start) / 1000).toBeLessThan(8);
  });
});
