/**
 * A picture file the student picks or drops, read in the page and sent nowhere. Before any
 * decoding, its first bytes say what it is and how large (PNG, JPEG, GIF, WebP, BMP): a file
 * that is no picture, or one too large to decode safely (a 20000 x 20000 photo is 1.6 GB of
 * pixels), gets a message instead. Then the browser decodes it straight to at most
 * DECODE_SIDE pixels a side, which is all a ViT's 224 x 224 input needs.
 */
import type { RgbImage } from '../../src/models/vit-image.ts';

/** Files larger than this are refused before reading (a photo from a camera is a few MB). */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
/** Pictures with more pixels than this are refused before decoding. */
export const MAX_PIXELS = 50_000_000;
/** The longest side a picture is decoded to (keeping its shape): twice a ViT-base input. */
export const DECODE_SIDE = 448;
/** Bytes read to find the size: JPEG puts its size after its metadata, sometimes tens of KB in. */
export const HEAD_BYTES = 256 * 1024;

export interface PictureHeader {
  type: 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';
  /** null when the header does not say (a WebP or JPEG variant this reader does not parse). */
  width: number | null;
  height: number | null;
}

/** Thrown with a message for the student. */
export class PictureError extends Error {
  override name = 'PictureError';
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => b[i] * 2 ** 24 + (b[i + 1] << 16) + u16be(b, i + 2);
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** The size a JPEG's first start-of-frame marker gives, walking the segments; null if not found. */
function jpegSize(b: Uint8Array): [number, number] | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const length = u16be(b, i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return [u16be(b, i + 7), u16be(b, i + 5)];
    i += 2 + length;
  }
  return null;
}

function webpSize(b: Uint8Array): [number, number] | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30) return [u24le(b, 24) + 1, u24le(b, 27) + 1];
  if (chunk === 'VP8 ' && b.length >= 30) return [u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff];
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return [(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1];
  }
  return null;
}

/** What the first bytes of a file say it is, or null for anything that is not a picture this reads. */
export function sniffPicture(b: Uint8Array): PictureHeader | null {
  const size = (type: PictureHeader['type'], wh: [number, number] | null): PictureHeader => ({ type, width: wh?.[0] ?? null, height: wh?.[1] ?? null });
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return size('png', [u32be(b, 16), u32be(b, 20)]);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return size('jpeg', jpegSize(b));
  if (b.length >= 10 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return size('gif', [u16le(b, 6), u16le(b, 8)]);
  if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return size('webp', webpSize(b));
  if (b.length >= 26 && ascii(b, 0, 2) === 'BM') return size('bmp', [Math.abs(i32le(b, 18)), Math.abs(i32le(b, 22))]);
  return null;
}

/** Why a file cannot be read as a picture (its size in bytes and its first bytes), or null when it can. */
export function pictureProblem(name: string, bytes: number, head: Uint8Array): string | null {
  if (bytes === 0) return `“${name}” is empty.`;
  if (bytes > MAX_FILE_BYTES) return `“${name}” is ${(bytes / 2 ** 20).toFixed(0)} MB; pictures up to ${MAX_FILE_BYTES / 2 ** 20} MB are read here. Save a smaller copy and try that.`;
  const h = sniffPicture(head);
  if (!h) return `“${name}” is not a picture this page can read: choose a PNG, JPEG, GIF, WebP or BMP file.`;
  if (h.width !== null && h.height !== null) {
    if (h.width === 0 || h.height === 0) return `“${name}” says it is ${h.width} × ${h.height} pixels: there is nothing to read.`;
    if (h.width * h.height > MAX_PIXELS) {
      return `“${name}” is ${h.width} × ${h.height} pixels, too large to decode here (up to ${MAX_PIXELS / 1e6} million pixels). Save a smaller copy: the model reads 224 × 224 anyway.`;
    }
  }
  return null;
}

/** The side lengths that fit width x height into a side x side box, keeping the shape, never enlarging. */
export function fitInside(width: number, height: number, side: number): [number, number] {
  const k = Math.min(1, side / Math.max(width, height));
  return [Math.max(1, Math.round(width * k)), Math.max(1, Math.round(height * k))];
}

/** RGBA bytes (a canvas's ImageData) as RGB, composited over white where transparent. */
export function rgbOfRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): RgbImage {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const a = rgba[i * 4 + 3] / 255;
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(rgba[i * 4 + c] * a + 255 * (1 - a));
  }
  return { width, height, rgb };
}

/**
 * Reads a picked or dropped file into an RgbImage of at most DECODE_SIDE a side, in this page.
 * @throws PictureError with a message for the student
 */
export async function readPicture(file: File): Promise<RgbImage> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const problem = pictureProblem(file.name, file.size, head);
  if (problem) throw new PictureError(problem);
  if (typeof createImageBitmap !== 'function') throw new PictureError('This browser cannot decode pictures here (no createImageBitmap).');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new PictureError(`“${file.name}” could not be decoded: the file may be damaged, or in a format this browser does not read.`);
  }
  try {
    if (bitmap.width * bitmap.height > MAX_PIXELS) throw new PictureError(`“${file.name}” is ${bitmap.width} × ${bitmap.height} pixels, too large to read here.`);
    const [w, h] = fitInside(bitmap.width, bitmap.height, DECODE_SIDE);
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new PictureError('This browser gave no canvas to read the picture with.');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, w, h);
    return rgbOfRgba(ctx.getImageData(0, 0, w, h).data, w, h);
  } finally {
    bitmap.close();
  }
}
