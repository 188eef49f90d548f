/**
 * The experiment behind the causal mask: run a decoder on two token sequences and measure,
 * position by position, how much its hidden states differ. Under the mask a position cannot
 * see later tokens, so every position before the first difference must come out the same.
 */
import { transformerForward, type TransformerModel } from '../../../src/models/transformer.ts';
import { noGrad } from '../../../src/runtime/index.ts';

export interface PositionChange {
  maxAbs: number; // largest |a - b| over the final hidden vector at this position
  perLayer: number[]; // the same after each block's output
}

/** The first index where two id sequences differ (the shorter length if one is a prefix). */
export function firstDifference(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** Per position of the shorter sequence: how far the two runs' hidden states lie apart. */
export function positionChanges(model: TransformerModel, a: readonly number[], b: readonly number[]): PositionChange[] {
  const n = Math.min(a.length, b.length);
  const [ra, rb] = noGrad(() => [a, b].map((ids) => transformerForward(model, [ids], { trace: true, logits: false })));
  const d = model.config.dModel;
  const diff = (x: Float32Array, y: Float32Array, t: number) => {
    let m = 0;
    for (let k = 0; k < d; k++) m = Math.max(m, Math.abs(x[t * d + k] - y[t * d + k]));
    return m;
  };
  const la = ra.trace?.layers ?? [];
  const lb = rb.trace?.layers ?? [];
  return Array.from({ length: n }, (_, t) => ({
    maxAbs: diff(ra.hidden.data, rb.hidden.data, t),
    perLayer: la.map((l, k) => diff(l.output.data, lb[k].output.data, t)),
  }));
}
