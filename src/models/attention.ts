/**
 * Multi-head attention (Vaswani et al. 2017, section 3.2), one head at a time so that every
 * intermediate of the math can be captured by name: q, k, v, scores = q k^T,
 * scaled = scores / sqrt(dHead), masked, weights = softmax(masked), out = weights v.
 * Covers self-attention, causal self-attention, cross-attention and grouped-query heads.
 */
import {
  Tensor, linear, matmul, matmulT, scale, maskFill, softmax, dropout, rope,
  sliceRows, sliceCols, concatCols, concatRows, type Rng,
} from '../runtime/index.ts';
import type { AttentionWeights } from './weights.ts';

/** Everything one head computed for one sequence. T queries, S keys. */
export interface HeadTrace {
  q: Tensor; // (T, dHead)
  k: Tensor; // (S, dHead)
  v: Tensor; // (S, dHead)
  scores: Tensor; // (T, S) q k^T
  scaled: Tensor; // (T, S) scores / sqrt(dHead)
  masked: Tensor; // (T, S) scaled with blocked positions at -Infinity
  weights: Tensor; // (T, S) softmax rows: the attention pattern
  out: Tensor; // (T, dHead) weights v
}

export interface AttentionOptions {
  nHeads: number;
  nKvHeads: number;
  B: number; // sequences in the batch
  T: number; // query positions per sequence
  S: number; // key positions per sequence (T for self-attention)
  /** (T, S) mask per sequence, 1 where a query may not look; null for none. */
  blocked?: (b: number) => Uint8Array | null;
  /** Rotary positions for query and key rows (length B*T and B*S). */
  rope?: { theta: number; queryPositions: ArrayLike<number>; keyPositions: ArrayLike<number> };
  trace?: boolean;
  dropout?: { p: number; rng: Rng; training: boolean };
  /** A head whose weights, one (T, S) tensor per sequence, are returned with their graph (a loss on attention). */
  keepWeightsOf?: number;
}

export interface AttentionResult {
  output: Tensor; // (B*T, d) after the output projection
  heads: HeadTrace[] | null; // per head, for the single sequence of a traced call
  kept: Tensor[]; // per sequence, the weights of head `keepWeightsOf` (empty when not asked)
}

/**
 * Attention of query rows x (B*T, d) over key/value rows `memory` (B*S, d); memory = x for
 * self-attention. Tracing requires B = 1: the app traces one sentence at a time.
 */
export function multiHeadAttention(x: Tensor, memory: Tensor, w: AttentionWeights, o: AttentionOptions): AttentionResult {
  const { nHeads, nKvHeads, B, T, S } = o;
  if (o.trace && B !== 1) throw new Error(`attention: tracing needs one sequence, got a batch of ${B}`);
  if (x.shape[0] !== B * T || memory.shape[0] !== B * S) {
    throw new Error(`attention: ${x.shape[0]} query rows and ${memory.shape[0]} key rows do not fit B=${B}, T=${T}, S=${S}`);
  }
  let q = linear(x, w.wq, w.bq); // (B*T, nHeads*dHead)
  let k = linear(memory, w.wk, w.bk); // (B*S, nKvHeads*dHead)
  const v = linear(memory, w.wv, w.bv); // (B*S, nKvHeads*dHead)
  const dHead = q.shape[1] / nHeads;
  if (!Number.isInteger(dHead) || k.shape[1] !== nKvHeads * dHead) {
    throw new Error(`attention: projections ${q.shape[1]} and ${k.shape[1]} wide do not split into ${nHeads}/${nKvHeads} heads`);
  }
  if (o.rope) {
    q = rope(q, nHeads, o.rope.queryPositions, o.rope.theta);
    k = rope(k, nKvHeads, o.rope.keyPositions, o.rope.theta);
  }
  const group = nHeads / nKvHeads; // query heads sharing one key/value head
  const invSqrt = 1 / Math.sqrt(dHead);
  const heads: HeadTrace[] = [];
  const perSequence: Tensor[] = [];
  const kept: Tensor[] = [];
  for (let b = 0; b < B; b++) {
    const qb = B === 1 ? q : sliceRows(q, b * T, (b + 1) * T); // (T, nHeads*dHead)
    const kb = B === 1 ? k : sliceRows(k, b * S, (b + 1) * S); // (S, nKvHeads*dHead)
    const vb = B === 1 ? v : sliceRows(v, b * S, (b + 1) * S);
    const blocked = o.blocked?.(b) ?? null;
    const outs: Tensor[] = [];
    const kvHeads: Array<[Tensor, Tensor]> = [];
    for (let g = 0; g < nKvHeads; g++) {
      kvHeads.push([sliceCols(kb, g * dHead, (g + 1) * dHead), sliceCols(vb, g * dHead, (g + 1) * dHead)]);
    }
    for (let h = 0; h < nHeads; h++) {
      const qh = sliceCols(qb, h * dHead, (h + 1) * dHead); // (T, dHead)
      const [kh, vh] = kvHeads[Math.floor(h / group)]; // (S, dHead)
      const scores = matmulT(qh, kh); // (T, S)
      const scaled = scale(scores, invSqrt);
      const masked = blocked ? maskFill(scaled, blocked) : scaled;
      const weights = softmax(masked);
      if (h === o.keepWeightsOf) kept.push(weights);
      const dropped = o.dropout ? dropout(weights, o.dropout.p, o.dropout.rng, o.dropout.training) : weights;
      const out = matmul(dropped, vh); // (T, dHead)
      outs.push(out);
      if (o.trace) heads.push({ q: qh, k: kh, v: vh, scores, scaled, masked, weights, out });
    }
    perSequence.push(concatCols(outs)); // (T, nHeads*dHead)
  }
  const joined = B === 1 ? perSequence[0] : concatRows(perSequence); // (B*T, nHeads*dHead)
  return { output: linear(joined, w.wo, w.bo), heads: o.trace ? heads : null, kept };
}

/** (T, T) mask blocking keys after the query: position t sees 0..t. */
export function causalMask(T: number): Uint8Array {
  const m = new Uint8Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) m[i * T + j] = 1;
  return m;
}

/** (T, S) mask blocking padded keys at positions >= length (BERT's attention_mask). */
export function paddingMask(T: number, S: number, length: number): Uint8Array {
  const m = new Uint8Array(T * S);
  for (let i = 0; i < T; i++) for (let j = length; j < S; j++) m[i * S + j] = 1;
  return m;
}

/** Union of two masks of the same size (either blocks). */
export function combineMasks(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a) return b;
  if (!b) return a;
  const m = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) m[i] = a[i] | b[i];
  return m;
}
