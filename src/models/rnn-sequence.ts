/**
 * Runs a recurrent cell over a batch of sequences, differentiably, keeping what the lessons
 * show: the hidden state at every step, each step's gates, and (on request) the gradient of
 * the loss with respect to every hidden state.
 *
 * Inputs are time-major: an array of T tensors of shape (B, I), one per step, because a
 * recurrence consumes one step at a time. `embedSteps` turns (B, T) token ids into that form.
 *
 * Gradients with respect to hidden states. backward() frees the gradients of intermediate
 * tensors, and making h_t a leaf would cut the graph there (no gradient would reach earlier
 * steps or the weights). Instead, with `probes: true`, each step's state becomes
 * h_t + p_t where p_t is a zero leaf that requires grad. The values are unchanged (x + 0 = x
 * exactly), the graph stays whole, and since d(h_t + p_t)/dp_t = I, after backward(loss)
 * `probes[t].h.grad` holds dL/dh_t: the total gradient reaching h_t, through the output at t
 * and through all later steps. That is what backprop-through-time plots of gradient norm
 * against distance need. For an LSTM a second probe is added to c_t before h_t = o * tanh(c_t)
 * is formed, so `probes[t].c.grad` is the whole dL/dc_t. Probe leaves are fresh per run and
 * belong to no optimiser; at a padded step they read the gradient of the state held there.
 */
import { Tensor, ShapeError, shapeStr, concatRows, embedding, sliceRows } from '../runtime/index.ts';
import type { CellState, CellStepTrace, RecurrentCell, StateProbe } from './rnn.ts';

export interface RunOptions {
  initial?: CellState; // state before the first step; default zeros (PyTorch's default)
  lengths?: readonly number[]; // real steps per sequence (right padding); default all T
  reverse?: boolean; // consume steps T-1 .. 0: the backward half of a bidirectional encoder; default false
  trace?: boolean; // keep each step's gates; default true (they cost nothing extra to keep)
  probes?: boolean; // add zero leaves whose .grad becomes dL/dh_t (and dL/dc_t); default false
}

export interface SequenceResult {
  /** h_t for each position t (B, H), indexed by position even when reverse is set. */
  output: Tensor[];
  /** State after each sequence's last real step (the last position it consumed). */
  state: CellState;
  /** Gates per position; h (and c) are the state carried on, so trace[t].h === output[t]. */
  trace: CellStepTrace[] | null;
  /** Per position, when `probes` was set. */
  probes: StateProbe[] | null;
}

/**
 * Unrolls `cell` over `xs` (T tensors of shape (B, I)). With `lengths`, a sequence's state is
 * held unchanged at its padded steps, so right-padded batches give the same states as
 * PyTorch's packed sequences: a forward run ends at the last real token, and a reverse run
 * starts there.
 */
export function runSequence(cell: RecurrentCell, xs: readonly Tensor[], opts: RunOptions = {}): SequenceResult {
  const T = xs.length;
  if (T === 0) throw new ShapeError('runSequence: no steps');
  const B = xs[0].shape[0];
  const H = cell.hiddenSize;
  const lengths = opts.lengths ?? new Array<number>(B).fill(T);
  if (lengths.length !== B || lengths.some((n) => !Number.isInteger(n) || n < 0 || n > T)) {
    throw new RangeError(`runSequence: lengths [${lengths.join(', ')}] do not fit a batch of ${B} sequences of ${T} steps`);
  }
  const keepTrace = opts.trace ?? true;
  let state = opts.initial ?? cell.zeroState(B);
  const output = new Array<Tensor>(T);
  const trace = keepTrace ? new Array<CellStepTrace>(T) : null;
  const probes = opts.probes ? new Array<StateProbe>(T) : null;

  for (let k = 0; k < T; k++) {
    const t = opts.reverse ? T - 1 - k : k;
    const x = xs[t]; // (B, I)
    if (x.rank !== 2 || x.shape[0] !== B) {
      throw new ShapeError(`runSequence: step ${t} has shape ${shapeStr(x.shape)}, expected (${B}, I)`);
    }
    const probe = probes ? { h: Tensor.zeros([B, H], true), c: state.c ? Tensor.zeros([B, H], true) : null } : undefined;
    const step = cell.step(x, state, { active: lengths.map((n) => t < n), probe });
    state = step.state;
    output[t] = state.h;
    if (trace) trace[t] = step.trace;
    if (probes && probe) probes[t] = probe;
  }
  return { output, state, trace, probes };
}

/**
 * Looks up (B, T) token ids in an embedding table (V, D) and returns T tensors of shape (B, D),
 * the time-major form runSequence takes. One lookup, then a slice per step.
 */
export function embedSteps(table: Tensor, ids: readonly (readonly number[])[]): Tensor[] {
  const B = ids.length;
  const T = B > 0 ? ids[0].length : 0;
  if (B === 0 || T === 0 || ids.some((row) => row.length !== T)) {
    throw new ShapeError(`embedSteps: ids must be a non-empty (B, T) grid with equal rows, got ${B} rows`);
  }
  const timeMajor = new Array<number>(T * B);
  for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) timeMajor[t * B + b] = ids[b][t];
  const all = embedding(table, timeMajor); // (T*B, D)
  return Array.from({ length: T }, (_, t) => sliceRows(all, t * B, (t + 1) * B)); // T x (B, D)
}

/**
 * Gathers T time-major step tensors (B, D) into one batch-major matrix (B*T, D), row b*T + t,
 * the layout PyTorch's batch_first outputs reshape to. Uses embedding as a differentiable
 * row gather (its backward scatter-adds into the rows it read).
 */
export function batchMajor(steps: readonly Tensor[]): Tensor {
  const T = steps.length;
  if (T === 0) throw new ShapeError('batchMajor: no steps');
  const B = steps[0].shape[0];
  const stacked = concatRows(steps); // (T*B, D)
  const rows = new Array<number>(B * T);
  for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) rows[b * T + t] = t * B + b;
  return embedding(stacked, rows); // (B*T, D)
}

/**
 * The inverse of batchMajor: splits batch-major features (B*T, I), row b*T + t, into T
 * time-major step tensors (B, I), for runSequence over feature inputs rather than ids.
 */
export function timeMajor(x: Tensor, B: number): Tensor[] {
  const [rows] = x.dims2('timeMajor');
  if (B <= 0 || rows % B !== 0) throw new ShapeError(`timeMajor: ${shapeStr(x.shape)} does not split into ${B} sequences`);
  const T = rows / B;
  return Array.from({ length: T }, (_, t) => embedding(x, Array.from({ length: B }, (_, b) => b * T + t))); // (B, I)
}
