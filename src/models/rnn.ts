/**
 * Recurrent cells: vanilla RNN (tanh), LSTM and GRU, with PyTorch's parameter names, gate
 * layout and equations (nn.RNNCell, nn.LSTMCell, nn.GRUCell), so weights trained in PyTorch
 * load by name and the numbers in the lessons are the ones PyTorch would print.
 *
 * Each cell holds weight_ih (gates*H, I), weight_hh (gates*H, H), bias_ih and bias_hh
 * (gates*H), gate blocks stacked in PyTorch's order: LSTM i, f, g, o; GRU r, z, n.
 * One step maps (x_t, state_{t-1}) to state_t and a typed record of its gates.
 */
import {
  Tensor,
  ShapeError,
  shapeStr,
  add,
  sub,
  mul,
  linear,
  sigmoid,
  tanh,
  sliceCols,
  uniformParam,
  type Rng,
} from '../runtime/index.ts';

export type CellKind = 'rnn' | 'lstm' | 'gru';

export interface CellConfig {
  kind: CellKind; // which recurrence; default 'gru'
  inputSize: number; // I, features per step; default 8
  hiddenSize: number; // H, width of the hidden state; default 16
}

export const defaultCellConfig: CellConfig = { kind: 'gru', inputSize: 8, hiddenSize: 16 };

/** Gate blocks stacked in weight_ih / weight_hh for each kind. */
export const gateCount: Readonly<Record<CellKind, number>> = { rnn: 1, lstm: 4, gru: 3 };

/** Parameters under PyTorch's names. */
export interface CellParams {
  weight_ih: Tensor; // (gates*H, I)
  weight_hh: Tensor; // (gates*H, H)
  bias_ih: Tensor; // (gates*H)
  bias_hh: Tensor; // (gates*H)
}

/** The recurrent state: h for every kind, plus the cell memory c for the LSTM (null otherwise). */
export interface CellState {
  h: Tensor; // (B, H)
  c: Tensor | null; // (B, H), LSTM only
}

/** h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh). */
export interface RnnStepTrace {
  kind: 'rnn';
  h: Tensor; // (B, H)
}

/**
 * i, f, o = sigmoid(...), g = tanh(...); c_t = f * c_{t-1} + i * g; h_t = o * tanh(c_t).
 */
export interface LstmStepTrace {
  kind: 'lstm';
  i: Tensor; // (B, H) input gate
  f: Tensor; // (B, H) forget gate
  g: Tensor; // (B, H) candidate cell values
  o: Tensor; // (B, H) output gate
  c: Tensor; // (B, H) cell memory after the step
  h: Tensor; // (B, H)
}

/**
 * r, z = sigmoid(...); n = tanh(W_in x + b_in + r * (W_hn h + b_hn)); h_t = (1 - z) * n + z * h_{t-1}.
 */
export interface GruStepTrace {
  kind: 'gru';
  r: Tensor; // (B, H) reset gate
  z: Tensor; // (B, H) update gate: how much of h_{t-1} is kept
  n: Tensor; // (B, H) candidate state
  h: Tensor; // (B, H)
}

export type CellStepTrace = RnnStepTrace | LstmStepTrace | GruStepTrace;

export interface CellStep {
  state: CellState;
  trace: CellStepTrace;
}

/** Zero leaves added to a step's state; after backward, `.grad` is dL/dh_t (and dL/dc_t for LSTMs). */
export interface StateProbe {
  h: Tensor; // (B, H)
  c: Tensor | null; // (B, H), LSTM only
}

export interface StepOptions {
  /** Per row: false holds that sequence's state unchanged (a padded step). Default all true. */
  active?: readonly boolean[];
  /** Zero leaves to add to the new state, so their gradients read dL/dh_t, dL/dc_t (rnn-sequence.ts). */
  probe?: StateProbe;
}

/** One recurrent cell of any kind. Parameters are trainable leaves. */
export class RecurrentCell {
  readonly cfg: CellConfig;
  readonly params: CellParams;

  /**
   * Draws every parameter from U(-1/sqrt(H), 1/sqrt(H)) as PyTorch's reset_parameters does,
   * in its order (weight_ih, weight_hh, bias_ih, bias_hh), from the seeded rng.
   */
  constructor(cfg: Partial<CellConfig>, rng: Rng) {
    this.cfg = { ...defaultCellConfig, ...cfg };
    const { kind, inputSize: I, hiddenSize: H } = this.cfg;
    const G = gateCount[kind] * H;
    const bound = 1 / Math.sqrt(H);
    this.params = {
      weight_ih: uniformParam([G, I], bound, rng),
      weight_hh: uniformParam([G, H], bound, rng),
      bias_ih: uniformParam([G], bound, rng),
      bias_hh: uniformParam([G], bound, rng),
    };
  }

  get kind(): CellKind {
    return this.cfg.kind;
  }

  get hiddenSize(): number {
    return this.cfg.hiddenSize;
  }

  parameters(): Tensor[] {
    return Object.values(this.params);
  }

  /** Parameters under PyTorch's names, optionally prefixed ("encoder_fwd." -> "encoder_fwd.weight_ih"). */
  namedParameters(prefix = ''): Map<string, Tensor> {
    return new Map(Object.entries(this.params).map(([name, t]) => [prefix + name, t]));
  }

  /** All-zero starting state for a batch of B sequences (PyTorch's default h0 and c0). */
  zeroState(B: number): CellState {
    const H = this.cfg.hiddenSize;
    return { h: Tensor.zeros([B, H]), c: this.cfg.kind === 'lstm' ? Tensor.zeros([B, H]) : null };
  }

  /**
   * One time step for a batch: x (B, I) and the previous state give the next state. Rows with
   * active[b] false keep their previous state. A probe is added where the state is made, so
   * that dL/dc_t includes the path through h_t = o * tanh(c_t).
   */
  step(x: Tensor, prev: CellState, opts: StepOptions = {}): CellStep {
    const { kind, inputSize: I, hiddenSize: H } = this.cfg;
    if (x.rank !== 2 || x.shape[1] !== I) {
      throw new ShapeError(`${kind} cell: input ${shapeStr(x.shape)} does not fit inputSize ${I} (expected (B, ${I}))`);
    }
    if (prev.h.rank !== 2 || prev.h.shape[0] !== x.shape[0] || prev.h.shape[1] !== H) {
      throw new ShapeError(`${kind} cell: state ${shapeStr(prev.h.shape)} does not fit input ${shapeStr(x.shape)} and hiddenSize ${H}`);
    }
    const hold = holdRows(opts.active, H);
    const probeH = opts.probe?.h ?? null;
    const finish = (next: Tensor, before: Tensor, p: Tensor | null): Tensor => {
      const held = hold ? hold(next, before) : next;
      return p ? add(held, p) : held; // + 0: same values, a leaf to read the gradient from
    };
    const p = this.params;
    const gi = linear(x, p.weight_ih, p.bias_ih); // (B, gates*H)
    const gh = linear(prev.h, p.weight_hh, p.bias_hh); // (B, gates*H)
    const block = (t: Tensor, k: number): Tensor => sliceCols(t, k * H, (k + 1) * H); // (B, H)
    if (kind === 'rnn') {
      const h = finish(tanh(add(gi, gh)), prev.h, probeH); // (B, H)
      return { state: { h, c: null }, trace: { kind, h } };
    }
    if (kind === 'lstm') {
      if (prev.c === null) throw new Error('lstm cell: the state has no cell memory c');
      const gates = add(gi, gh); // (B, 4H)
      const i = sigmoid(block(gates, 0)); // (B, H)
      const f = sigmoid(block(gates, 1)); // (B, H)
      const g = tanh(block(gates, 2)); // (B, H)
      const o = sigmoid(block(gates, 3)); // (B, H)
      const c = finish(add(mul(f, prev.c), mul(i, g)), prev.c, opts.probe?.c ?? null); // (B, H)
      const h = finish(mul(o, tanh(c)), prev.h, probeH); // (B, H)
      return { state: { h, c }, trace: { kind, i, f, g, o, c, h } };
    }
    const r = sigmoid(add(block(gi, 0), block(gh, 0))); // (B, H)
    const z = sigmoid(add(block(gi, 1), block(gh, 1))); // (B, H)
    // The reset gate scales W_hn h + b_hn after the bias, as PyTorch (and cuDNN) do; the
    // original GRU paper applies it to h before W_hn.
    const n = tanh(add(block(gi, 2), mul(r, block(gh, 2)))); // (B, H)
    // (1 - z) * n + z * h written as n + z * (h - n), PyTorch's own arrangement.
    const h = finish(add(n, mul(z, sub(prev.h, n))), prev.h, probeH); // (B, H)
    return { state: { h, c: null }, trace: { kind, r, z, n, h } };
  }
}

/**
 * For a batch where some rows are inactive, a function giving next where active and prev
 * where not; null when every row is active. Written as next * m + prev * (1 - m) with a 0/1
 * constant m: exact, because x * 1 + y * 0 = x in floating point.
 */
function holdRows(active: readonly boolean[] | undefined, H: number): ((next: Tensor, prev: Tensor) => Tensor) | null {
  if (!active || active.every((a) => a)) return null;
  const B = active.length;
  const keep = new Float32Array(B * H);
  const stay = new Float32Array(B * H);
  active.forEach((a, b) => (a ? keep : stay).fill(1, b * H, (b + 1) * H));
  const m = new Tensor(keep, [B, H]); // (B, H)
  const notM = new Tensor(stay, [B, H]); // (B, H)
  return (next, prev) => add(mul(next, m), mul(prev, notM));
}

/**
 * Copies values into named parameters in place (so optimisers holding the tensors keep
 * working). Every target name must be present in `values` with the same shape; extra
 * names in `values` are an error too, so a misspelt checkpoint key cannot pass silently.
 */
export function loadNamedParameters(
  target: ReadonlyMap<string, Tensor>,
  values: ReadonlyMap<string, { data: ArrayLike<number>; shape: readonly number[] }>,
): void {
  for (const name of values.keys()) {
    if (!target.has(name)) throw new Error(`loadNamedParameters: unexpected parameter "${name}"`);
  }
  for (const [name, t] of target) {
    const v = values.get(name);
    if (!v) throw new Error(`loadNamedParameters: missing parameter "${name}"`);
    if (v.shape.length !== t.rank || v.shape.some((d, i) => d !== t.shape[i]) || v.data.length !== t.size) {
      throw new ShapeError(`loadNamedParameters: "${name}" is ${shapeStr(v.shape)} but the model expects ${shapeStr(t.shape)}`);
    }
    t.data.set(v.data);
  }
}
