/**
 * The comparison of Vaswani et al. (2017), Table 1, for a sequence of n tokens of width d:
 * the leading cost of one layer, the operations that must run one after another, and the
 * longest path a signal takes between two tokens. Counts are the leading terms (multiply-adds
 * up to a constant factor), as in the table; the projections a Transformer layer also runs
 * (Q, K, V and output: 4 n d^2) are listed apart.
 */
export interface LayerCosts {
  attention: number; // n^2 d: every query against every key, then the weighted sum of values
  recurrent: number; // n d^2: one d x d matrix times the state, at each of n steps
  projections: number; // 4 n d^2: the attention layer's Q, K, V and output projections
  sequentialAttention: number; // 1: all positions at once
  sequentialRecurrent: number; // n: step t needs step t - 1
  pathAttention: number; // 1: any token reaches any other in one attention step
  pathRecurrent: number; // n: through every state in between
}

export function layerCosts(n: number, d: number): LayerCosts {
  if (!(n >= 1 && d >= 1)) throw new RangeError(`layerCosts: n = ${n} and d = ${d} must be at least 1`);
  return {
    attention: n * n * d,
    recurrent: n * d * d,
    projections: 4 * n * d * d,
    sequentialAttention: 1,
    sequentialRecurrent: n,
    pathAttention: 1,
    pathRecurrent: n,
  };
}

/** A count in words a student reads at a glance: 1,024, 16.8 million, 2.1 billion. */
export function countInWords(x: number): string {
  if (x < 1e6) return Math.round(x).toLocaleString('en-US');
  if (x < 1e9) return `${(x / 1e6).toFixed(1)} million`;
  if (x < 1e12) return `${(x / 1e9).toFixed(1)} billion`;
  return `${(x / 1e12).toFixed(1)} trillion`;
}
