/**
 * Train-time and draw-time images match: digits drawn the way a student draws them with a
 * mouse (a few clicks' worth of points each, written by hand here, two styles per digit)
 * go through normalizeDrawing and are recognised by a plain nearest-neighbour lookup among
 * generated digits, and by nearest class mean. If the generator drifted from what people
 * draw, or the two paths framed digits differently, these would fail.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/runtime/index.ts';
import { generateDigit, normalizeDrawing, toAscii, type Stroke } from '../../src/data/digits/index.ts';

type Drawing = [number, number][][]; // strokes of [x, y] on a 280x280 canvas, y down

const DRAWINGS: Drawing[][] = [
  [
    [[[140, 40], [105, 50], [85, 90], [80, 140], [90, 190], [120, 225], [155, 230], [185, 205], [198, 150], [192, 95], [172, 55], [140, 40], [128, 48]]],
    [[[160, 100], [175, 130], [170, 165], [145, 180], [118, 172], [105, 140], [112, 108], [135, 95], [160, 100]]],
  ],
  [
    [[[120, 75], [152, 38], [148, 240]]],
    [[[60, 30], [52, 150]]],
  ],
  [
    [[[90, 80], [105, 50], [140, 38], [175, 50], [190, 85], [180, 125], [150, 165], [110, 205], [85, 235], [130, 232], [175, 233], [205, 236]]],
    [[[100, 90], [120, 60], [160, 55], [185, 80], [178, 120], [140, 170], [105, 215], [90, 240], [100, 252], [118, 245], [112, 228], [98, 235], [140, 242], [200, 240]]],
  ],
  [
    [[[85, 60], [115, 40], [155, 38], [185, 60], [185, 95], [160, 125], [125, 135], [165, 140], [195, 170], [195, 205], [165, 235], [120, 240], [85, 222]]],
    [[[80, 40], [190, 40], [130, 110], [170, 115], [195, 150], [195, 195], [170, 230], [130, 240], [90, 225]]],
  ],
  [
    [[[150, 40], [120, 100], [90, 150], [80, 165], [130, 165], [200, 163]], [[165, 90], [162, 160], [160, 245]]],
    [[[90, 40], [85, 150], [200, 150]], [[165, 50], [165, 250]]],
  ],
  [
    [[[190, 45], [110, 45]], [[112, 45], [105, 130], [140, 118], [180, 128], [200, 165], [195, 210], [160, 238], [115, 238], [90, 220]]],
    [[[200, 40], [110, 40], [105, 120], [150, 110], [190, 130], [200, 175], [185, 220], [145, 240], [100, 230]]],
  ],
  [
    [[[180, 45], [140, 60], [110, 100], [95, 150], [100, 200], [130, 235], [170, 232], [195, 200], [190, 160], [160, 140], [125, 145], [102, 175]]],
    [[[190, 30], [100, 170], [95, 200], [115, 235], [155, 240], [185, 215], [185, 180], [160, 160], [125, 162], [100, 185]]],
  ],
  [
    [[[85, 50], [200, 48], [170, 100], [140, 160], [120, 240]]],
    [[[80, 40], [200, 40], [120, 240]], [[110, 140], [190, 140]]],
  ],
  [
    [[[185, 70], [160, 40], [120, 42], [100, 70], [115, 110], [160, 140], [190, 180], [180, 225], [140, 240], [100, 225], [92, 185], [120, 145], [165, 110], [188, 80], [185, 70]]],
    [[[140, 40], [105, 55], [105, 100], [140, 120], [175, 100], [175, 55], [140, 40]], [[140, 120], [100, 140], [90, 190], [110, 230], [150, 240], [185, 215], [190, 170], [170, 135], [140, 120]]],
  ],
  [
    [[[190, 80], [165, 50], [125, 48], [98, 75], [100, 110], [130, 130], [170, 120], [192, 85], [188, 140], [182, 200], [178, 245]]],
    [[[185, 70], [160, 45], [120, 45], [100, 75], [110, 110], [145, 120], [180, 100], [190, 70], [190, 150], [180, 210], [150, 240], [110, 235]]],
  ],
];

const strokes = (d: Drawing): Stroke[] => d.map((s) => s.map(([x, y]) => ({ x, y })));

function dist2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += (a[i] - b[i]) ** 2;
  return d;
}

describe('digits: mouse drawings look like generated digits', () => {
  const rng = new Rng(2024);
  const train = Array.from({ length: 3000 }, (_, i) => generateDigit(rng, i % 10));
  const means = Array.from({ length: 10 }, () => new Float64Array(784));
  for (const { image, label } of train) for (let i = 0; i < 784; i++) means[label][i] += image[i] / 300;

  const cases = DRAWINGS.flatMap((styles, label) => styles.map((d, style) => ({ label, style, image: normalizeDrawing(strokes(d)) })));

  it.each(cases)('recognises hand-drawn $label (style $style)', ({ label, image }) => {
    const nearest = train.reduce((best, s) => (dist2(image, s.image) < dist2(image, best.image) ? s : best));
    const d = means.map((m) => dist2(image, m));
    expect(nearest.label, toAscii(image)).toBe(label);
    expect(d.indexOf(Math.min(...d)), toAscii(image)).toBe(label);
  });
});
