/**
 * Position information. Sinusoidal encodings are computed (Vaswani et al. 2017, 3.5):
 * PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)).
 * Learned positions are a trained table (weights.positionEmbedding); rotary positions rotate
 * q and k inside attention (runtime rope).
 */
import { Tensor } from '../runtime/index.ts';

/** The (positions, d) sinusoidal matrix. */
export function sinusoidalEncoding(positions: number, d: number, base = 10000): Tensor {
  if (!Number.isInteger(positions) || positions < 0 || !Number.isInteger(d) || d < 1) {
    throw new RangeError(`sinusoidalEncoding: needs whole sizes, got ${positions} x ${d}`);
  }
  const out = new Float32Array(positions * d);
  for (let p = 0; p < positions; p++) {
    for (let i = 0; i < d; i += 2) {
      const angle = p / Math.pow(base, i / d);
      out[p * d + i] = Math.sin(angle);
      if (i + 1 < d) out[p * d + i + 1] = Math.cos(angle);
    }
  }
  return new Tensor(out, [positions, d]);
}

/** Wavelength (in positions) of dimension pair i: 2 pi * base^(2i/d). */
export function sinusoidalWavelength(i: number, d: number, base = 10000): number {
  return 2 * Math.PI * Math.pow(base, (2 * i) / d);
}
