/**
 * Reading an alignment heatmap in words: which English word each French word's row peaks
 * on, and where two French words come in the opposite order to the English words they look
 * at (the reordering: "red car" -> "voiture rouge").
 */
import { argmax } from '../../src/runtime/index.ts';

export interface Peak {
  t: number; // French position
  word: string; // French token
  j: number; // English position with the largest weight
  weight: number; // that weight
}

/** The peak of each row of a (T, S) alignment, leaving out the end-of-sentence row. */
export function rowPeaks(alignment: Float32Array, tokens: readonly string[], S: number): Peak[] {
  const out: Peak[] = [];
  tokens.forEach((word, t) => {
    if (word === '<eos>') return;
    const row = alignment.subarray(t * S, (t + 1) * S);
    const j = argmax(row);
    out.push({ t, word, j, weight: row[j] });
  });
  return out;
}

/**
 * Pairs of French words written in one order whose peaks sit in the other order in English
 * (first written, later English word). Only confident peaks (weight >= minWeight) count, so
 * a row that spreads its attention cannot make a crossing by accident.
 */
export function crossings(peaks: readonly Peak[], minWeight = 0.5): Array<[Peak, Peak]> {
  const sure = peaks.filter((p) => p.weight >= minWeight);
  const out: Array<[Peak, Peak]> = [];
  for (let a = 0; a < sure.length; a++) {
    for (let b = a + 1; b < sure.length; b++) {
      if (sure[a].j > sure[b].j) out.push([sure[a], sure[b]]);
    }
  }
  return out;
}
