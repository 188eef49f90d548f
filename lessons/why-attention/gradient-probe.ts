/**
 * Back-propagation through time, measured: the gradient of the loss at the query with
 * respect to the state k steps earlier, from the runtime's autograd (runSequence's probes:
 * zero leaves added to every h_t, and c_t for the LSTM, whose .grad is dL/dh_t). Each
 * sequence's gradient norms are divided by the norm at the query step, so the curve says
 * what fraction of the error signal survives k steps back; sequences are combined by the
 * mean of log10 (a geometric mean), since the ratios span many orders of magnitude.
 */
import { sampleRecallBatch } from '../../src/data/long-range.ts';
import { embedSteps, runSequence } from '../../src/models/rnn-sequence.ts';
import { backward, crossEntropy, linear, Rng, zeroGrad } from '../../src/runtime/index.ts';
import { longRangeParameters, type RecurrentClassifier } from '../../src/train/recipes/long-range-models.ts';

/** Sums of log10(|dL/ds_{T-1-k}| / |dL/ds_{T-1}|) over sequences, per k, for h and (LSTM) c. */
export interface GradientTally {
  distance: number; // sequences of this distance, asking slot 0: T = distance + 1 tokens
  sequences: number;
  logH: Float64Array; // (T) indexed by k, steps back from the query
  logC: Float64Array | null; // LSTM only
}

export function emptyGradientTally(model: RecurrentClassifier, distance: number): GradientTally {
  const T = distance + 1;
  return { distance, sequences: 0, logH: new Float64Array(T), logC: model.kind === 'lstm' ? new Float64Array(T) : null };
}

/** Adds `batch` fresh sequences (drawn from `seed`) to a copy of the tally. */
export function addGradients(model: RecurrentClassifier, tally: GradientTally, batch: number, seed: number): GradientTally {
  const b = sampleRecallBatch(model.task, tally.distance, batch, new Rng(seed), 0);
  const run = runSequence(model.cell, embedSteps(model.embedding, b.inputs), { trace: false, probes: true });
  backward(crossEntropy(linear(run.state.h, model.head.weight, model.head.bias), b.targets)); // mean loss over the batch
  zeroGrad(longRangeParameters(model)); // only the probes' gradients are wanted; leave the weights as loaded
  const probes = run.probes;
  if (!probes) throw new Error('addGradients: runSequence returned no probes');
  const T = probes.length;
  const H = model.cell.hiddenSize;
  const norms = (g: Float32Array | null) => Array.from({ length: batch }, (_, r) => {
    if (!g) return 0;
    let s = 0;
    for (let k = 0; k < H; k++) s += g[r * H + k] ** 2;
    return Math.sqrt(s);
  });
  const next: GradientTally = { ...tally, sequences: tally.sequences + batch, logH: tally.logH.slice(), logC: tally.logC?.slice() ?? null };
  const add = (into: Float64Array, which: 'h' | 'c') => {
    const at = (t: number) => norms(which === 'h' ? probes[t].h.grad : (probes[t].c?.grad ?? null));
    const last = at(T - 1);
    for (let t = 0; t < T; t++) {
      const now = at(t);
      // The floor only guards log10(0), should a gradient ever underflow to exactly zero.
      for (let r = 0; r < batch; r++) into[T - 1 - t] += Math.log10(Math.max(now[r], 1e-30) / Math.max(last[r], 1e-30));
    }
  };
  add(next.logH, 'h');
  if (next.logC) add(next.logC, 'c');
  return next;
}

/** The geometric-mean ratio per k (10 ** mean log10), as [k, ratio] points for a plot. */
export function ratioCurve(log: Float64Array, sequences: number): Array<[number, number]> {
  return Array.from(log, (s, k) => [k, 10 ** (s / Math.max(1, sequences))] as [number, number]);
}
