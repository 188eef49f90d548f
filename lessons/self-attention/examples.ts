/** Sentences the lesson offers with one click (the student can type any other). */
export const EXAMPLES = [
  "The animal didn't cross the street because it was too tired.",
  "The animal didn't cross the street because it was too wide.",
  'The cat sat on the mat because it was soft.',
];
