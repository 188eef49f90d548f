/** What the student sets in the multi-head lesson (src/store/lesson-inputs.ts); the main sentence is the shared one. */
import { defineLessonInputs, textInput } from '../../src/store/index.ts';

/** The student's two "bank" sentences (src/store/lesson-inputs.ts), in the lesson's link. */
export const BANK_INPUTS = defineLessonInputs('multi-head', {
  'bank-first': textInput('I deposited money in the bank.'),
  'bank-second': textInput('He sat by the river bank.'),
});
