/**
 * The one data type of the runtime: a flat Float32Array in row-major order plus a shape.
 *
 * Autograd fields live on the tensor itself (as in micrograd): `parents` are the inputs of the
 * op that made it and `backwardFn` pushes `grad` into their grads. Ops build these through
 * `makeResult` in autograd.ts; user code rarely touches them.
 */
export type Shape = readonly number[];

/** Thrown by every op whose inputs have shapes that do not fit together. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

export function shapeStr(shape: Shape): string {
  return `(${shape.join(', ')})`;
}

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new ShapeError(`invalid shape ${shapeStr(shape)}`);
    n *= d;
  }
  return n;
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export class Tensor {
  readonly data: Float32Array;
  readonly shape: Shape;
  /** Gradient of the loss with respect to this tensor, filled by backward(). */
  grad: Float32Array | null = null;
  requiresGrad: boolean;
  /** Inputs of the op that produced this tensor (empty for leaves). */
  parents: readonly Tensor[] = [];
  /** Accumulates this.grad into the parents' grads; null for leaves. */
  backwardFn: (() => void) | null = null;
  /** Name of the op that produced it, for error messages and debugging. */
  op = 'leaf';

  constructor(data: Float32Array, shape: Shape, requiresGrad = false) {
    const n = sizeOf(shape);
    if (data.length !== n) {
      throw new ShapeError(`tensor: ${data.length} values do not fill shape ${shapeStr(shape)}`);
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.requiresGrad = requiresGrad;
  }

  static zeros(shape: Shape, requiresGrad = false): Tensor {
    return new Tensor(new Float32Array(sizeOf(shape)), shape, requiresGrad);
  }

  static full(shape: Shape, value: number): Tensor {
    return new Tensor(new Float32Array(sizeOf(shape)).fill(value), shape);
  }

  /** Builds a tensor from nested arrays or a flat list plus a shape. */
  static from(values: ArrayLike<number> | number[][], shape?: Shape, requiresGrad = false): Tensor {
    if (shape) return new Tensor(Float32Array.from(values as ArrayLike<number>), shape, requiresGrad);
    const rows = values as number[][];
    if (rows.length > 0 && Array.isArray(rows[0])) {
      const cols = rows[0].length;
      if (rows.some((r) => r.length !== cols)) throw new ShapeError('tensor: ragged nested array');
      return new Tensor(Float32Array.from(rows.flat()), [rows.length, cols], requiresGrad);
    }
    const flat = Float32Array.from(values as ArrayLike<number>);
    return new Tensor(flat, [flat.length], requiresGrad);
  }

  get size(): number {
    return this.data.length;
  }

  get rank(): number {
    return this.shape.length;
  }

  /** Rows and columns of a rank-2 tensor; throws with the op name otherwise. */
  dims2(op: string): [number, number] {
    if (this.shape.length !== 2) {
      throw new ShapeError(`${op}: expected a matrix, got shape ${shapeStr(this.shape)}`);
    }
    return [this.shape[0], this.shape[1]];
  }

  /** The single value of a one-element tensor (a loss, say). */
  item(): number {
    if (this.size !== 1) throw new ShapeError(`item: tensor of shape ${shapeStr(this.shape)} has ${this.size} values`);
    return this.data[0];
  }

  /** Value at a multi-index, checked. */
  at(...index: number[]): number {
    if (index.length !== this.shape.length) {
      throw new ShapeError(`at: ${index.length} indices for shape ${shapeStr(this.shape)}`);
    }
    let flat = 0;
    for (let i = 0; i < index.length; i++) {
      const ix = index[i];
      if (!Number.isInteger(ix) || ix < 0 || ix >= this.shape[i]) {
        throw new RangeError(`at: index ${ix} out of range for dim ${i} of ${shapeStr(this.shape)}`);
      }
      flat = flat * this.shape[i] + ix;
    }
    return this.data[flat];
  }

  /** A copy of row i of a matrix as a plain Float32Array. */
  row(i: number): Float32Array {
    const [rows, cols] = this.dims2('row');
    if (i < 0 || i >= rows) throw new RangeError(`row: ${i} out of range for ${rows} rows`);
    return this.data.slice(i * cols, (i + 1) * cols);
  }

  /** Nested plain arrays, for JSON and tests. */
  toNested(): unknown {
    const build = (offset: number, dim: number): unknown => {
      if (dim === this.shape.length) return this.data[offset];
      const stride = this.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
      return Array.from({ length: this.shape[dim] }, (_, i) => build(offset + i * stride, dim + 1));
    };
    return this.shape.length === 0 ? this.data[0] : build(0, 0);
  }

  /** Same values, cut off from the graph. Shares the data array. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape);
  }

  clone(): Tensor {
    return new Tensor(this.data.slice(), this.shape, this.requiresGrad);
  }

  toString(): string {
    return `Tensor${shapeStr(this.shape)}[${this.op}]`;
  }
}
