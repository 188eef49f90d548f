/**
 * What the student sets in the Transformer lesson (src/store/lesson-inputs.ts). A box with
 * the same label and example on several steps is one input, typed once and seen on each:
 * the English sentence of the overview and cross-attention, tiny-gpt's sentence of the causal
 * mask, residual stream, LayerNorm and feed-forward steps. The rest belong to one figure each;
 * the generation step's model is a model reference, so a link can name a hub model.
 */
import { ARCHITECTURE_BLOCKS } from '../../src/viz/architecture-layout.ts';
import {
  choiceInput,
  decimalInput,
  defineLessonInputs,
  indexInput,
  indexListInput,
  intInput,
  modelRefInput,
  optionalInput,
  switchInput,
  textInput,
  type InputCodec,
} from '../../src/store/index.ts';
import type { HeadChoice } from './model/attention-views.ts';
import type { SubLayer } from './model/residual.ts';
import { ENGLISH_EXAMPLES, GPT_EXAMPLES, PROMPTS } from './steps/examples.ts';

/** Longest text a box takes; the models check their own limits and say so. */
const MAX_BOX = 400;
/** Most tokens or heads an index here may name (the store's selection cap). */
const MANY = 512;
/** Most tokens the residual stream plots at once. */
export const MAX_SERIES = 5;

/** A head, 1-based, or the mean of a layer's heads ("mean"). */
const headChoice: InputCodec<HeadChoice> = (() => {
  const head = indexInput(0, 64);
  return {
    default: 0,
    linked: true,
    decode: (s: string) => (s === 'mean' ? 'mean' : head.decode(s)),
    encode: (v: HeadChoice) => (v === 'mean' ? 'mean' : head.encode(v)),
  };
})();

export const TRANSFORMER = defineLessonInputs('transformer', {
  english: textInput(ENGLISH_EXAMPLES[0], MAX_BOX),
  'encoder-english': textInput(ENGLISH_EXAMPLES[1], MAX_BOX),
  gpt: textInput(GPT_EXAMPLES[0], MAX_BOX),
  // The overview: which block the inspector opens, which token its feed-forward panel shows.
  block: choiceInput<(typeof ARCHITECTURE_BLOCKS)[number]>('decoder-cross-attention', ARCHITECTURE_BLOCKS),
  'block-token': indexInput(0, MANY),
  // "Mean of the heads" beside the store's layer and head, per figure.
  'block-mean': switchInput(true),
  'encoder-mean': switchInput(true),
  'causal-mean': switchInput(false),
  'cross-mean': switchInput(true),
  'sentence-a': textInput('the cat sat on the mat', MAX_BOX),
  'sentence-b': textInput('the cat sat on the sofa', MAX_BOX),
  'residual-tokens': indexListInput([0, 1, 7], MANY, MAX_SERIES),
  'norm-token': indexInput(7, MANY),
  'norm-sublayer': choiceInput<SubLayer>('attention', ['attention', 'ffn']),
  'ffn-token': indexInput(1, MANY),
  // Generation: the causal language model that writes (the course's tiny-gpt, or one opened from the hub, a folder or disk).
  checkpoint: modelRefInput('tiny-gpt'),
  prompt: textInput(PROMPTS[0], MAX_BOX),
  temperature: decimalInput(0.8, 0, 2, 0.05),
  seed: intInput(1, 0, 99_999),
  // BERT against GPT: one sentence, and each side's own layer and head (none chosen: the model's own pick).
  both: textInput(GPT_EXAMPLES[1], MAX_BOX),
  'bert-layer': optionalInput(indexInput(0, 64)),
  'bert-head': optionalInput(headChoice),
  'gpt-layer': optionalInput(indexInput(0, 64)),
  'gpt-head': optionalInput(headChoice),
});
