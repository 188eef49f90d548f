/**
 * One sentence through the shipped translator, with everything the lesson's figures show:
 * the greedy translation and, for every French word, the decoder's scores e_tj, weights a_tj
 * and context c_t (from Seq2Seq.greedyDecode's trace), the encoder's annotations h_j and its
 * final state [fwd h_T ; bwd h_1]. Pure: runs in Node for the tests.
 */
import { EOS_ID, type TranslateRnn } from '../../src/checkpoints/atlas-translation.ts';
import { joinFrench } from '../../src/data/translation/index.ts';
import { noGrad, type Tensor } from '../../src/runtime/index.ts';

export interface DecoderStepView {
  word: string; // the French token written at this step ("<eos>" for the end)
  scores: Float32Array; // (S) e_tj
  weights: Float32Array; // (S) a_tj, summing to 1
  context: Float32Array; // (dEncOut) c_t
}

export interface TranslationView {
  french: string; // the words joined, elisions attached: "j'aime l'apprentissage profond"
  tokens: string[]; // one per decoder step, "<eos>" last when the model ended the sentence
  ended: boolean; // whether the model produced <eos> within its length limit
  steps: DecoderStepView[];
  alignment: Float32Array; // (tokens.length, S), row t = steps[t].weights: the heatmap
  annotations: Float32Array[]; // S x (dEncOut) h_j
  final: Float32Array; // (dEncOut) the encoder's final state
}

/** Translates source ids (one sentence, no padding) greedily and collects the decoder's trace. */
export function translateIds(m: TranslateRnn, ids: readonly number[]): TranslationView {
  const S = ids.length;
  const decoded = m.model.greedyDecode([ids]);
  const out = decoded.tokens[0];
  const steps = out.map((id, t): DecoderStepView => {
    const st = decoded.trace.steps[t];
    if (!st.scores || !st.weights) throw new Error('translateIds: the translator has no attention');
    return { word: m.vocabs.fr.word(id), scores: rowOf(st.scores, S), weights: rowOf(st.weights, S), context: st.context.row(0) };
  });
  const alignment = new Float32Array(steps.length * S);
  steps.forEach((s, t) => alignment.set(s.weights, t * S));
  const annotations = Array.from({ length: S }, (_, j) => decoded.trace.annotations.row(j));
  const final = noGrad(() => m.model.encode([ids]).final.row(0));
  const ended = out[out.length - 1] === EOS_ID;
  const words = (ended ? out.slice(0, -1) : out).map((id) => m.vocabs.fr.word(id));
  return { french: joinFrench(words), tokens: steps.map((s) => s.word), ended, steps, alignment, annotations, final };
}

function rowOf(t: Tensor, S: number): Float32Array {
  return t.row(0).slice(0, S);
}
