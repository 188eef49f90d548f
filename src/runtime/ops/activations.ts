/**
 * Pointwise nonlinearities. Each is a pair (f, f') applied through one helper, so every
 * backward sits on the line below its forward.
 */
import { makeResult, gradOf } from '../autograd.ts';
import type { Tensor } from '../tensor.ts';

/**
 * Applies f elementwise; df(x, y) is the derivative at input x with output y (having y
 * spares recomputing exp/tanh for sigmoid and tanh).
 */
function pointwise(op: string, a: Tensor, f: (x: number) => number, df: (x: number, y: number) => number): Tensor {
  const out = new Float32Array(a.size);
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[i]);
  return makeResult(op, out, a.shape, [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < g.length; i++) ga[i] += g[i] * df(a.data[i], out[i]);
  });
}

/** erf by Abramowitz-Stegun 7.1.26 is only 1e-7 accurate; this series/continued fraction pair reaches float32 precision. */
export function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // Maclaurin series: converges quickly for |x| < 2.5 in double precision.
    let term = x;
    let total = x;
    const x2 = x * x;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      total += add;
      if (Math.abs(add) < 1e-17 * Math.abs(total)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * total;
  }
  // Continued fraction for erfc, accurate for larger |x|.
  let f = 0;
  for (let n = 60; n >= 1; n--) f = (n / 2) / (ax + f);
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  return x > 0 ? 1 - erfc : erfc - 1;
}

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** GELU, exact form: x * Phi(x) (BERT, ViT, PyTorch's default). */
export function gelu(a: Tensor): Tensor {
  return pointwise(
    'gelu',
    a,
    (x) => 0.5 * x * (1 + erf(x * SQRT1_2)),
    (x) => 0.5 * (1 + erf(x * SQRT1_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x),
  );
}

const GELU_C = Math.sqrt(2 / Math.PI);

/** GELU, tanh approximation (GPT-2's `gelu_new`). */
export function geluTanh(a: Tensor): Tensor {
  return pointwise(
    'geluTanh',
    a,
    (x) => 0.5 * x * (1 + Math.tanh(GELU_C * (x + 0.044715 * x * x * x))),
    (x) => {
      const t = Math.tanh(GELU_C * (x + 0.044715 * x * x * x));
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_C * (1 + 3 * 0.044715 * x * x);
    },
  );
}

function sigmoidOf(x: number): number {
  // Split by sign so exp never overflows.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export function sigmoid(a: Tensor): Tensor {
  return pointwise('sigmoid', a, sigmoidOf, (_x, y) => y * (1 - y));
}

/** SiLU / swish: x * sigmoid(x) (Llama's SwiGLU gate). */
export function silu(a: Tensor): Tensor {
  return pointwise('silu', a, (x) => x * sigmoidOf(x), (x) => {
    const s = sigmoidOf(x);
    return s * (1 + x * (1 - s));
  });
}

export function tanh(a: Tensor): Tensor {
  return pointwise('tanh', a, Math.tanh, (_x, y) => 1 - y * y);
}

export function relu(a: Tensor): Tensor {
  return pointwise('relu', a, (x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0));
}

/** Natural log, for losses on probabilities (an attention weight's -log). Inputs must be > 0. */
export function log(a: Tensor): Tensor {
  return pointwise('log', a, Math.log, (x) => 1 / x);
}
