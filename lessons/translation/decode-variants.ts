/**
 * Greedy decoding of the shipped RNN translator with the context c_t chosen three ways, so
 * the lesson can show what the attention contributes:
 *
 *   'attention'  c_t = sum_j a_tj h_j with the learned Bahdanau weights (what the model does)
 *   'uniform'    c_t = (1/T) sum_j h_j: every a_tj replaced by 1/T, at every step
 *   'final'      c_t = [fwd h_T ; bwd h_1], the encoder's final state, the same at every step:
 *                the one summary vector an encoder-decoder without attention (Cho et al. 2014)
 *                hands its decoder
 *
 * The decoder was trained with attention only; 'uniform' and 'final' feed it a context it
 * never saw in training. They measure how much this decoder relies on where it looks, not how
 * well a model trained without attention would do (none is shipped).
 *
 * Each step is the model's own decoder step (Seq2Seq.step) with the context passed in for
 * 'uniform' and 'final'; a test checks that 'attention' reproduces model.greedyDecode exactly.
 */
import type { Seq2Seq } from '../../src/models/seq2seq.ts';
import { argmax, embedding, noGrad, Tensor } from '../../src/runtime/index.ts';

export type ContextMode = 'attention' | 'uniform' | 'final';

export const CONTEXT_MODES: readonly ContextMode[] = ['attention', 'uniform', 'final'];

/** One output word and what the decoder used to choose it. */
export interface VariantStep {
  token: number; // the id chosen (argmax)
  weights: Float32Array; // (S) the a_tj used: learned, uniform, or all zero for 'final'
  context: Float32Array; // (dEncOut) c_t
}

export interface VariantDecode {
  tokens: number[]; // ending with eosId when produced within maxLen
  steps: VariantStep[];
  annotations: Float32Array[]; // S x (dEncOut): h_j per source word
  final: Float32Array; // (dEncOut) [fwd h_T ; bwd h_1]
}

/** Greedy decoding of one source sentence (ids, no padding) with the chosen context. */
export function decodeWithContext(model: Seq2Seq, src: readonly number[], mode: ContextMode, maxLen = 2 * src.length + 2): VariantDecode {
  if (src.length === 0) throw new RangeError('decodeWithContext: the source sentence is empty');
  return noGrad(() => {
    const enc = model.encode([src]);
    const S = src.length;
    const D = model.dEncOut;
    const annotations = Array.from({ length: S }, (_, j) => enc.annotations.row(j)); // (dEncOut) each
    const uniform = new Float32Array(D);
    for (const h of annotations) for (let k = 0; k < D; k++) uniform[k] += h[k] / S;
    const fixed = mode === 'uniform' ? new Tensor(uniform, [1, D]) : enc.final; // (1, dEncOut)
    if (mode === 'attention' && (!model.attention || !enc.memory)) throw new Error('decodeWithContext: this translator has no attention');
    let s = model.initialState(enc); // (1, dDec) s_0
    let prev = model.cfg.bosId;
    const tokens: number[] = [];
    const steps: VariantStep[] = [];
    for (let t = 0; t < maxLen; t++) {
      const y = embedding(model.tgtEmbedding, [prev]); // (1, dEmb)
      const step = model.step(y, s, enc, mode === 'attention' ? undefined : fixed);
      s = step.state; // (1, dDec)
      const weights = step.weights ? step.weights.row(0) : new Float32Array(S).fill(mode === 'uniform' ? 1 / S : 0);
      prev = argmax(step.logits.data);
      tokens.push(prev);
      steps.push({ token: prev, weights, context: step.context.row(0) });
      if (prev === model.cfg.eosId) break;
    }
    return { tokens, steps, annotations, final: enc.final.row(0) };
  });
}
