/** What the student sets in the self-attention lesson (src/store/lesson-inputs.ts); the sentence is the shared one. */
import { defineLessonInputs, indexInput, optionalInput, switchInput } from '../../src/store/index.ts';

export const SELF_ATTENTION = defineLessonInputs('self-attention', {
  causal: switchInput(true), // the masking step's "apply a causal mask"
  word: optionalInput(indexInput(0, 512)), // the word followed in the last step; none: the pronoun after "because"
});
