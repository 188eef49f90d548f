// @vitest-environment node
/**
 * Lesson 7's picture preprocessing, on pictures small enough to work out by hand: the
 * resize is PIL's bilinear (half-pixel centres, the triangle widened when shrinking), values
 * are rescaled by 1/255 and normalised per channel, laid out (C, H, W); preprocessor files,
 * the job's wire form, id2label and the top classes.
 */
import { describe, expect, it } from 'vitest';
import {
  bilinearTaps, grayToRgb, pixelValues, resizeRgb, rgbFromWire, rgbToWire, statsFromPreprocessor, VIT_DEFAULT_STATS, type RgbImage,
} from '../../src/models/vit-image.ts';
import { classLabels, meanMap, softmaxVector, topClasses } from '../../src/models/vit-probe.ts';

const rgb = (width: number, height: number, bytes: number[]): RgbImage => ({ width, height, rgb: Uint8Array.from(bytes) });

describe('pixelValues', () => {
  it('rescales and normalises a 2 x 2 picture at the model\'s size, channel planes first', () => {
    // Pixels: red, green / blue, gray 51.
    const img = rgb(2, 2, [255, 0, 0, 0, 255, 0, 0, 0, 255, 51, 51, 51]);
    const v = pixelValues(img, { imageSize: 2, channels: 3 });
    // (x / 255 - 0.5) / 0.5: 255 -> 1, 0 -> -1, 51 -> -0.6.
    expect(Array.from(v)).toEqual([1, -1, -1, -0.6, -1, 1, -1, -0.6, -1, -1, 1, -0.6].map((x) => expect.closeTo(x, 6)));
  });

  it('uses the checkpoint\'s mean and std per channel, and the mean of R, G, B for a one-channel model', () => {
    const img = rgb(1, 1, [255, 102, 0]);
    const stats = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };
    const v = pixelValues(img, { imageSize: 1, channels: 3 }, stats);
    expect(v[0]).toBeCloseTo((1 - 0.485) / 0.229, 5);
    expect(v[1]).toBeCloseTo((0.4 - 0.456) / 0.224, 5);
    expect(v[2]).toBeCloseTo((0 - 0.406) / 0.225, 5);
    expect(pixelValues(img, { imageSize: 1, channels: 1 })[0]).toBeCloseTo((119 / 255 - 0.5) / 0.5, 5);
    expect(() => pixelValues(img, { imageSize: 1, channels: 4 })).toThrow(/4 channels/);
  });

  it('resizes a one-pixel picture to a uniform one', () => {
    const v = pixelValues(rgb(1, 1, [255, 0, 128]), { imageSize: 3, channels: 3 });
    expect(Array.from(v.slice(0, 9))).toEqual(Array(9).fill(1));
    expect(Array.from(v.slice(9, 18))).toEqual(Array(9).fill(-1));
    expect(v[18]).toBeCloseTo(128 / 255 * 2 - 1, 6);
  });
});

describe('resizeRgb', () => {
  it('enlarges with half-pixel centres, as PIL does: 2 -> 4 gives a, 3a/4 + b/4, a/4 + 3b/4, b', () => {
    const img = rgb(2, 1, [0, 0, 0, 200, 200, 200]);
    const r = resizeRgb(img, 4, 1);
    expect(Array.from(r.rgb).filter((_, i) => i % 3 === 0)).toEqual([0, 50, 150, 200]);
  });

  it('shrinks with a widened triangle, so every source pixel counts: 4 -> 2', () => {
    const row = [0, 40, 80, 240];
    const r = resizeRgb(rgb(4, 1, row.flatMap((v) => [v, v, v])), 2, 1);
    // Taps for output 0: pixels 0, 1, 2 with weights 0.75, 0.75, 0.25 (over 1.75); mirrored for output 1.
    expect(r.rgb[0]).toBe(Math.round((0.75 * 0 + 0.75 * 40 + 0.25 * 80) / 1.75));
    expect(r.rgb[3]).toBe(Math.round((0.25 * 40 + 0.75 * 80 + 0.75 * 240) / 1.75));
    expect(bilinearTaps(4, 2)[0].map(([j]) => j)).toEqual([0, 1, 2]);
  });

  it('keeps a uniform picture uniform whatever the sizes, and its taps sum to 1', () => {
    const img = rgb(7, 5, Array(7 * 5 * 3).fill(77));
    expect(new Set(resizeRgb(img, 16, 3).rgb)).toEqual(new Set([77]));
    for (const taps of bilinearTaps(37, 16)) expect(taps.reduce((s, [, w]) => s + w, 0)).toBeCloseTo(1, 6);
  });

  it('refuses sizes that do not match the bytes', () => {
    expect(() => resizeRgb(rgb(2, 2, [1, 2, 3]), 4, 4)).toThrow(/3 bytes for 2 x 2 RGB \(expected 12\)/);
    expect(() => resizeRgb(rgb(0, 2, []), 4, 4)).toThrow(/not a picture size/);
  });
});

describe('the picture around it', () => {
  it('reads preprocessor_config.json, falling back to 0.5 / 0.5', () => {
    expect(statsFromPreprocessor(null)).toEqual({ stats: VIT_DEFAULT_STATS, fromFile: false });
    expect(statsFromPreprocessor('{"image_mean":[0.1,0.2,0.3],"image_std":[1,2,3]}')).toEqual({ stats: { mean: [0.1, 0.2, 0.3], std: [1, 2, 3] }, fromFile: true });
    expect(statsFromPreprocessor('{"image_mean":[0.1],"image_std":[0]}').fromFile).toBe(false);
    expect(statsFromPreprocessor('not json').stats).toBe(VIT_DEFAULT_STATS);
    expect(statsFromPreprocessor('{"do_normalize":false}').stats).toEqual({ mean: [0, 0, 0], std: [1, 1, 1] });
  });

  it('sends pictures as base64 and back unchanged', () => {
    const img = rgb(3, 2, [0, 1, 2, 3, 250, 251, 252, 253, 254, 255, 128, 127, 9, 8, 7, 6, 5, 4]);
    expect(rgbFromWire(rgbToWire(img))).toEqual(img);
    expect(() => rgbFromWire({ width: 1, height: 1, base64: '%%%' })).toThrow(/not base64/);
  });

  it('turns the pad\'s gray digit into white ink on black', () => {
    const g = grayToRgb(Float32Array.from([0, 1, 0.5, 2]), 2);
    expect(Array.from(g.rgb)).toEqual([0, 0, 0, 255, 255, 255, 128, 128, 128, 255, 255, 255]);
  });

  it('names classes from id2label, "class i" where it is silent, and ranks the top ones', () => {
    const labels = classLabels({ 0: 'tench', 2: 'shark', 3: '' }, 4);
    expect(labels).toEqual(['tench', 'class 1', 'shark', 'class 3']);
    const p = softmaxVector([1, 3, 2, 3]);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(topClasses(p, labels, 3).map((t) => t.label)).toEqual(['class 1', 'class 3', 'shark']);
    expect(Array.from(meanMap([Float32Array.from([1, 0]), Float32Array.from([1, 2])]))).toEqual([0.5, 0.5]);
  });
});
