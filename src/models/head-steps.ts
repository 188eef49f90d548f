/**
 * Self-attention recomputed from a model's own weights, one step at a time, for lesson 3's
 * figures (on the page for a course model, in the model worker for a large one): the head's slice of W_Q, W_K, W_V, then Q, K, V, the scores, the scaling, an
 * optional mask, the softmax and the weighted sum of V. Each step's result is checked in the
 * tests against what the model's forward pass itself produced (the trace), so what the
 * lesson shows is what the model computes.
 */
import type { TransformerModel, TransformerTrace } from './transformer.ts';
import { linear, matmul, matmulT, noGrad, scale, sliceRows, softmax, Tensor, transpose } from '../runtime/index.ts';

export interface HeadSteps {
  x: Tensor; // (T, d) what the layer's attention reads
  wq: Tensor; // (d, dHead) the head's W_Q, as X W_Q multiplies
  wk: Tensor;
  wv: Tensor;
  q: Tensor; // (T, dHead)
  k: Tensor;
  v: Tensor;
  scores: Tensor; // (T, T) Q K^T
  scaled: Tensor; // (T, T) / sqrt(dHead)
  weights: Tensor; // (T, T) softmax of the scaled (and, in a decoder, causally masked) scores
  unscaledWeights: Tensor; // (T, T) softmax without the scaling, for the comparison
  out: Tensor; // (T, dHead) weights V
  dHead: number;
}

/** The head's rows of a (nHeads * dHead, d) projection, transposed to (d, dHead). */
function headSlice(w: Tensor, head: number, dHead: number): Tensor {
  return transpose(sliceRows(w, head * dHead, (head + 1) * dHead));
}

function biasSlice(b: Tensor | undefined, head: number, dHead: number): Tensor | undefined {
  return b ? Tensor.from(b.data.slice(head * dHead, (head + 1) * dHead), [dHead]) : undefined;
}

/** Recomputes one head of one layer from the layer's input and the weights. */
export function headSteps(model: TransformerModel, trace: TransformerTrace, layer: number, head: number): HeadSteps {
  const cfg = model.config;
  const dHead = cfg.dModel / cfg.nHeads;
  const lt = trace.layers[layer];
  const a = model.weights.blocks[layer].attn;
  return noGrad(() => {
    const x = lt.attnNormed ?? lt.input; // pre-norm reads norm(x); post-norm reads x itself
    const kvHead = Math.floor(head / (cfg.nHeads / cfg.nKvHeads));
    const wq = headSlice(a.wq, head, dHead);
    const wk = headSlice(a.wk, kvHead, dHead);
    const wv = headSlice(a.wv, kvHead, dHead);
    const q = linear(x, sliceRows(a.wq, head * dHead, (head + 1) * dHead), biasSlice(a.bq, head, dHead));
    const k = linear(x, sliceRows(a.wk, kvHead * dHead, (kvHead + 1) * dHead), biasSlice(a.bk, kvHead, dHead));
    const v = linear(x, sliceRows(a.wv, kvHead * dHead, (kvHead + 1) * dHead), biasSlice(a.bv, kvHead, dHead));
    const scores = matmulT(q, k);
    const scaled = scale(scores, 1 / Math.sqrt(dHead));
    const weights = cfg.causal ? causallyMasked(scaled).weights : softmax(scaled);
    const unscaledWeights = cfg.causal ? causallyMasked(scores).weights : softmax(scores);
    const out = matmul(weights, v);
    return { x, wq, wk, wv, q, k, v, scores, scaled, weights, unscaledWeights, out, dHead };
  });
}

/** The same scores with every key after the query blocked (a decoder's causal mask). */
export function causallyMasked(scaled: Tensor): { masked: Tensor; weights: Tensor } {
  const [T, S] = scaled.dims2('causallyMasked');
  const m = new Float32Array(scaled.data);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < S; j++) m[i * S + j] = -Infinity;
  const masked = Tensor.from(m, [T, S]);
  return { masked, weights: noGrad(() => softmax(masked)) };
}
