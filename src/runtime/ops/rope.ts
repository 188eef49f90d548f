/**
 * Rotary position embedding (Su et al. 2021) in the Hugging Face "rotate half" layout: in
 * each head of width dHead, dim i is paired with dim i + dHead/2 and the pair is rotated by
 * angle pos * theta^(-2i/dHead). Rotation is orthogonal, so the backward is the rotation by
 * the opposite angle.
 */
import { makeResult, gradOf } from '../autograd.ts';
import { Tensor, ShapeError, shapeStr } from '../tensor.ts';

/** cos/sin tables (positions x dHead/2), cached per (dHead, theta) and grown on demand. */
const tables = new Map<string, { cos: Float32Array; sin: Float32Array; positions: number }>();

function ropeTable(positions: number, dHead: number, theta: number): { cos: Float32Array; sin: Float32Array } {
  const key = `${dHead}:${theta}`;
  const hit = tables.get(key);
  if (hit && hit.positions >= positions) return hit;
  const half = dHead / 2;
  const cos = new Float32Array(positions * half);
  const sin = new Float32Array(positions * half);
  for (let p = 0; p < positions; p++) {
    for (let i = 0; i < half; i++) {
      // Rounded to float32 at each step exactly as Hugging Face's torch code does
      // (exponent, then theta^exponent, then its reciprocal; then position * invFreq). Rounding
      // only once, in double, differs by an ulp for many i, which position 4000 magnifies to
      // ~1e-4 of angle. cos/sin then in double.
      const f = Math.fround;
      const invFreq = f(1 / f(Math.pow(theta, f((2 * i) / dHead))));
      const angle = f(p * invFreq);
      cos[p * half + i] = Math.cos(angle);
      sin[p * half + i] = Math.sin(angle);
    }
  }
  const entry = { cos, sin, positions };
  tables.set(key, entry);
  return entry;
}

/**
 * Rotates x (rows, nHeads * dHead) where row r sits at position positions[r].
 */
export function rope(x: Tensor, nHeads: number, positions: ArrayLike<number>, theta = 10000): Tensor {
  const [R, C] = x.dims2('rope');
  const dHead = C / nHeads;
  if (!Number.isInteger(dHead) || dHead % 2 !== 0) {
    throw new ShapeError(`rope: width ${C} of ${shapeStr(x.shape)} is not ${nHeads} heads of an even size`);
  }
  if (positions.length !== R) {
    throw new ShapeError(`rope: ${positions.length} positions for ${R} rows of ${shapeStr(x.shape)}`);
  }
  // Our own copy: the backward runs later, and callers reuse position buffers.
  const pos = Int32Array.from(positions);
  let maxPos = 0;
  for (let r = 0; r < R; r++) {
    // A negative or fractional position would index outside the cos/sin table and give NaN.
    if (!Number.isInteger(positions[r]) || positions[r] < 0) {
      throw new RangeError(`rope: position ${positions[r]} at row ${r} is not a non-negative integer`);
    }
    maxPos = Math.max(maxPos, pos[r]);
  }
  const { cos, sin } = ropeTable(maxPos + 1, dHead, theta);
  const half = dHead / 2;
  const rotate = (src: Float32Array, dst: Float32Array, sign: number, accumulate: boolean): void => {
    for (let r = 0; r < R; r++) {
      const t = pos[r] * half;
      for (let h = 0; h < nHeads; h++) {
        const o = r * C + h * dHead;
        for (let i = 0; i < half; i++) {
          const c = cos[t + i];
          const s = sign * sin[t + i];
          const a = src[o + i];
          const b = src[o + i + half];
          const ya = a * c - b * s;
          const yb = b * c + a * s;
          if (accumulate) {
            dst[o + i] += ya;
            dst[o + i + half] += yb;
          } else {
            dst[o + i] = ya;
            dst[o + i + half] = yb;
          }
        }
      }
    }
  };
  const out = new Float32Array(x.size);
  rotate(x.data, out, 1, false);
  return makeResult('rope', out, x.shape, [x], (g) => rotate(g, gradOf(x), -1, true));
}
