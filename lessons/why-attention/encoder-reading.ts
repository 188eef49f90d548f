/**
 * An RNN reading a sentence word by word: the forward GRU of the translator's encoder
 * (public/models/translate-rnn) run over the student's words, keeping its hidden state after
 * every word and how far each word moved it.
 */
import type { TranslateRnn } from '../../src/checkpoints/atlas-translation.ts';
import { embedSteps, runSequence } from '../../src/models/rnn-sequence.ts';
import { noGrad } from '../../src/runtime/index.ts';

export interface WordByWord {
  states: Float32Array[]; // per word t, h_t (H)
  change: number[]; // per word, |h_t - h_{t-1}| with h_0 = 0
  norm: number[]; // per word, |h_t|
}

/** Runs the encoder's left-to-right GRU over source ids (one sentence, no padding). */
export function readWordByWord(m: TranslateRnn, ids: readonly number[]): WordByWord {
  if (ids.length === 0) throw new RangeError('readWordByWord: no words');
  return noGrad(() => {
    const run = runSequence(m.model.encoderFwd, embedSteps(m.model.srcEmbedding, [ids]), { trace: false });
    const states = run.output.map((h) => h.row(0));
    const dist = (a: Float32Array, b: Float32Array | null) => Math.sqrt(a.reduce((s, v, k) => s + (v - (b ? b[k] : 0)) ** 2, 0));
    return { states, change: states.map((h, t) => dist(h, t > 0 ? states[t - 1] : null)), norm: states.map((h) => dist(h, null)) };
  });
}
