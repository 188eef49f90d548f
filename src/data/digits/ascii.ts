/**
 * Text pictures of 28x28 digit images, for test failures and a quick look in a terminal.
 */
import { FRAME } from './raster.ts';

const RAMP = ' .:-=+*#%@';

/** One line per row, one character per pixel, darker characters for more ink. */
export function toAscii(image: Float32Array, side = FRAME): string {
  const rows: string[] = [];
  for (let r = 0; r < side; r++) {
    let row = '';
    for (let c = 0; c < side; c++) {
      const v = Math.min(1, Math.max(0, image[r * side + c]));
      row += RAMP[Math.min(RAMP.length - 1, Math.floor(v * RAMP.length))];
    }
    rows.push(row);
  }
  return rows.join('\n');
}

/** Several images side by side, separated by `gap` spaces, e.g. one sample per digit. */
export function toAsciiRow(images: readonly Float32Array[], gap = 2): string {
  const pictures = images.map((im) => toAscii(im).split('\n'));
  return Array.from({ length: FRAME }, (_, r) => pictures.map((p) => p[r]).join(' '.repeat(gap))).join('\n');
}
