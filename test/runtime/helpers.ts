/**
 * Shared by the runtime tests: reading the PyTorch golden fixtures, comparing arrays within a
 * tolerance (reporting the worst element, not just "not equal"), and central-difference
 * gradient checking.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Tensor, backward, noGrad, Rng, type Shape } from '../../src/runtime/index.ts';

/** A fixture number: JSON has no infinities or NaN, so the generator writes those as strings. */
export type FixtureNumber = number | 'Infinity' | '-Infinity' | 'NaN';

export interface FixtureTensor {
  shape: number[];
  data: FixtureNumber[];
}

/** Parses test/fixtures/runtime/<name>. */
export function loadFixture<T>(name: string): T {
  const url = new URL(`../fixtures/runtime/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

export function decode(values: readonly FixtureNumber[]): Float64Array {
  return Float64Array.from(values, (v) => (typeof v === 'number' ? v : Number(v)));
}

/** A leaf tensor holding the fixture's values (float32, as torch was given them). */
export function fixtureTensor(t: FixtureTensor, requiresGrad = true): Tensor {
  return new Tensor(Float32Array.from(decode(t.data)), t.shape, requiresGrad);
}

export interface Tolerance {
  atol: number;
  rtol: number;
}

/**
 * Asserts |actual - expected| <= atol + rtol * |expected| everywhere. Non-finite expected
 * values (a masked score's -Infinity) must match exactly. On failure the message names the
 * worst element, which is what one needs to debug a kernel.
 */
export function expectClose(
  actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance, label: string,
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!Number.isFinite(e)) {
      if (!Object.is(a, e)) throw new Error(`${label}[${i}]: expected ${e}, got ${a}`);
      continue;
    }
    // Written so that a NaN in actual counts as the worst possible excess.
    const diff = Math.abs(a - e);
    const excess = Number.isNaN(diff) ? Infinity : diff - (tol.atol + tol.rtol * Math.abs(e));
    if (excess > worstExcess) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst >= 0) {
    throw new Error(
      `${label}[${worst}]: got ${actual[worst]}, expected ${expected[worst]} ` +
        `(atol ${tol.atol}, rtol ${tol.rtol})`,
    );
  }
}

/** A leaf of standard-normal values from a seeded rng, optionally nudged away from zero. */
export function randn(rng: Rng, shape: Shape, scale = 1, awayFromZero = 0): Tensor {
  const t = Tensor.zeros(shape, true);
  for (let i = 0; i < t.size; i++) {
    let v = rng.normal() * scale;
    if (Math.abs(v) < awayFromZero) v += v < 0 ? -awayFromZero : awayFromZero;
    t.data[i] = v;
  }
  return t;
}

export interface GradcheckOptions {
  eps?: number; // central-difference step; 1e-2 keeps float32 rounding noise small next to it
  atol?: number;
  rtol?: number;
  seed?: number; // for the random loss weights
}

/**
 * Checks autograd against central differences for every element of every input, for the
 * loss L = sum(f(inputs) * W) with random fixed weights W (so every output element matters
 * with a different weight). Outputs that are not finite (masked scores) get weight 0, and
 * infinite inputs (pre-masked scores) must get gradient 0. The numerical loss is summed in
 * double from the float32 outputs to keep it as exact as the forward allows.
 */
export function gradcheck(f: (...xs: Tensor[]) => Tensor, inputs: Tensor[], opts: GradcheckOptions = {}): void {
  const { eps = 1e-2, atol = 2e-3, rtol = 2e-3, seed = 99 } = opts;
  const out = f(...inputs);
  const rng = new Rng(seed);
  const weights = Float32Array.from(out.data, (v) => (Number.isFinite(v) ? rng.normal() : 0));
  for (const x of inputs) x.grad = null;
  backward(out, weights);
  const loss = (): number =>
    noGrad(() => {
      const y = f(...inputs).data;
      let s = 0;
      for (let i = 0; i < y.length; i++) if (weights[i] !== 0) s += y[i] * weights[i];
      return s;
    });
  inputs.forEach((x, k) => {
    if (!x.requiresGrad) return;
    const analytic = x.grad ?? new Float32Array(x.size);
    const numeric = new Float64Array(x.size);
    for (let i = 0; i < x.size; i++) {
      const keep = x.data[i];
      // An infinite input (a pre-masked score) has no neighbourhood to probe; its gradient must be 0.
      if (!Number.isFinite(keep)) continue;
      x.data[i] = keep + eps;
      const hi = x.data[i]; // the float32 actually stored, so the step is exact
      const up = loss();
      x.data[i] = keep - eps;
      const lo = x.data[i];
      const down = loss();
      x.data[i] = keep;
      numeric[i] = (up - down) / (hi - lo);
    }
    expectClose(analytic, numeric, { atol, rtol }, `${out.op} input ${k} gradient`);
  });
}
