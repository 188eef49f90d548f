/**
 * RNN encoder-decoder with Bahdanau attention (Bahdanau, Cho & Bengio 2014), the model the
 * "attention in translation" lesson trains and inspects.
 *
 * Encoder: embeddings, then a GRU in each direction; annotation h_j = [fwd h_j ; bwd h_j]
 * (bidirectional, as in the paper) or fwd h_j alone. Padded positions hold the state, so
 * right-padded batches behave like PyTorch's packed sequences.
 * Decoder, step t with previous token y_{t-1} and state s_{t-1}:
 *   c_t     = attention(s_{t-1}, h_1..h_T)                (rnn-bahdanau.ts)
 *   s_t     = GRU([E y_{t-1} ; c_t], s_{t-1})
 *   logits  = W_out [s_t ; c_t ; E y_{t-1}] + b_out
 *   s_0     = tanh(W_bridge [fwd h_last ; bwd h_1] + b_bridge)
 * Choices, and why: the paper feeds s_{t-1} (not s_t) to a maxout output layer; a single linear
 * layer over [s_t ; c_t ; E y_{t-1}] is the common modern reading (e.g. the PyTorch seq2seq
 * tutorials) and trains better at this size. The paper starts from the backward state alone;
 * the bridge here sees both directions' final states. With `attention: false` the context is
 * the encoder's final state [fwd h_last ; bwd h_1] at every step (Cho et al. 2014's fixed
 * summary vector) and the attention parameters do not exist, so only the alignment changes.
 */
import {
  Tensor,
  ShapeError,
  tanh,
  linear,
  embedding,
  concatCols,
  crossEntropy,
  noGrad,
  argmax,
  normalParam,
  uniformParam,
  type Rng,
} from '../runtime/index.ts';
import { RecurrentCell } from './rnn.ts';
import { runSequence, embedSteps, batchMajor } from './rnn-sequence.ts';
import { initBahdanau, sourceMemory, additiveAttention, type BahdanauParams, type SourceMemory } from './rnn-bahdanau.ts';

export interface Seq2SeqConfig {
  srcVocab: number; // source vocabulary, special tokens included; default 16
  tgtVocab: number; // target vocabulary; default 16
  dEmb: number; // word embedding width on both sides; default 16 (paper: 620)
  dEnc: number; // encoder GRU width per direction; default 32 (paper: 1000)
  dDec: number; // decoder GRU width; default 32 (paper: 1000)
  dAttn: number; // hidden width of the alignment model; default 32 (paper's n': 1000)
  bidirectional: boolean; // annotations [fwd ; bwd] as in the paper; default true
  attention: boolean; // false: fixed context = final encoder state (no alignment); default true
  padId: number; // padding in both vocabularies, ignored by the loss; default 0
  bosId: number; // first decoder input; default 1
  eosId: number; // ends a target sentence; default 2
}

export const defaultSeq2SeqConfig: Seq2SeqConfig = {
  srcVocab: 16,
  tgtVocab: 16,
  dEmb: 16,
  dEnc: 32,
  dDec: 32,
  dAttn: 32,
  bidirectional: true,
  attention: true,
  padId: 0,
  bosId: 1,
  eosId: 2,
};

/** What the decoder did at one output step, for the whole batch. */
export interface Seq2SeqStepTrace {
  scores: Tensor | null; // (B, T_src) e_tj; null without attention
  weights: Tensor | null; // (B, T_src) a_tj, zero on padding; null without attention
  context: Tensor; // (B, dEncOut) c_t
  state: Tensor; // (B, dDec) s_t
  logits: Tensor; // (B, tgtVocab)
}

export interface Seq2SeqTrace {
  annotations: Tensor; // (B*T_src, dEncOut), row b*T_src + j is h_j of sentence b
  lengths: number[]; // real source tokens per sentence
  steps: Seq2SeqStepTrace[];
}

export interface DecodeResult {
  tokens: number[][]; // per sentence, ending with eosId when it was produced within maxLen
  /** Per sentence, (tokens.length, source length): row t is a_t over the real source tokens. */
  alignment: Tensor[] | null;
  trace: Seq2SeqTrace;
}

/** Encoder outputs for one source batch. */
interface Encoded {
  annotations: Tensor; // (B*T, dEncOut)
  final: Tensor; // (B, dEncOut) [fwd h_last ; bwd h_1]
  lengths: number[];
  memory: SourceMemory | null;
}

type Ids = readonly (readonly number[])[];

export class Seq2Seq {
  readonly cfg: Seq2SeqConfig;
  readonly srcEmbedding: Tensor; // (srcVocab, dEmb)
  readonly tgtEmbedding: Tensor; // (tgtVocab, dEmb)
  readonly encoderFwd: RecurrentCell;
  readonly encoderBwd: RecurrentCell | null;
  readonly bridge: { weight: Tensor; bias: Tensor }; // (dDec, dEncOut), (dDec)
  readonly attention: BahdanauParams | null;
  readonly decoder: RecurrentCell;
  readonly out: { weight: Tensor; bias: Tensor }; // (tgtVocab, dDec + dEncOut + dEmb), (tgtVocab)

  /** PyTorch default inits (Embedding N(0, 1), Linear and GRUCell uniform) from one rng. */
  constructor(cfg: Partial<Seq2SeqConfig>, rng: Rng) {
    const c = (this.cfg = { ...defaultSeq2SeqConfig, ...cfg });
    const dEncOut = this.dEncOut;
    const linearInit = (dOut: number, dIn: number) => ({
      weight: uniformParam([dOut, dIn], 1 / Math.sqrt(dIn), rng),
      bias: uniformParam([dOut], 1 / Math.sqrt(dIn), rng),
    });
    this.srcEmbedding = normalParam([c.srcVocab, c.dEmb], 1, rng);
    this.tgtEmbedding = normalParam([c.tgtVocab, c.dEmb], 1, rng);
    this.encoderFwd = new RecurrentCell({ kind: 'gru', inputSize: c.dEmb, hiddenSize: c.dEnc }, rng);
    this.encoderBwd = c.bidirectional ? new RecurrentCell({ kind: 'gru', inputSize: c.dEmb, hiddenSize: c.dEnc }, rng) : null;
    this.bridge = linearInit(c.dDec, dEncOut);
    this.attention = c.attention ? initBahdanau(c.dDec, dEncOut, c.dAttn, rng) : null;
    this.decoder = new RecurrentCell({ kind: 'gru', inputSize: c.dEmb + dEncOut, hiddenSize: c.dDec }, rng);
    this.out = linearInit(c.tgtVocab, c.dDec + dEncOut + c.dEmb);
  }

  /** Width of an annotation h_j: dEnc, doubled when bidirectional. */
  get dEncOut(): number {
    return this.cfg.dEnc * (this.cfg.bidirectional ? 2 : 1);
  }

  /** Parameters under the names the PyTorch mirror (scripts/gen_rnn_golden.py) gives them. */
  namedParameters(): Map<string, Tensor> {
    const named = new Map<string, Tensor>([
      ['src_embedding.weight', this.srcEmbedding],
      ['tgt_embedding.weight', this.tgtEmbedding],
      ...this.encoderFwd.namedParameters('encoder_fwd.'),
      ...(this.encoderBwd?.namedParameters('encoder_bwd.') ?? []),
      ['bridge.weight', this.bridge.weight],
      ['bridge.bias', this.bridge.bias],
    ]);
    if (this.attention) {
      named.set('attention.W_a.weight', this.attention.W_a);
      named.set('attention.U_a.weight', this.attention.U_a);
      named.set('attention.v_a.weight', this.attention.v_a);
    }
    for (const [name, t] of this.decoder.namedParameters('decoder.')) named.set(name, t);
    named.set('out.weight', this.out.weight);
    named.set('out.bias', this.out.bias);
    return named;
  }

  parameters(): Tensor[] {
    return [...this.namedParameters().values()];
  }

  /** Runs the encoder over right-padded source ids (B, T_src). */
  encode(src: Ids): Encoded {
    const lengths = checkIds(src, this.cfg.srcVocab, this.cfg.padId, 'source');
    const xs = embedSteps(this.srcEmbedding, src); // T x (B, dEmb)
    const fwd = runSequence(this.encoderFwd, xs, { lengths, trace: false });
    let steps = fwd.output; // T x (B, dEnc)
    let final = fwd.state.h; // (B, dEnc)
    if (this.encoderBwd) {
      const bwd = runSequence(this.encoderBwd, xs, { lengths, reverse: true, trace: false });
      steps = steps.map((h, t) => concatCols([h, bwd.output[t]])); // T x (B, 2 dEnc)
      final = concatCols([final, bwd.state.h]); // (B, 2 dEnc)
    }
    const annotations = batchMajor(steps); // (B*T, dEncOut)
    const memory = this.attention ? sourceMemory(this.attention, annotations, lengths) : null;
    return { annotations, final, lengths, memory };
  }

  /**
   * Teacher-forced pass for training: tgtIn (B, T_out) starts with bosId (see teacherForcing).
   * `output` is the logits (B*T_out, tgtVocab), row b*T_out + t, ready for
   * crossEntropy(output, tgtOut.flat(), padId).
   */
  forward(src: Ids, tgtIn: Ids, opts: { trace?: boolean } = {}): { output: Tensor; trace: Seq2SeqTrace | null } {
    const enc = this.encode(src);
    checkIds(tgtIn, this.cfg.tgtVocab, this.cfg.padId, 'target', false);
    if (tgtIn.length !== src.length) throw new ShapeError(`seq2seq: ${src.length} sources but ${tgtIn.length} targets`);
    const ys = embedSteps(this.tgtEmbedding, tgtIn); // T_out x (B, dEmb)
    let s = this.initialState(enc); // (B, dDec)
    const steps: Seq2SeqStepTrace[] = [];
    for (const y of ys) {
      const step = this.step(y, s, enc);
      steps.push(step);
      s = step.state;
    }
    const output = batchMajor(steps.map((st) => st.logits)); // (B*T_out, tgtVocab)
    const trace = (opts.trace ?? true) ? { annotations: enc.annotations, lengths: enc.lengths, steps } : null;
    return { output, trace };
  }

  /**
   * Greedy decoding without gradients: each sentence takes the most likely token until eosId
   * or maxLen (default 2 T_src + 2). Returns the alignment a_tj per sentence for the heatmap.
   */
  greedyDecode(src: Ids, maxLen = 2 * (src[0]?.length ?? 0) + 2): DecodeResult {
    return noGrad(() => {
      const enc = this.encode(src);
      const B = src.length;
      const tokens: number[][] = Array.from({ length: B }, () => []);
      const done = new Array<boolean>(B).fill(false);
      const steps: Seq2SeqStepTrace[] = [];
      let prev = new Array<number>(B).fill(this.cfg.bosId);
      let s = this.initialState(enc); // (B, dDec)
      for (let t = 0; t < maxLen && done.some((d) => !d); t++) {
        const step = this.step(embedding(this.tgtEmbedding, prev), s, enc);
        steps.push(step);
        s = step.state;
        prev = Array.from({ length: B }, (_, b) => argmax(step.logits.row(b))); // greedy: (B) ids
        prev.forEach((id, b) => {
          if (done[b]) return;
          tokens[b].push(id);
          done[b] = id === this.cfg.eosId;
        });
      }
      const alignment = this.attention
        ? tokens.map((toks, b) => {
            const n = enc.lengths[b];
            const a = new Float32Array(toks.length * n);
            toks.forEach((_, t) => a.set((steps[t].weights as Tensor).row(b).subarray(0, n), t * n));
            return new Tensor(a, [toks.length, n]); // (T_out_b, T_src_b)
          })
        : null;
      return { tokens, alignment, trace: { annotations: enc.annotations, lengths: enc.lengths, steps } };
    });
  }

  /** The decoder's first state s_0 from the encoder's final state. */
  initialState(enc: Encoded): Tensor {
    return tanh(linear(enc.final, this.bridge.weight, this.bridge.bias)); // (B, dDec)
  }

  /**
   * One decoder step from the previous token's embedding y (B, dEmb) and state s_{t-1}.
   * `contextOverride` replaces the context c_t the attention would compute (lessons use it to
   * show what the decoder does with a uniform or a fixed context instead).
   */
  step(y: Tensor, sPrev: Tensor, enc: Encoded, contextOverride?: Tensor): Seq2SeqStepTrace {
    const attn = !contextOverride && this.attention && enc.memory ? additiveAttention(this.attention, sPrev, enc.memory) : null;
    const context = contextOverride ?? (attn ? attn.context : enc.final); // (B, dEncOut)
    const state = this.decoder.step(concatCols([y, context]), { h: sPrev, c: null }).state.h; // (B, dDec)
    const logits = linear(concatCols([state, context, y]), this.out.weight, this.out.bias); // (B, tgtVocab)
    return { scores: attn?.scores ?? null, weights: attn?.weights ?? null, context, state, logits };
  }
}

/**
 * Decoder inputs and targets from target sentences (no specials): tgtIn = [bos, y...] and
 * tgtOut = [y..., eos], both right-padded with padId to the longest sentence + 1.
 */
export function teacherForcing(targets: Ids, cfg: Pick<Seq2SeqConfig, 'padId' | 'bosId' | 'eosId'>): { tgtIn: number[][]; tgtOut: number[][] } {
  const T = Math.max(...targets.map((y) => y.length)) + 1;
  const pad = (row: number[]): number[] => [...row, ...new Array<number>(T - row.length).fill(cfg.padId)];
  return {
    tgtIn: targets.map((y) => pad([cfg.bosId, ...y])),
    tgtOut: targets.map((y) => pad([...y, cfg.eosId])),
  };
}

/** Right-pads sentences of different lengths with padId into a (B, T) grid. */
export function padBatch(rows: Ids, padId: number): number[][] {
  const T = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<number>(T - r.length).fill(padId)]);
}

/** Mean token cross-entropy of the teacher-forced model on (source, target) sentences. */
export function seq2seqLoss(model: Seq2Seq, src: Ids, targets: Ids): Tensor {
  const { tgtIn, tgtOut } = teacherForcing(targets, model.cfg);
  const { output } = model.forward(padBatch(src, model.cfg.padId), tgtIn, { trace: false });
  return crossEntropy(output, tgtOut.flat(), model.cfg.padId); // scalar
}

/** Real lengths of a right-padded id grid; checks the grid, the vocabulary and the padding. */
function checkIds(ids: Ids, vocab: number, padId: number, what: string, rightPadded = true): number[] {
  const T = ids[0]?.length ?? 0;
  if (ids.length === 0 || T === 0 || ids.some((r) => r.length !== T)) {
    throw new ShapeError(`seq2seq: ${what} ids must be a non-empty (B, T) grid with equal rows`);
  }
  return ids.map((row, b) => {
    row.forEach((id, t) => {
      if (!Number.isInteger(id) || id < 0 || id >= vocab) throw new RangeError(`seq2seq: ${what} id ${id} at (${b}, ${t}) is outside 0..${vocab - 1}`);
    });
    const n = row.findIndex((id) => id === padId);
    const len = n === -1 ? T : n;
    if (rightPadded && (len === 0 || row.slice(len).some((id) => id !== padId))) {
      throw new RangeError(`seq2seq: ${what} row ${b} must be 1+ tokens followed only by padding`);
    }
    return len;
  });
}
