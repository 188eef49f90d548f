/** Sentences the lesson offers with one click. */
export const EXAMPLES = [
  "The animal didn't cross the street because it was too tired.",
  'I deposited money in the bank.',
  'He sat by the river bank.',
  'Mary thanked John because she was grateful.',
];
