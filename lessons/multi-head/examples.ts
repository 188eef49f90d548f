/** Sentences the lesson offers, and the generated ones it measures over. */
import { generateBankSenses } from '../../src/data/coref-world/index.ts';

/** Sentences the lesson offers with one click. */
export const EXAMPLES = [
  "The animal didn't cross the street because it was too tired.",
  'I deposited money in the bank.',
  'He sat by the river bank.',
  'Mary thanked John because she was grateful.',
];

/** The generated "bank" sentences the drift is averaged over (two senses, from the course's world). */
export const BANK_SAMPLE = generateBankSenses(5, 16).map((b) => ({ sentence: b.sentence, sense: b.sense, span: b.bank }));
