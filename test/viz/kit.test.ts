// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { categorical, divergingScale, luminance, OKABE_ITO, readableTextOn, sequentialScale } from '../../src/viz/colors.ts';
import { cellLabel, exact, quote } from '../../src/viz/format.ts';
import { fontSizeOf, textWidth, truncate, widthOf } from '../../src/viz/frame.ts';
import { bucketPathData } from '../../src/viz/bucket-paths.ts';
import { squareSide, toGrid, toVector } from '../../src/viz/values.ts';

describe('colors', () => {
  it('sequential scales get lighter with the value, for every scheme', () => {
    for (const scheme of ['viridis', 'cividis', 'magma', 'inferno'] as const) {
      const s = sequentialScale([0, 1], scheme);
      const l = [0, 0.25, 0.5, 0.75, 1].map((v) => luminance(s(v)));
      for (let k = 1; k < l.length; k++) expect(l[k]).toBeGreaterThan(l[k - 1]);
    }
    // A flat domain still draws.
    expect(sequentialScale([0.5, 0.5])(0.5)).toMatch(/^(rgb|#)/);
  });

  it('diverging scales are symmetric: 0 in the middle, the ends equally dark', () => {
    const s = divergingScale(2);
    expect(luminance(s(0))).toBeGreaterThan(0.85);
    expect(Math.abs(luminance(s(-2)) - luminance(s(2)))).toBeLessThan(0.05);
    expect(s(-5)).toBe(s(-2)); // clamped
  });

  it('categorical colours cycle through Okabe–Ito; text flips for contrast', () => {
    expect(categorical(0)).toBe(OKABE_ITO[0]);
    expect(categorical(OKABE_ITO.length)).toBe(OKABE_ITO[0]);
    expect(new Set(OKABE_ITO.map((_, k) => categorical(k))).size).toBe(OKABE_ITO.length);
    expect(readableTextOn('#fde725')).toBe('#111111');
    expect(readableTextOn('#440154')).toBe('#ffffff');
  });
});

describe('format', () => {
  it('cell labels fit in four characters; exact keeps four significant digits', () => {
    expect([0.62, 0.049, 0, 1, -0.05, 12.3, -0.001].map(cellLabel)).toEqual(['.62', '.05', '.00', '1.0', '−.05', '12', '.00']);
    expect([0.6213, 0.62134567, 1e-6, 123456, 0.5].map(exact)).toEqual(['0.6213', '0.6213', '1e-6', '123500', '0.5']);
    expect(quote('New York')).toBe("'New·York'");
  });
});

describe('frame', () => {
  it('width falls back when there is no layout; font comes from --viz-font-size, never below 14px', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    expect(widthOf(el)).toBe(640);
    expect(widthOf(el, 300)).toBe(300);
    expect(fontSizeOf(el)).toBe(16);
    // Read once per container (no forced style recalculation per update) until <html> switches
    // theme or presenter mode, which is when --viz-font-size changes in the app.
    const switchPresenter = async (on: string) => {
      document.documentElement.dataset.presenter = on;
      await new Promise((r) => setTimeout(r, 0)); // MutationObserver callbacks run
    };
    el.style.setProperty('--viz-font-size', '24px');
    expect(fontSizeOf(el)).toBe(16);
    await switchPresenter('true');
    expect(fontSizeOf(el)).toBe(24);
    el.style.setProperty('--viz-font-size', '10px');
    await switchPresenter('false');
    expect(fontSizeOf(el)).toBe(14);
    el.remove();
  });

  it('truncate shortens with an ellipsis to fit', () => {
    expect(truncate('tokenization', 1000, 16)).toBe('tokenization');
    const t = truncate('tokenization', 60, 16);
    expect(t.endsWith('…')).toBe(true);
    expect(textWidth(t, 16)).toBeLessThanOrEqual(60);
  });
});

describe('values', () => {
  it('converts nested arrays, flat buffers and tensors, naming shapes in errors', () => {
    const nested = toGrid([[1, 2, 3], [4, 5, 6]]);
    expect([nested.rows, nested.cols, nested.at(1, 2)]).toEqual([2, 3, 6]);
    expect(toGrid(new Float32Array([1, 2, 3, 4, 5, 6]), 3, 2).row(2)).toEqual([5, 6]);
    expect(toGrid({ data: new Float32Array([1, 2, 3, 4]), shape: [2, 2] }).extent()).toEqual([1, 4]);
    expect(() => toGrid([[1, 2], [3]])).toThrow(/row 1 has 1 values, row 0 has 2/);
    expect(() => toGrid({ data: new Float32Array(8), shape: [2, 2, 2] })).toThrow(/2-D tensor, got shape \(2, 2, 2\)/);
    expect(toVector({ data: new Float32Array([1, 2]), shape: [1, 2] })).toEqual([1, 2]);
    expect(squareSide(new Float32Array(16))).toBe(4);
    expect(() => squareSide(new Float32Array(15))).toThrow(/not a square/);
  });
});

describe('bucketPathData', () => {
  it('puts each cell in exactly one level, skipping the background level', () => {
    const values = [[0, 0.5], [0.99, 1]];
    const paths = bucketPathData({ rows: 2, cols: 2, at: (i, j) => values[i][j], cellWidth: 10, cellHeight: 10, levels: 4, color: String, backgroundLevel: 0 });
    expect([...paths.keys()].sort()).toEqual([2, 3]);
    expect(paths.get(3)!.match(/M/g)).toHaveLength(2);
    expect(paths.get(2)).toBe('M10 0h10.5v10.5h-10.5Z');
  });
});
