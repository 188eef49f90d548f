/**
 * Softmax, masking and cross-entropy: the steps between attention scores and weights, and
 * the training loss. Softmax and cross-entropy each have one fused, carefully tested backward.
 */
import { makeResult, gradOf } from '../autograd.ts';
import { Tensor, ShapeError, shapeStr } from '../tensor.ts';

function lastDim(op: string, a: Tensor): number {
  if (a.rank < 1 || a.shape[a.rank - 1] === 0) throw new ShapeError(`${op}: needs a non-empty last dim, got ${shapeStr(a.shape)}`);
  return a.shape[a.rank - 1];
}

/**
 * Softmax over the last dim, stabilised by subtracting each row's max. A row that is
 * entirely -Infinity (every key masked) gives zeros rather than NaN.
 */
export function softmax(a: Tensor): Tensor {
  const n = lastDim('softmax', a);
  const rows = a.size / n;
  const out = new Float32Array(a.size);
  for (let r = 0; r < rows; r++) {
    const o = r * n;
    let max = -Infinity;
    for (let j = 0; j < n; j++) if (a.data[o + j] > max) max = a.data[o + j];
    if (max === -Infinity) continue;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const e = Math.exp(a.data[o + j] - max);
      out[o + j] = e;
      total += e;
    }
    for (let j = 0; j < n; j++) out[o + j] /= total;
  }
  return makeResult('softmax', out, a.shape, [a], (g) => {
    // dx_j = y_j (g_j - sum_k g_k y_k)
    const ga = gradOf(a);
    for (let r = 0; r < rows; r++) {
      const o = r * n;
      let dot = 0;
      for (let j = 0; j < n; j++) dot += g[o + j] * out[o + j];
      for (let j = 0; j < n; j++) ga[o + j] += out[o + j] * (g[o + j] - dot);
    }
  });
}

/**
 * Sets the positions where `blocked` is non-zero to -Infinity (so softmax gives them zero
 * weight). `blocked` covers some trailing dims of `a` and repeats across the rest: usually
 * the last two, a (T, S) mask over the scores; or just the last, a key-padding mask shared by
 * every query. Any other length is an error, because a mask that merely divides the size
 * would tile silently into the wrong pattern.
 */
export function maskFill(a: Tensor, blocked: ArrayLike<number>): Tensor {
  const m = blocked.length;
  let suffix = 1;
  let fits = false;
  for (let d = a.rank - 1; d >= 0 && !fits; d--) {
    suffix *= a.shape[d];
    fits = suffix === m;
  }
  if (m === 0 || !fits) {
    throw new ShapeError(`maskFill: mask of ${m} entries does not cover trailing dims of ${shapeStr(a.shape)}`);
  }
  // Our own copy: the backward runs later, and callers reuse mask buffers.
  const mask = blocked instanceof Uint8Array ? blocked.slice() : Uint8Array.from(blocked, (b) => (b ? 1 : 0));
  const out = a.data.slice();
  // Walk the tensor one mask-sized block at a time (no modulo per element: this runs per head).
  for (let o = 0; o < out.length; o += m) for (let j = 0; j < m; j++) if (mask[j]) out[o + j] = -Infinity;
  return makeResult('maskFill', out, a.shape, [a], (g) => {
    const ga = gradOf(a);
    for (let o = 0; o < g.length; o += m) for (let j = 0; j < m; j++) if (!mask[j]) ga[o + j] += g[o + j];
  });
}

/**
 * Mean cross-entropy of logits (N, V) against integer targets; targets equal to
 * `ignoreIndex` (unmasked positions in masked-LM, padding) count neither in the sum nor
 * in the mean. Fused log-softmax so the gradient is softmax - onehot, computed stably.
 */
export function crossEntropy(logits: Tensor, targets: ArrayLike<number>, ignoreIndex = -100): Tensor {
  const [N, V] = logits.dims2('crossEntropy');
  if (targets.length !== N) {
    throw new ShapeError(`crossEntropy: ${targets.length} targets for logits ${shapeStr(logits.shape)}`);
  }
  // Our own copy: the backward runs later, and callers reuse target buffers.
  const tgt = Float64Array.from(targets);
  const probs = new Float32Array(N * V);
  let total = 0;
  let count = 0;
  for (let i = 0; i < N; i++) {
    const t = tgt[i];
    if (t === ignoreIndex) continue;
    if (!Number.isInteger(t) || t < 0 || t >= V) throw new RangeError(`crossEntropy: target ${t} at row ${i} is outside 0..${V - 1}`);
    const o = i * V;
    let max = -Infinity;
    for (let j = 0; j < V; j++) if (logits.data[o + j] > max) max = logits.data[o + j];
    let z = 0;
    for (let j = 0; j < V; j++) {
      const e = Math.exp(logits.data[o + j] - max);
      probs[o + j] = e;
      z += e;
    }
    for (let j = 0; j < V; j++) probs[o + j] /= z;
    total += Math.log(z) + max - logits.data[o + t];
    count++;
  }
  // With every target ignored the loss is 0 with zero gradient (PyTorch gives NaN; a silent
  // NaN would poison the optimiser state).
  const loss = count > 0 ? total / count : 0;
  return makeResult('crossEntropy', Float32Array.of(loss), [], [logits], (g) => {
    if (count === 0) return;
    const gl = gradOf(logits);
    const s = g[0] / count;
    for (let i = 0; i < N; i++) {
      const t = tgt[i];
      if (t === ignoreIndex) continue;
      const o = i * V;
      for (let j = 0; j < V; j++) gl[o + j] += s * probs[o + j];
      gl[o + t] -= s;
    }
  });
}
