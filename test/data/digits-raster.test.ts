/**
 * normalizeDrawing, the rasteriser the drawing pad and the generator share: strokes drawn
 * anywhere and at any size on a 280x280 canvas come out in the same MNIST framing, with
 * their aspect ratio kept, their centre of mass in the middle, and a pen width that does
 * not depend on how large the student drew.
 */
import { describe, expect, it } from 'vitest';
import { centreOfMass, normalizeDrawing, toAscii, toAsciiRow, type Stroke } from '../../src/data/digits/index.ts';

const vline = (x: number, y0: number, y1: number): Stroke => [{ x, y: y0 }, { x, y: y1 }];

/** Number of rows (or columns) that hold ink above 0.3. */
function extent(image: Float32Array, axis: 'rows' | 'cols'): number {
  const hit = new Set<number>();
  for (let i = 0; i < 784; i++) if (image[i] > 0.3) hit.add(axis === 'rows' ? Math.floor(i / 28) : i % 28);
  return hit.size;
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('digits: normalizeDrawing', () => {
  it('frames a vertical "1" the same wherever and however large it is drawn', () => {
    const small = normalizeDrawing([vline(30, 10, 60)]);
    const large = normalizeDrawing([vline(200, 20, 270)]);
    expect(maxDiff(small, large)).toBeLessThan(1e-5);
    const com = centreOfMass(large);
    expect(Math.abs(com.x - 14)).toBeLessThan(0.3);
    expect(Math.abs(com.y - 14)).toBeLessThan(0.3);
    expect(extent(large, 'rows')).toBeGreaterThanOrEqual(19);
    expect(extent(large, 'rows')).toBeLessThanOrEqual(21);
    expect(extent(large, 'cols')).toBeLessThanOrEqual(3);
  });

  it('gives the same image for a scaled and moved copy of a drawing', () => {
    const seven: Stroke[] = [[{ x: 40, y: 40 }, { x: 120, y: 42 }, { x: 70, y: 170 }], [{ x: 60, y: 105 }, { x: 110, y: 103 }]];
    const moved = seven.map((s) => s.map((p) => ({ x: 150 + p.x * 0.6, y: 100 + p.y * 0.6 })));
    expect(maxDiff(normalizeDrawing(seven), normalizeDrawing(moved))).toBeLessThan(1e-4);
  });

  it('keeps the aspect ratio: a 2:1 rectangle is 20px wide and about 10px tall', () => {
    const rect: Stroke = [{ x: 10, y: 10 }, { x: 210, y: 10 }, { x: 210, y: 110 }, { x: 10, y: 110 }, { x: 10, y: 10 }];
    const image = normalizeDrawing([rect], { thickness: 2 });
    expect(extent(image, 'cols')).toBeGreaterThanOrEqual(19);
    expect(extent(image, 'cols')).toBeLessThanOrEqual(21);
    expect(extent(image, 'rows')).toBeGreaterThanOrEqual(9);
    expect(extent(image, 'rows')).toBeLessThanOrEqual(12);
  });

  it('centres the centre of mass, not the bounding box', () => {
    // An L: most ink on the left and bottom, so the box shifts right and up.
    const ell: Stroke = [{ x: 0, y: 0 }, { x: 0, y: 200 }, { x: 60, y: 200 }];
    const image = normalizeDrawing([ell]);
    const com = centreOfMass(image);
    expect(Math.hypot(com.x - 14, com.y - 14)).toBeLessThan(0.6);
  });

  it('keeps y pointing down: a bar drawn at the top stays at the top', () => {
    const image = normalizeDrawing([[{ x: 0, y: 0 }, { x: 100, y: 0 }], vline(50, 0, 150)]);
    const rowInk = (r: number) => image.slice(r * 28, r * 28 + 28).reduce((a, b) => a + b, 0);
    const rows = Array.from({ length: 28 }, (_, r) => rowInk(r));
    expect(rows.indexOf(Math.max(...rows))).toBeLessThan(10);
  });

  it('draws bolder with a thicker pen, in output pixels', () => {
    const ink = (t: number) => normalizeDrawing([vline(100, 50, 250)], { thickness: t }).reduce((a, b) => a + b, 0);
    expect(ink(3) / ink(1.5)).toBeGreaterThan(1.7);
    expect(ink(3) / ink(1.5)).toBeLessThan(2.3);
  });

  it('handles nothing drawn and a single click', () => {
    expect(normalizeDrawing([]).every((v) => v === 0)).toBe(true);
    expect(normalizeDrawing([[]]).every((v) => v === 0)).toBe(true);
    const dot = normalizeDrawing([[{ x: 17, y: 200 }]]);
    const com = centreOfMass(dot);
    expect(Math.hypot(com.x - 14, com.y - 14)).toBeLessThan(0.01);
    expect(dot.reduce((a, b) => a + b, 0)).toBeGreaterThan(2);
  });

  it('prints images as ASCII', () => {
    const art = toAscii(normalizeDrawing([vline(5, 0, 9)]));
    expect(art.split('\n')).toHaveLength(28);
    expect(art.split('\n').every((l) => l.length === 28)).toBe(true);
    expect(art).toContain('@');
    expect(toAscii(new Float32Array(784)).trim()).toBe('');
    expect(toAsciiRow([new Float32Array(784), new Float32Array(784)], 2).split('\n')[0]).toHaveLength(58);
  });
});
