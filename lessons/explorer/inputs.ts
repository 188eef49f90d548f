/** What the student sets in lesson 8 (src/store/lesson-inputs.ts); the main sentence is the shared one. */
import { defineLessonInputs, indexInput, optionalInput, textInput } from '../../src/store/index.ts';

export const WEATHER = 'She drove the car because it was raining.';

export const EXPLORER = defineLessonInputs('explorer', {
  weather: textInput(WEATHER, 400), // the dummy-"it" step's own sentence
  'follow-word': optionalInput(indexInput(0, 512)), // the word followed in each step; none: the default pronoun
  'weather-word': optionalInput(indexInput(0, 512)),
  'two-models-word': optionalInput(indexInput(0, 512)),
  'predicate-word': optionalInput(indexInput(0, 512)), // coref-mlm's predicate row; none: the predicate after the pronoun
});
