/**
 * The shuffled-words experiment: run a text model on a sentence and on the same tokens in a
 * random order, then read the shuffled run's attention back in the original word order. If
 * attention ignored order, the two patterns would be identical. Both runs can use the model
 * as shipped or a copy whose learned position table is all zeros ("positions removed").
 */
import type { TransformerModel } from '../../src/models/transformer.ts';
import { transformerForward } from '../../src/models/transformer.ts';
import { noGrad, Rng, Tensor } from '../../src/runtime/index.ts';

/**
 * A random order of the tokens, as `order[k]` = the original index now at slot k. Tokens
 * where `fixed(i)` is true ([CLS], [SEP]) keep their slots. The identity is never returned
 * when at least two tokens can move: the seed is advanced until something moves.
 */
export function shuffledOrder(n: number, seed: number, fixed: (i: number) => boolean = () => false): number[] {
  const movable = Array.from({ length: n }, (_, i) => i).filter((i) => !fixed(i));
  const order = Array.from({ length: n }, (_, i) => i);
  if (movable.length < 2) return order;
  for (let attempt = 0; ; attempt++) {
    const picked = new Rng(seed + attempt * 7919).shuffle(movable.slice());
    if (picked.every((p, k) => p === movable[k])) continue;
    movable.forEach((slot, k) => (order[slot] = picked[k]));
    return order;
  }
}

/** Where each original token went: `inverse[i]` = the slot of original token i. */
export function inverseOrder(order: readonly number[]): number[] {
  const inv = new Array<number>(order.length);
  order.forEach((original, slot) => (inv[original] = slot));
  return inv;
}

const zeroed = new WeakMap<TransformerModel, TransformerModel>();

/**
 * A copy of the model whose position table is all zeros, everything else shared (weights are
 * only read). Each token then enters the first block as its token embedding alone (plus the
 * segment embedding and embedding norm, for BERT): nothing tells one slot from another.
 * Throws for a model without a learned table (sinusoidal, rotary or none).
 */
export function withoutPositions(model: TransformerModel): TransformerModel {
  const hit = zeroed.get(model);
  if (hit) return hit;
  const table = model.weights.positionEmbedding;
  if (model.config.positions !== 'learned' || !table) {
    throw new Error(`withoutPositions: the model's positions are ${model.config.positions}, not a learned table`);
  }
  const copy: TransformerModel = { config: model.config, weights: { ...model.weights, positionEmbedding: Tensor.zeros(table.shape) } };
  zeroed.set(model, copy);
  return copy;
}

/** Every head's attention weights, [layer][head], each (T, T) row-major. */
export function attentionWeights(model: TransformerModel, ids: readonly number[]): Float32Array[][] {
  const r = noGrad(() => transformerForward(model, [ids.slice()], { trace: true, logits: false }));
  return r.trace!.layers.map((l) => l.heads.map((h) => h.weights.data));
}

/**
 * The shuffled run's (T, T) pattern in the original order: entry (i, j) is how much original
 * token i, sitting at slot inverse[i], attends to original token j, at slot inverse[j].
 */
export function readBack(shuffled: Float32Array, order: readonly number[]): Float32Array {
  const T = order.length;
  const inv = inverseOrder(order);
  const out = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) out[i * T + j] = shuffled[inv[i] * T + inv[j]];
  return out;
}

/**
 * Mean over rows of the total variation distance between two (T, T) attention patterns:
 * half the sum of |a - b| in a row is the share of that token's attention that goes to
 * different tokens. 0: identical; 1: no overlap at all.
 */
export function meanRowDistance(a: Float32Array, b: Float32Array, T: number): number {
  let total = 0;
  for (let i = 0; i < T; i++) {
    let row = 0;
    for (let j = 0; j < T; j++) row += Math.abs(a[i * T + j] - b[i * T + j]);
    total += row / 2;
  }
  return total / T;
}

export interface ShuffleResult {
  order: number[];
  /** Original sentence, [layer][head] (T, T). */
  original: Float32Array[][];
  /** Shuffled sentence, read back in the original order, [layer][head] (T, T). */
  readBack: Float32Array[][];
  /** meanRowDistance(original, readBack) per [layer][head]: how far the pattern failed to follow the words. */
  distance: number[][];
}

/** Runs the sentence and its shuffle through `model` and compares every head. */
export function shuffleExperiment(model: TransformerModel, ids: readonly number[], order: readonly number[]): ShuffleResult {
  if (order.length !== ids.length) throw new Error(`shuffleExperiment: an order of ${order.length} for ${ids.length} tokens`);
  const T = ids.length;
  const original = attentionWeights(model, ids);
  const shuffled = attentionWeights(model, order.map((k) => ids[k]));
  const back = shuffled.map((layer) => layer.map((w) => readBack(w, order)));
  const distance = original.map((layer, l) => layer.map((w, h) => meanRowDistance(w, back[l][h], T)));
  return { order: order.slice(), original, readBack: back, distance };
}

/** The mean of a [layer][head] table, per layer. */
export function layerMeans(table: readonly number[][]): number[] {
  return table.map((row) => row.reduce((s, v) => s + v, 0) / Math.max(1, row.length));
}
