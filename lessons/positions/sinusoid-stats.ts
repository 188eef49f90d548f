/**
 * What the sinusoidal step figures measure on the matrix from src/models/positional.ts:
 * the wavelengths of its columns, the dot products between its rows, and how exactly those
 * dot products depend on the distance between positions alone.
 */
import { sinusoidalEncoding, sinusoidalWavelength } from '../../src/models/positional.ts';

/** Sizes the sliders allow: the lesson's matrix is at most 100 positions x 512 dimensions. */
export const MAX_POSITIONS = 100;
export const MAX_DIMS = 512;

/** The (P, d) sinusoidal matrix as a flat row-major array, sizes clamped to the sliders' range. */
export function sinusoidMatrix(positions: number, d: number): Float32Array {
  const P = Math.min(MAX_POSITIONS, Math.max(1, Math.round(positions)));
  const D = Math.min(MAX_DIMS, Math.max(2, 2 * Math.round(d / 2))); // whole sin/cos pairs
  return sinusoidalEncoding(P, D).data;
}

/** Wavelength in positions of each sin/cos pair i = 0 .. d/2 - 1 (dimensions 2i and 2i + 1). */
export function pairWavelengths(d: number): number[] {
  return Array.from({ length: Math.ceil(d / 2) }, (_, i) => sinusoidalWavelength(i, d));
}

/** Column `col` of a (rows, cols) row-major matrix. */
export function column(m: Float32Array, rows: number, cols: number, col: number): Float32Array {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = m[r * cols + col];
  return out;
}

/** Dot products between every pair of rows: (rows, rows), entry (p, q) = row p . row q. */
export function rowDots(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * rows);
  for (let p = 0; p < rows; p++) {
    for (let q = p; q < rows; q++) {
      let s = 0;
      for (let k = 0; k < cols; k++) s += m[p * cols + k] * m[q * cols + k];
      out[p * rows + q] = s;
      out[q * rows + p] = s;
    }
  }
  return out;
}

/** Cosine similarities between rows: rowDots divided by both rows' lengths (0 for a zero row). */
export function rowCosines(m: Float32Array, rows: number, cols: number): Float32Array {
  const dots = rowDots(m, rows, cols);
  const norms = Array.from({ length: rows }, (_, p) => Math.sqrt(dots[p * rows + p]));
  return dots.map((v, k) => {
    const n = norms[Math.floor(k / rows)] * norms[k % rows];
    return n > 0 ? v / n : 0;
  });
}

/** Length of each row of a (rows, cols) matrix. */
export function rowNorms(m: Float32Array, rows: number, cols: number): number[] {
  return Array.from({ length: rows }, (_, r) => {
    let s = 0;
    for (let k = 0; k < cols; k++) s += m[r * cols + k] ** 2;
    return Math.sqrt(s);
  });
}

/**
 * How far a (P, P) matrix is from depending on q - p alone: the largest difference between
 * an entry and the first entry of its diagonal. 0 (up to rounding) for a Toeplitz matrix.
 */
export function diagonalSpread(s: Float32Array, P: number): number {
  let worst = 0;
  for (let p = 0; p < P; p++) {
    for (let q = 0; q < P; q++) {
      const base = q >= p ? s[q - p] : s[(p - q) * P]; // (0, q - p) or (p - q, 0)
      worst = Math.max(worst, Math.abs(s[p * P + q] - base));
    }
  }
  return worst;
}

/**
 * The dot product of two sinusoidal position vectors k positions apart, for even d, in
 * closed form: each pair gives sin a sin b + cos a cos b = cos(a - b), so the sum is
 * sum_i cos(k * w_i) with w_i = 10000^(-2i/d), whatever the two positions are.
 */
export function dotAtOffset(k: number, d: number): number {
  if (d % 2 !== 0) throw new RangeError(`dotAtOffset: d = ${d} is odd; the closed form needs whole sin/cos pairs`);
  let s = 0;
  for (let i = 0; i < d / 2; i++) s += Math.cos(k / Math.pow(10000, (2 * i) / d));
  return s;
}
