/** Layer norm and RMSNorm over the last dim, each with a fused backward. */
import { makeResult, gradOf } from '../autograd.ts';
import { Tensor, ShapeError, shapeStr } from '../tensor.ts';

function checkAffine(op: string, x: Tensor, p: Tensor | undefined, D: number): void {
  if (p && (p.rank !== 1 || p.shape[0] !== D)) {
    throw new ShapeError(`${op}: parameter ${shapeStr(p.shape)} does not fit input ${shapeStr(x.shape)}`);
  }
}

/** y = (x - mean) / sqrt(var + eps) * gamma + beta, per row of the last dim (biased variance). */
export function layerNorm(x: Tensor, gamma?: Tensor, beta?: Tensor, eps = 1e-5): Tensor {
  const D = x.shape[x.rank - 1];
  if (x.rank < 1 || !D) throw new ShapeError(`layerNorm: needs a non-empty last dim, got ${shapeStr(x.shape)}`);
  checkAffine('layerNorm', x, gamma, D);
  checkAffine('layerNorm', x, beta, D);
  const rows = x.size / D;
  const out = new Float32Array(x.size);
  const xhat = new Float32Array(x.size);
  const rstd = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * D;
    let mu = 0;
    for (let j = 0; j < D; j++) mu += x.data[o + j];
    mu /= D;
    let v = 0;
    for (let j = 0; j < D; j++) v += (x.data[o + j] - mu) ** 2;
    const rs = 1 / Math.sqrt(v / D + eps);
    rstd[r] = rs;
    for (let j = 0; j < D; j++) {
      const h = (x.data[o + j] - mu) * rs;
      xhat[o + j] = h;
      out[o + j] = h * (gamma ? gamma.data[j] : 1) + (beta ? beta.data[j] : 0);
    }
  }
  const parents = [x, ...(gamma ? [gamma] : []), ...(beta ? [beta] : [])];
  return makeResult('layerNorm', out, x.shape, parents, (g) => {
    if (gamma?.requiresGrad) {
      const gg = gradOf(gamma);
      for (let i = 0; i < g.length; i++) gg[i % D] += g[i] * xhat[i];
    }
    if (beta?.requiresGrad) {
      const gb = gradOf(beta);
      for (let i = 0; i < g.length; i++) gb[i % D] += g[i];
    }
    if (!x.requiresGrad) return;
    // dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)), dxhat = g * gamma
    const gx = gradOf(x);
    for (let r = 0; r < rows; r++) {
      const o = r * D;
      let m1 = 0;
      let m2 = 0;
      for (let j = 0; j < D; j++) {
        const dh = g[o + j] * (gamma ? gamma.data[j] : 1);
        m1 += dh;
        m2 += dh * xhat[o + j];
      }
      m1 /= D;
      m2 /= D;
      for (let j = 0; j < D; j++) {
        const dh = g[o + j] * (gamma ? gamma.data[j] : 1);
        gx[o + j] += rstd[r] * (dh - m1 - xhat[o + j] * m2);
      }
    }
  });
}

/** y = x / sqrt(mean(x^2) + eps) * gamma, per row of the last dim (Llama). */
export function rmsNorm(x: Tensor, gamma?: Tensor, eps = 1e-5): Tensor {
  const D = x.shape[x.rank - 1];
  if (x.rank < 1 || !D) throw new ShapeError(`rmsNorm: needs a non-empty last dim, got ${shapeStr(x.shape)}`);
  checkAffine('rmsNorm', x, gamma, D);
  const rows = x.size / D;
  const out = new Float32Array(x.size);
  const rstd = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * D;
    let ms = 0;
    for (let j = 0; j < D; j++) ms += x.data[o + j] * x.data[o + j];
    const rs = 1 / Math.sqrt(ms / D + eps);
    rstd[r] = rs;
    for (let j = 0; j < D; j++) out[o + j] = x.data[o + j] * rs * (gamma ? gamma.data[j] : 1);
  }
  return makeResult('rmsNorm', out, x.shape, gamma ? [x, gamma] : [x], (g) => {
    if (gamma?.requiresGrad) {
      const gg = gradOf(gamma);
      for (let i = 0; i < g.length; i++) gg[i % D] += g[i] * x.data[i] * rstd[Math.floor(i / D)];
    }
    if (!x.requiresGrad) return;
    // dx = rstd * (dh - xhat * mean(dh * xhat)), xhat = x * rstd, dh = g * gamma
    const gx = gradOf(x);
    for (let r = 0; r < rows; r++) {
      const o = r * D;
      const rs = rstd[r];
      let m = 0;
      for (let j = 0; j < D; j++) m += g[o + j] * (gamma ? gamma.data[j] : 1) * x.data[o + j] * rs;
      m /= D;
      for (let j = 0; j < D; j++) {
        const dh = g[o + j] * (gamma ? gamma.data[j] : 1);
        gx[o + j] += rs * (dh - x.data[o + j] * rs * m);
      }
    }
  });
}
