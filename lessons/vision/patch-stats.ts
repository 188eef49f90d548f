/** Small measurements on the ViT's vectors: row lengths and cosine similarities. */

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

/** Cosine similarity of row `a` with every row of a (rows, cols) matrix. */
export function cosinesWith(m: Float32Array, rows: number, cols: number, a: number): Float32Array {
  const norms = rowNorms(m, rows, cols);
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += m[a * cols + c] * m[r * cols + c];
    const n = norms[a] * norms[r];
    out[r] = n > 0 ? s / n : 0;
  }
  return out;
}
