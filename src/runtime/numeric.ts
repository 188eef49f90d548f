/**
 * Small numeric helpers on plain vectors (any ArrayLike<number>: arrays, Float32Array,
 * Float64Array, a Tensor's row): argmax, the k largest entries, cosine similarity. The one
 * copy every model, recipe, lesson and figure uses, so that they agree on ties, NaN and
 * empty input. Sums are taken in double precision whatever the input's type.
 */

/**
 * Index of the largest entry: the greedy choice among logits, the peak of an attention row.
 * Ties go to the lowest index; NaN entries are never chosen. Returns -1 for an empty vector
 * or one that is all NaN (as indexOf does for "not found"). Always equals topK(values, 1)[0]
 * when that exists.
 */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v) && (best === -1 || v > values[best])) best = i;
  }
  return best;
}

/**
 * Indices of the k largest entries, largest first. Ties keep the lower index first; NaN
 * entries are never ranked, nor are those for which `skip(i)` is true (special tokens, masked
 * positions). Returns fewer than k indices when fewer entries qualify, and [] for k <= 0 or
 * an empty vector.
 */
export function topK(values: ArrayLike<number>, k: number, skip?: (index: number) => boolean): number[] {
  if (!(k > 0)) return [];
  const ranked: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]) && !skip?.(i)) ranked.push(i);
  ranked.sort((a, b) => values[b] - values[a] || a - b);
  return ranked.slice(0, k);
}

/**
 * Cosine similarity a·b / (|a| |b|) of two vectors of one length, in [-1, 1] up to rounding.
 * 0 when either vector is all zero (so also for two empty vectors): the angle is undefined
 * and "unrelated" is the reading callers want. NaN entries give NaN. Throws a RangeError when
 * the lengths differ.
 */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`cosine: vectors of length ${a.length} and ${b.length}`);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  // Two square roots rather than sqrt(aa * bb): the product of two large norms can overflow.
  return aa === 0 || bb === 0 ? 0 : ab / (Math.sqrt(aa) * Math.sqrt(bb));
}
