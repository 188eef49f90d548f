/** Reshaping, slicing and joining, with gradients that route values back where they came from. */
import { makeResult, gradOf } from '../autograd.ts';
import { Tensor, ShapeError, shapeStr, sizeOf } from '../tensor.ts';

/** Same values, new shape (sizes must match). Copies, so results never alias inputs. */
export function reshape(a: Tensor, shape: readonly number[]): Tensor {
  if (sizeOf(shape) !== a.size) throw new ShapeError(`reshape: ${shapeStr(a.shape)} cannot become ${shapeStr(shape)}`);
  return makeResult('reshape', a.data.slice(), shape, [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < g.length; i++) ga[i] += g[i];
  });
}

/** Rows [start, end) of a tensor viewed as (rows, rest...). */
export function sliceRows(a: Tensor, start: number, end: number): Tensor {
  if (a.rank < 1) throw new ShapeError(`sliceRows: scalar ${shapeStr(a.shape)}`);
  const rows = a.shape[0];
  if (!(0 <= start && start <= end && end <= rows)) {
    throw new RangeError(`sliceRows: [${start}, ${end}) out of range for ${shapeStr(a.shape)}`);
  }
  const width = rows === 0 ? 0 : a.size / rows;
  const out = a.data.slice(start * width, end * width);
  return makeResult('sliceRows', out, [end - start, ...a.shape.slice(1)], [a], (g) => {
    const ga = gradOf(a);
    const off = start * width;
    for (let i = 0; i < g.length; i++) ga[off + i] += g[i];
  });
}

/** Columns [start, end) of a matrix: one head's slice of Q, K or V. */
export function sliceCols(a: Tensor, start: number, end: number): Tensor {
  const [R, C] = a.dims2('sliceCols');
  if (!(0 <= start && start <= end && end <= C)) {
    throw new RangeError(`sliceCols: [${start}, ${end}) out of range for ${shapeStr(a.shape)}`);
  }
  const w = end - start;
  const out = new Float32Array(R * w);
  for (let i = 0; i < R; i++) out.set(a.data.subarray(i * C + start, i * C + end), i * w);
  return makeResult('sliceCols', out, [R, w], [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < R; i++) for (let j = 0; j < w; j++) ga[i * C + start + j] += g[i * w + j];
  });
}

/** Stacks tensors with equal trailing dims along the first dim. */
export function concatRows(parts: readonly Tensor[]): Tensor {
  if (parts.length === 0) throw new ShapeError('concatRows: nothing to join');
  const tail = parts[0].shape.slice(1);
  for (const p of parts) {
    if (p.rank !== parts[0].rank || p.shape.slice(1).some((d, i) => d !== tail[i])) {
      throw new ShapeError(`concatRows: ${shapeStr(parts[0].shape)} and ${shapeStr(p.shape)} differ past the first dim`);
    }
  }
  const rows = parts.reduce((n, p) => n + p.shape[0], 0);
  const out = new Float32Array(parts.reduce((n, p) => n + p.size, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p.data, off);
    off += p.size;
  }
  return makeResult('concatRows', out, [rows, ...tail], parts, (g) => {
    let o = 0;
    for (const p of parts) {
      if (p.requiresGrad) {
        const gp = gradOf(p);
        for (let i = 0; i < p.size; i++) gp[i] += g[o + i];
      }
      o += p.size;
    }
  });
}

/** Joins matrices with equal row counts side by side: concatenating head outputs. */
export function concatCols(parts: readonly Tensor[]): Tensor {
  if (parts.length === 0) throw new ShapeError('concatCols: nothing to join');
  const R = parts[0].dims2('concatCols')[0];
  for (const p of parts) {
    if (p.dims2('concatCols')[0] !== R) {
      throw new ShapeError(`concatCols: ${shapeStr(parts[0].shape)} and ${shapeStr(p.shape)} have different row counts`);
    }
  }
  const C = parts.reduce((n, p) => n + p.shape[1], 0);
  const out = new Float32Array(R * C);
  let col = 0;
  for (const p of parts) {
    const w = p.shape[1];
    for (let i = 0; i < R; i++) out.set(p.data.subarray(i * w, (i + 1) * w), i * C + col);
    col += w;
  }
  return makeResult('concatCols', out, [R, C], parts, (g) => {
    let c0 = 0;
    for (const p of parts) {
      const w = p.shape[1];
      if (p.requiresGrad) {
        const gp = gradOf(p);
        for (let i = 0; i < R; i++) for (let j = 0; j < w; j++) gp[i * w + j] += g[i * C + c0 + j];
      }
      c0 += w;
    }
  });
}

/** Looks up rows of a (vocab, d) table: token or position embeddings. Backward scatters-adds. */
export function embedding(table: Tensor, ids: ArrayLike<number>): Tensor {
  const [V, D] = table.dims2('embedding');
  const n = ids.length;
  // Our own copy: the backward runs later, and callers reuse id buffers.
  const rows = Int32Array.from(ids);
  const out = new Float32Array(n * D);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (!Number.isInteger(id) || id < 0 || id >= V) {
      throw new RangeError(`embedding: id ${id} at position ${i} is outside the table of ${V} rows`);
    }
    out.set(table.data.subarray(id * D, (id + 1) * D), i * D);
  }
  return makeResult('embedding', out, [n, D], [table], (g) => {
    const gt = gradOf(table);
    for (let i = 0; i < n; i++) {
      const base = rows[i] * D;
      for (let j = 0; j < D; j++) gt[base + j] += g[i * D + j];
    }
  });
}

/**
 * Picks single elements of `a` by flat index into a (n) tensor: one attention weight per
 * sequence for a loss on it. Backward scatter-adds, so repeated indices accumulate.
 */
export function gather(a: Tensor, flatIndices: ArrayLike<number>): Tensor {
  const at = Int32Array.from(flatIndices);
  const out = new Float32Array(at.length);
  at.forEach((k, i) => {
    if (!Number.isInteger(k) || k < 0 || k >= a.size) throw new RangeError(`gather: index ${k} at ${i} is outside ${shapeStr(a.shape)}`);
    out[i] = a.data[k];
  });
  return makeResult('gather', out, [at.length], [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < at.length; i++) ga[at[i]] += g[i];
  });
}
