/** The store's state before anything happens: the defaults a fresh visitor sees. */
import type { AtlasState } from './state.ts';

export const DEFAULT_MODEL = 'coref';
export const DEFAULT_TEXT = "The animal didn't cross the street because it was too tired.";
// The Winograd pair: one word changes what "it" refers to.
export const DEFAULT_COMPARE_TEXT = "The animal didn't cross the street because it was too wide.";

export const initialState: AtlasState = {
  // route
  route: { name: 'home' },
  // progress
  progress: {},
  // explorer
  modelId: DEFAULT_MODEL,
  text: DEFAULT_TEXT,
  compareText: DEFAULT_COMPARE_TEXT,
  compare: false,
  // selection
  layer: 0,
  head: 0,
  token: null,
  pinned: null,
  limits: null,
  // preferences
  theme: 'system',
  presenter: false,
  showValues: false,
  // run
  runStatus: 'idle',
  runResult: null,
  runError: null,
  // lesson inputs (only what differs from each input's default)
  lessonInputs: {},
};
