/**
 * What the student sets in the translation lesson (src/store/lesson-inputs.ts): the English
 * sentence every step reads (typed once, seen translated, aligned and stripped of attention on
 * every step that follows), the French word picked on step 3, and which held-out example the
 * last step shows.
 */
import { defineLessonInputs, indexInput, intInput, optionalInput, textInput } from '../../src/store/index.ts';

/** Sentences that each show one way French departs from English word order. */
export const EXAMPLE_SENTENCES: readonly string[] = [
  'the cat sees the red car',
  'i love deep learning',
  'the red car is big',
  'she has a big red car',
  'i love you',
  'the cat does not drink milk',
  'the old man sees a beautiful bird in the garden',
];

/** Longest sentence the box takes (read-english.ts refuses far shorter ones with a message). */
export const MAX_SENTENCE = 300;

export const TRANSLATION = defineLessonInputs('translation', {
  sentence: textInput(EXAMPLE_SENTENCES[0], MAX_SENTENCE),
  // The French word being written on step 3; none picked: the figure chooses "rouge" or the first.
  word: optionalInput(indexInput(0, 64)),
  // How many times "Show another held-out sentence" was pressed.
  example: intInput(0, 0, 99_999),
});
