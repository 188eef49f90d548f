/**
 * Writes a grid of generated digits to look at: one row per digit, `cols` samples each,
 * white ink on black like MNIST, as a grayscale PNG (or a binary PGM when the name ends in
 * .pgm). Also prints one sample of each digit as ASCII.
 *
 *   node --import tsx scripts/digits-preview.ts [seed] [cols] [out.png] [scale]
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { Rng } from '../src/runtime/index.ts';
import { FRAME, generateDigit, toAsciiRow } from '../src/data/digits/index.ts';

const seed = Number(process.argv[2] ?? 1);
const cols = Number(process.argv[3] ?? 10);
const out = process.argv[4] ?? '/tmp/digits-preview.png';
const scale = Number(process.argv[5] ?? 3);

const rng = new Rng(seed);
const cell = FRAME + 2; // a 2-pixel grey gutter between samples
const width = cols * cell * scale;
const height = 10 * cell * scale;
const pixels = new Uint8Array(width * height).fill(60);
const firsts: Float32Array[] = [];

for (let d = 0; d < 10; d++) {
  for (let k = 0; k < cols; k++) {
    const { image } = generateDigit(rng, d);
    if (k === 0) firsts.push(image);
    for (let r = 0; r < FRAME * scale; r++) {
      for (let c = 0; c < FRAME * scale; c++) {
        const v = image[Math.floor(r / scale) * FRAME + Math.floor(c / scale)];
        pixels[(d * cell * scale + r) * width + k * cell * scale + c] = Math.round(v * 255);
      }
    }
  }
}

writeFileSync(out, out.endsWith('.pgm') ? pgm(pixels, width, height) : png(pixels, width, height));
console.log(toAsciiRow(firsts.slice(0, 5)));
console.log(toAsciiRow(firsts.slice(5)));
console.log(`wrote ${out} (${width}x${height}, rows = digits 0-9)`);

function pgm(gray: Uint8Array, w: number, h: number): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${w} ${h}\n255\n`), Buffer.from(gray)]);
}

/** Minimal 8-bit grayscale PNG: signature, IHDR, one zlib IDAT, IEND. */
function png(gray: Uint8Array, w: number, h: number): Buffer {
  const raw = Buffer.alloc((w + 1) * h);
  for (let r = 0; r < h; r++) raw.set(gray.subarray(r * w, (r + 1) * w), r * (w + 1) + 1); // filter byte 0
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, grayscale, default compression/filter, no interlace
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
