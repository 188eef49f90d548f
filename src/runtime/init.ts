/** Parameter creation for models trained by the runtime. */
import type { Rng } from './rng.ts';
import { Tensor, sizeOf, type Shape } from './tensor.ts';

/** A trainable tensor drawn from N(0, std^2). */
export function normalParam(shape: Shape, std: number, rng: Rng): Tensor {
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = rng.normal() * std;
  return new Tensor(data, shape, true);
}

/** A trainable tensor drawn from U(-bound, bound) (PyTorch's default for Linear and RNN cells). */
export function uniformParam(shape: Shape, bound: number, rng: Rng): Tensor {
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = (rng.next() * 2 - 1) * bound;
  return new Tensor(data, shape, true);
}

/** A trainable tensor filled with one value (norm gains of 1, biases of 0). */
export function constParam(shape: Shape, value: number): Tensor {
  return new Tensor(new Float32Array(sizeOf(shape)).fill(value), shape, true);
}
