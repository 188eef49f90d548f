/**
 * Additive attention of Bahdanau, Cho & Bengio (2014), "Neural Machine Translation by Jointly
 * Learning to Align and Translate", appendix A.1.2:
 *
 *   e_tj = v_a^T tanh(W_a s_{t-1} + U_a h_j)     scores, one per source position j
 *   a_tj = softmax_j(e_tj)                       weights (padding positions get 0)
 *   c_t  = sum_j a_tj h_j                        context
 *
 * s_{t-1} is the decoder state before step t and h_j the encoder annotations. As the paper
 * notes, U_a h_j does not depend on t, so it is computed once per source sentence (`keys`).
 * No biases, as in the paper's equations.
 */
import {
  Tensor,
  ShapeError,
  shapeStr,
  add,
  tanh,
  linear,
  matmul,
  reshape,
  softmax,
  maskFill,
  embedding,
  sliceRows,
  concatRows,
  uniformParam,
  type Rng,
} from '../runtime/index.ts';

/** Parameters under the paper's names, nn.Linear layout (out, in). */
export interface BahdanauParams {
  W_a: Tensor; // (dAttn, dDec), applied to the decoder state
  U_a: Tensor; // (dAttn, dEncOut), applied to each annotation
  v_a: Tensor; // (1, dAttn), reduces each tanh vector to one score
}

/** What the decoder attends over: one source batch, encoded once. */
export interface SourceMemory {
  B: number;
  T: number; // padded source length
  lengths: readonly number[]; // real tokens per source sentence
  annotations: Tensor; // (B*T, dEncOut), row b*T + j is h_j of sentence b
  keys: Tensor; // (B*T, dAttn), U_a h_j
  blocked: Uint8Array; // (B*T), 1 where j is padding
}

/** One attention step, named after the equations above. */
export interface BahdanauStep {
  scores: Tensor; // (B, T) e_tj before masking
  weights: Tensor; // (B, T) a_tj, rows sum to 1 over real positions
  context: Tensor; // (B, dEncOut) c_t
}

/** nn.Linear(bias=False)-style init: U(-1/sqrt(in), 1/sqrt(in)). */
export function initBahdanau(dDec: number, dEncOut: number, dAttn: number, rng: Rng): BahdanauParams {
  return {
    W_a: uniformParam([dAttn, dDec], 1 / Math.sqrt(dDec), rng),
    U_a: uniformParam([dAttn, dEncOut], 1 / Math.sqrt(dEncOut), rng),
    v_a: uniformParam([1, dAttn], 1 / Math.sqrt(dAttn), rng),
  };
}

/** Builds the memory for a source batch: precomputes U_a h_j and the padding mask. */
export function sourceMemory(p: BahdanauParams, annotations: Tensor, lengths: readonly number[]): SourceMemory {
  const B = lengths.length;
  const [rows] = annotations.dims2('sourceMemory');
  if (B === 0 || rows % B !== 0) {
    throw new ShapeError(`sourceMemory: annotations ${shapeStr(annotations.shape)} do not split into ${B} sentences`);
  }
  const T = rows / B;
  const blocked = new Uint8Array(B * T);
  lengths.forEach((n, b) => blocked.fill(1, b * T + n, (b + 1) * T));
  return { B, T, lengths, annotations, keys: linear(annotations, p.U_a), blocked }; // keys (B*T, dAttn)
}

/** Scores, weights and context for decoder states s (B, dDec), i.e. s_{t-1}. */
export function additiveAttention(p: BahdanauParams, s: Tensor, mem: SourceMemory): BahdanauStep {
  const { B, T } = mem;
  if (s.rank !== 2 || s.shape[0] !== B) throw new ShapeError(`additiveAttention: state ${shapeStr(s.shape)} for a batch of ${B}`);
  const query = linear(s, p.W_a); // (B, dAttn)
  // Repeat each sentence's query over its T source rows (a differentiable row gather).
  const rows = Array.from({ length: B * T }, (_, i) => Math.floor(i / T));
  const hidden = tanh(add(mem.keys, embedding(query, rows))); // (B*T, dAttn)
  const scores = reshape(linear(hidden, p.v_a), [B, T]); // (B, T)
  const weights = softmax(maskFill(scores, mem.blocked)); // (B, T)
  const perSentence = Array.from({ length: B }, (_, b) =>
    matmul(sliceRows(weights, b, b + 1), sliceRows(mem.annotations, b * T, (b + 1) * T)), // (1, dEncOut)
  );
  const context = concatRows(perSentence); // (B, dEncOut)
  return { scores, weights, context };
}
