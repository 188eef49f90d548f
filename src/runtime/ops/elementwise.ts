/**
 * Elementwise arithmetic with broadcasting of a trailing-shape operand
 * (a bias (D) or (1, D) onto (N, D), a (T, T) mask onto itself), each backward beside its forward.
 */
import { makeResult, gradOf } from '../autograd.ts';
import { Tensor, ShapeError, shapeStr, sameShape } from '../tensor.ts';

/**
 * How many times b repeats across a: b must equal a's trailing dims (leading 1s in b ignored).
 * Broadcasting is one-way (b onto a) because that is all the models need, and it keeps
 * every backward a simple strided sum.
 */
function repeatsOf(op: string, a: Tensor, b: Tensor): number {
  if (sameShape(a.shape, b.shape)) return 1;
  const bDims = [...b.shape];
  while (bDims.length > 0 && bDims[0] === 1) bDims.shift();
  const tail = a.shape.slice(a.shape.length - bDims.length);
  if (bDims.length > a.shape.length || !sameShape(tail, bDims) || b.size === 0) {
    throw new ShapeError(`${op}: ${shapeStr(a.shape)} and ${shapeStr(b.shape)} do not broadcast`);
  }
  return a.size / b.size;
}

/** a + b, with b broadcast over a's leading dims. */
export function add(a: Tensor, b: Tensor): Tensor {
  const reps = repeatsOf('add', a, b);
  const n = b.size;
  const out = new Float32Array(a.size);
  for (let r = 0, o = 0; r < reps; r++) for (let i = 0; i < n; i++, o++) out[o] = a.data[o] + b.data[i];
  return makeResult('add', out, a.shape, [a, b], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      for (let i = 0; i < g.length; i++) ga[i] += g[i];
    }
    if (b.requiresGrad) {
      const gb = gradOf(b);
      for (let r = 0, o = 0; r < reps; r++) for (let i = 0; i < n; i++, o++) gb[i] += g[o];
    }
  });
}

/** a - b, with b broadcast over a's leading dims. */
export function sub(a: Tensor, b: Tensor): Tensor {
  const reps = repeatsOf('sub', a, b);
  const n = b.size;
  const out = new Float32Array(a.size);
  for (let r = 0, o = 0; r < reps; r++) for (let i = 0; i < n; i++, o++) out[o] = a.data[o] - b.data[i];
  return makeResult('sub', out, a.shape, [a, b], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      for (let i = 0; i < g.length; i++) ga[i] += g[i];
    }
    if (b.requiresGrad) {
      const gb = gradOf(b);
      for (let r = 0, o = 0; r < reps; r++) for (let i = 0; i < n; i++, o++) gb[i] -= g[o];
    }
  });
}

/** a * b elementwise (Hadamard), with b broadcast over a's leading dims. */
export function mul(a: Tensor, b: Tensor): Tensor {
  const reps = repeatsOf('mul', a, b);
  const n = b.size;
  const out = new Float32Array(a.size);
  for (let r = 0, o = 0; r < reps; r++) for (let i = 0; i < n; i++, o++) out[o] = a.data[o] * b.data[i];
  return makeResult('mul', out, a.shape, [a, b], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      for (let r = 0, o = 0; r < reps; r++) for (let i = 0; i < n; i++, o++) ga[o] += g[o] * b.data[i];
    }
    if (b.requiresGrad) {
      const gb = gradOf(b);
      for (let r = 0, o = 0; r < reps; r++) for (let i = 0; i < n; i++, o++) gb[i] += g[o] * a.data[o];
    }
  });
}

/** a * s for a constant s. */
export function scale(a: Tensor, s: number): Tensor {
  const out = new Float32Array(a.size);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] * s;
  return makeResult('scale', out, a.shape, [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < g.length; i++) ga[i] += g[i] * s;
  });
}

/** Sum of all values, as a one-element tensor. */
export function sum(a: Tensor): Tensor {
  let s = 0;
  for (let i = 0; i < a.size; i++) s += a.data[i];
  return makeResult('sum', Float32Array.of(s), [], [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < ga.length; i++) ga[i] += g[0];
  });
}

/** Mean of all values, as a one-element tensor. */
export function mean(a: Tensor): Tensor {
  if (a.size === 0) throw new ShapeError('mean: empty tensor');
  return scale(sum(a), 1 / a.size);
}
