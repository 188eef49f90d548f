/**
 * A picture made into a ViT's input, as Hugging Face's ViTImageProcessor does it: resized to
 * image_size x image_size (bilinear, antialiased when shrinking, as PIL resamples; the aspect
 * ratio is not kept), rescaled by 1/255, then normalised per channel with image_mean and
 * image_std (0.5 and 0.5 when the checkpoint gives none, the processor's defaults). Pure:
 * the page decodes the file, the model worker calls this with the model's own sizes.
 */

/** An 8-bit RGB picture, row-major, three bytes a pixel. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** Per-channel statistics the pixels are normalised with: (v / 255 - mean) / std. */
export interface ImageStats {
  mean: readonly number[];
  std: readonly number[];
}

/** ViTImageProcessor's defaults (IMAGENET_STANDARD_MEAN / _STD), used by google/vit-base-patch16-224 too. */
export const VIT_DEFAULT_STATS: ImageStats = { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] };

/** Largest side the worker accepts: the page decodes pictures far smaller than this. */
export const MAX_RGB_SIDE = 4096;

/** Checks an RgbImage's sizes against its bytes; throws a message a student can act on. */
export function checkRgbImage(img: RgbImage): void {
  const { width: w, height: h } = img;
  if (!Number.isInteger(w) || !Number.isInteger(h) || w < 1 || h < 1) throw new RangeError(`image: ${w} x ${h} is not a picture size`);
  if (w > MAX_RGB_SIDE || h > MAX_RGB_SIDE) throw new RangeError(`image: ${w} x ${h} is larger than ${MAX_RGB_SIDE} pixels a side`);
  if (img.rgb.length !== w * h * 3) throw new RangeError(`image: ${img.rgb.length} bytes for ${w} x ${h} RGB (expected ${w * h * 3})`);
}

/**
 * The taps of a 1-D triangle filter from `from` samples to `to` (PIL's bilinear): pixel
 * centres aligned (half-pixel offsets), the support widened by the scale when shrinking so
 * every source pixel counts. taps[i] lists [source index, weight] with weights summing to 1.
 */
export function bilinearTaps(from: number, to: number): [number, number][][] {
  const scale = from / to;
  const support = Math.max(1, scale);
  return Array.from({ length: to }, (_, i) => {
    const centre = (i + 0.5) * scale;
    const lo = Math.max(0, Math.floor(centre - support));
    const hi = Math.min(from, Math.ceil(centre + support));
    const taps: [number, number][] = [];
    let total = 0;
    for (let j = lo; j < hi; j++) {
      const w = Math.max(0, 1 - Math.abs((j + 0.5 - centre) / support));
      if (w > 0) {
        taps.push([j, w]);
        total += w;
      }
    }
    return taps.map(([j, w]) => [j, w / total] as [number, number]);
  });
}

/** `img` resized to width x height (rows first, then columns), rounded back to bytes. */
export function resizeRgb(img: RgbImage, width: number, height: number): RgbImage {
  checkRgbImage(img);
  if (img.width === width && img.height === height) return img;
  const xs = bilinearTaps(img.width, width);
  const ys = bilinearTaps(img.height, height);
  const rows = new Float32Array(img.height * width * 3); // (H_in, W_out, 3)
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < width; x++) {
      for (const [j, w] of xs[x]) {
        for (let c = 0; c < 3; c++) rows[(y * width + x) * 3 + c] += w * img.rgb[(y * img.width + j) * 3 + c];
      }
    }
  }
  const out = new Uint8Array(width * height * 3); // (H_out, W_out, 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width * 3; x++) {
      let v = 0;
      for (const [i, w] of ys[y]) v += w * rows[i * width * 3 + x];
      out[y * width * 3 + x] = Math.min(255, Math.max(0, Math.round(v)));
    }
  }
  return { width, height, rgb: out };
}

/**
 * The model's input: `img` resized to size x size, rescaled and normalised, flat (C, H, W)
 * as patchify reads it. A one-channel model reads the mean of R, G and B.
 */
export function pixelValues(img: RgbImage, cfg: { imageSize: number; channels: number }, stats: ImageStats = VIT_DEFAULT_STATS): Float32Array {
  const { imageSize: S, channels: C } = cfg;
  if (C !== 1 && C !== 3) throw new RangeError(`image: a model with ${C} channels cannot read an RGB picture`);
  const r = resizeRgb(img, S, S);
  const out = new Float32Array(C * S * S);
  for (let c = 0; c < C; c++) {
    const mean = stats.mean[c] ?? stats.mean[0];
    const std = stats.std[c] ?? stats.std[0];
    for (let i = 0; i < S * S; i++) {
      const byte = C === 1 ? (r.rgb[i * 3] + r.rgb[i * 3 + 1] + r.rgb[i * 3 + 2]) / 3 : r.rgb[i * 3 + c];
      out[c * S * S + i] = (byte / 255 - mean) / std;
    }
  }
  return out;
}

/** Reads mean and std from a preprocessor_config.json's text; the defaults when absent or malformed. */
export function statsFromPreprocessor(json: string | null): { stats: ImageStats; fromFile: boolean } {
  if (json === null) return { stats: VIT_DEFAULT_STATS, fromFile: false };
  try {
    const p = JSON.parse(json) as { image_mean?: unknown; image_std?: unknown; do_normalize?: unknown };
    if (p.do_normalize === false) return { stats: { mean: [0, 0, 0], std: [1, 1, 1] }, fromFile: true };
    const ok = (v: unknown, positive: boolean): v is number[] =>
      Array.isArray(v) && v.length >= 1 && v.length <= 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && (!positive || x > 0));
    if (ok(p.image_mean, false) && ok(p.image_std, true)) return { stats: { mean: p.image_mean, std: p.image_std }, fromFile: true };
  } catch {
    // A malformed file: fall back to the processor's defaults, as below.
  }
  return { stats: VIT_DEFAULT_STATS, fromFile: false };
}

/** A grayscale image in [0, 1] (1 = white), side x side, as an RgbImage: the drawing pad's digit. */
export function grayToRgb(gray: Float32Array, side: number): RgbImage {
  if (gray.length !== side * side) throw new RangeError(`image: ${gray.length} values for ${side} x ${side}`);
  const rgb = new Uint8Array(side * side * 3);
  gray.forEach((v, i) => rgb.fill(Math.round(255 * Math.min(1, Math.max(0, v))), i * 3, i * 3 + 3));
  return { width: side, height: side, rgb };
}

/**
 * An RgbImage as job arguments: the bytes as base64, because the page's job hook compares
 * arguments through JSON, where a typed array would turn into an object of numbers.
 */
export interface WireRgbImage {
  width: number;
  height: number;
  base64: string;
}

export function rgbToWire(img: RgbImage): WireRgbImage {
  let s = '';
  for (let i = 0; i < img.rgb.length; i += 0x8000) s += String.fromCharCode(...img.rgb.subarray(i, i + 0x8000));
  return { width: img.width, height: img.height, base64: btoa(s) };
}

export function rgbFromWire(w: WireRgbImage): RgbImage {
  if (typeof w?.base64 !== 'string') throw new TypeError('image: no picture was sent');
  let s: string;
  try {
    s = atob(w.base64);
  } catch {
    throw new TypeError('image: the picture bytes are not base64');
  }
  const img = { width: w.width, height: w.height, rgb: Uint8Array.from(s, (ch) => ch.charCodeAt(0)) };
  checkRgbImage(img);
  return img;
}
