/** Small measurements on the ViT's vectors: row lengths and cosine similarities. */
import { cosine } from '../../src/runtime/index.ts';

/** Length of each row of a (rows, cols) row-major matrix. */
export function rowNorms(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += m[r * cols + c] ** 2;
    out[r] = Math.sqrt(s);
  }
  return out;
}

/** Cosine similarity of row `a` with every row of a (rows, cols) matrix (0 against a zero row). */
export function cosinesWith(m: Float32Array, rows: number, cols: number, a: number): Float32Array {
  const row = (r: number) => m.subarray(r * cols, (r + 1) * cols);
  return Float32Array.from({ length: rows }, (_, r) => cosine(row(a), row(r)));
}
