/**
 * The matrix and vector inputs the figures accept, and their one conversion to a checked grid.
 * A figure may be handed nested arrays (from a lesson's data), a flat Float32Array (a weights
 * buffer sliced from a trace) or a runtime Tensor; all three meet here so that a shape mistake
 * fails loudly with the shapes involved instead of drawing a wrong picture.
 */

/** Anything with a flat buffer and a shape: the runtime's Tensor fits without importing it. */
export interface TensorLike {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
}

/** A rows x cols matrix: nested rows, a flat row-major buffer, or a 2-D tensor. */
export type MatrixInput = readonly (readonly number[])[] | Float32Array | TensorLike;

/** A vector: plain numbers, a typed array, or a 1-D tensor. */
export type VectorInput = readonly number[] | Float32Array | TensorLike;

/** A checked matrix with O(1) access, as every figure reads it. */
export interface Grid {
  readonly rows: number;
  readonly cols: number;
  at(i: number, j: number): number;
  row(i: number): number[];
  /** Smallest and largest finite entries ([0, 0] for an empty grid). */
  extent(): [number, number];
}

function isTensorLike(v: unknown): v is TensorLike {
  return typeof v === 'object' && v !== null && 'shape' in v && 'data' in v;
}

/**
 * Checks a matrix against the expected shape and wraps it as a Grid. `rows`/`cols` are needed
 * for a flat buffer (they usually come from the token lists) and checked for the other inputs.
 * `who` names the figure in the error message.
 */
export function toGrid(values: MatrixInput, rows?: number, cols?: number, who = 'viz'): Grid {
  let flat: ArrayLike<number>;
  let r: number;
  let c: number;
  if (isTensorLike(values)) {
    if (values.shape.length !== 2) throw new Error(`${who}: expected a 2-D tensor, got shape (${values.shape.join(', ')})`);
    [r, c] = values.shape;
    flat = values.data;
  } else if (values instanceof Float32Array) {
    if (rows === undefined || cols === undefined) throw new Error(`${who}: a flat Float32Array needs rows and cols`);
    if (values.length !== rows * cols) {
      throw new Error(`${who}: ${values.length} values do not fill (${rows}, ${cols}) = ${rows * cols}`);
    }
    [r, c, flat] = [rows, cols, values];
  } else {
    r = values.length;
    c = r > 0 ? values[0].length : (cols ?? 0);
    const ragged = values.findIndex((row) => row.length !== c);
    if (ragged >= 0) throw new Error(`${who}: row ${ragged} has ${values[ragged].length} values, row 0 has ${c}`);
    const buf = new Float64Array(r * c);
    values.forEach((row, i) => buf.set(row, i * c));
    flat = buf;
  }
  if ((rows !== undefined && rows !== r) || (cols !== undefined && cols !== c)) {
    throw new Error(`${who}: values are (${r}, ${c}) but the labels say (${rows ?? r}, ${cols ?? c})`);
  }
  return {
    rows: r,
    cols: c,
    at: (i, j) => flat[i * c + j],
    row: (i) => Array.from({ length: c }, (_, j) => flat[i * c + j]),
    extent: () => {
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = 0; k < r * c; k++) {
        const v = flat[k];
        if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      }
      return lo <= hi ? [lo, hi] : [0, 0];
    },
  };
}

/** A vector as plain numbers; a tensor must be 1-D (or 2-D with one row). */
export function toVector(values: VectorInput, who = 'viz'): number[] {
  if (isTensorLike(values)) {
    const s = values.shape;
    if (!(s.length === 1 || (s.length === 2 && s[0] === 1))) throw new Error(`${who}: expected a vector, got shape (${s.join(', ')})`);
    return Array.from(values.data);
  }
  return Array.from(values);
}

/** Side length of a square flat buffer (T x T attention), or an error naming its length. */
export function squareSide(values: MatrixInput, who = 'viz'): number {
  if (isTensorLike(values)) return values.shape[0];
  if (!(values instanceof Float32Array)) return values.length;
  const t = Math.round(Math.sqrt(values.length));
  if (t * t !== values.length) throw new Error(`${who}: ${values.length} values are not a square matrix`);
  return t;
}
