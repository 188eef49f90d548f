/**
 * What the student sets in the positions lesson (src/store/lesson-inputs.ts). The shuffle
 * experiment's sentence, seed, layer and head are one set, seen on both steps that run it;
 * the sliders of a step belong to that step, except the width d, shared by the two figures
 * that draw the same encoding at the same default width.
 */
import { choiceInput, defineLessonInputs, indexInput, intInput, textInput } from '../../src/store/index.ts';
import { MAX_DIMS, MAX_POSITIONS } from './sinusoid-stats.ts';

export const DEFAULT_SENTENCE = 'The animal did not cross the street because it was too tired.';
/** Positions in the rotary figure's score grid. */
export const ROTARY_GRID = 24;

const MODES = ['trained', 'removed'] as const;
export type PositionsMode = (typeof MODES)[number];

export const POSITIONS = defineLessonInputs('positions', {
  sentence: textInput(DEFAULT_SENTENCE, 400),
  shuffle: intInput(1, 0, 999_999), // the seed of the shuffled order
  'shuffle-layer': indexInput(0, 64),
  'shuffle-head': indexInput(0, 64),
  // Each step that runs the experiment opens on its own side of it.
  'blind-mode': choiceInput<PositionsMode>('removed', MODES),
  'back-mode': choiceInput<PositionsMode>('trained', MODES),
  positions: intInput(50, 1, MAX_POSITIONS),
  dims: intInput(128, 2, MAX_DIMS, 2),
  'similarity-positions': intInput(60, 2, MAX_POSITIONS),
  'similarity-dims': intInput(64, 2, MAX_DIMS, 2),
  anchor: intInput(20, 0, MAX_POSITIONS - 1),
  pair: intInput(4, 0, MAX_DIMS / 2 - 1),
  'rotary-seed': intInput(3, 0, 999_999),
  m: intInput(5, 0, ROTARY_GRID - 1),
  n: intInput(2, 0, ROTARY_GRID - 1),
  shift: intInput(10, 0, ROTARY_GRID - 1),
});
