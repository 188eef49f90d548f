/**
 * What the student sets in the why-attention lesson (src/store/lesson-inputs.ts). The recall
 * sequence (code, asked symbol, distance, distractor seed) is set on one step and seen by the
 * others; the rest belong to one figure each.
 */
import { choiceInput, defineLessonInputs, indexInput, intInput, optionalInput, textInput, type InputCodec } from '../../src/store/index.ts';
import { defaultLongRangeTask } from '../../src/data/long-range.ts';
import { EXAMPLE_SENTENCES, MAX_SENTENCE } from '../translation/inputs.ts';
import { MAX_WORDS } from '../translation/read-english.ts';

const task = defaultLongRangeTask;

/** A code of `length` symbols 0..9, written as its digits: [4, 7, 1] is "471". */
function codeInput(def: readonly number[], length: number, symbols: number): InputCodec<readonly number[]> {
  return {
    default: def,
    linked: true,
    decode: (s) => (new RegExp(`^[0-9]{${length}}$`).test(s) && [...s].every((d) => Number(d) < symbols) ? [...s].map(Number) : undefined),
    encode: (v) => v.join(''),
  };
}

/** 2^3 .. 2^14: the cost figure's sequence lengths, and 2^4 .. 2^12 its vector widths. */
const powersOfTwo = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => 2 ** (from + k));
export const COST_LENGTHS = powersOfTwo(3, 14);
export const COST_WIDTHS = powersOfTwo(4, 12);

export const WHY_ATTENTION = defineLessonInputs('why-attention', {
  // Step 1: the sentence the RNN reads, and how many of its words it has read (none picked: all).
  sentence: textInput(EXAMPLE_SENTENCES[0], MAX_SENTENCE),
  read: optionalInput(intInput(1, 1, MAX_WORDS)),
  // The recall sequence every later figure reads.
  code: codeInput([4, 7, 1], task.codeLength, task.symbols),
  asked: indexInput(0, task.codeLength), // which code symbol the question asks for
  distance: intInput(24, 1, task.maxDistance), // N: tokens from the asked symbol to the query
  seed: intInput(1, 0, 999_999), // draws the distractors
  'attention-head': indexInput(0, 16),
  'accuracy-seed': intInput(1, 0, 999_999),
  'gradient-distance': intInput(64, 4, 64),
  'gradient-seed': intInput(1, 0, 999_999),
  n: choiceInput(64, COST_LENGTHS),
  d: choiceInput(512, COST_WIDTHS),
});
