/** Example inputs shared by the lesson's figures. */

/** English sentences in the translator's lexicon; each shows a different reordering. */
export const ENGLISH_EXAMPLES = [
  'the cat sees the red car',
  'she has a big red car',
  'i love you',
  'the cat does not drink milk',
  'the red car',
] as const;

/** Sentences from tiny-gpt's world (the coref world). */
export const GPT_EXAMPLES = [
  'The cat sat on the mat because it was tired.',
  'The animal didn\'t cross the street because it was too tired.',
  'Mary thanked John because she was grateful.',
  'I deposited money in the bank.',
] as const;

/** Prompts for the generation step. */
export const PROMPTS = ['The animal didn\'t cross the street because it was too', 'The cat sat on the', 'Mary thanked John because'] as const;
