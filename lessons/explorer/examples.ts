/** Sentences the lesson offers with one click. */
export const EXAMPLES = [
  "The animal didn't cross the street because it was too tired.",
  'Mary thanked John because she was grateful.',
  'The trophy did not fit in the suitcase because it was too big.',
  'She drove the car because it was raining.',
];
