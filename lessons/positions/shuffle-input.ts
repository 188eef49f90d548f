/**
 * From typed text to the two token sequences of the shuffle experiment, with a message in
 * place of an exception for input the experiment cannot use (empty, too long, one word).
 */
import { readWords, tokenLabels, type Tokenizer, type UnseenWord } from '../../src/tokenizers/index.ts';
import { shuffledOrder } from './shuffle.ts';

/** Most tokens the figure shows: beyond this the two heatmaps stop being readable. */
export const MAX_SHUFFLE_TOKENS = 32;

export type ShuffleInput =
  | { ok: false; message: string }
  | { ok: true; ids: number[]; labels: string[]; order: number[]; shuffledLabels: string[]; unknown: UnseenWord[] };

/** Tokenizes `text` and draws the seeded order; special tokens ([CLS], [SEP], BOS) stay put. */
export function shuffleInput(tokenizer: Tokenizer, maxPositions: number, text: string, seed: number): ShuffleInput {
  if (text.trim() === '') return { ok: false, message: 'There is no sentence to shuffle: type one first.' };
  const tokens = tokenizer.encode(text);
  const limit = Math.min(maxPositions, MAX_SHUFFLE_TOKENS);
  if (tokens.length > limit) {
    return { ok: false, message: `This sentence makes ${tokens.length} tokens; the figure shows at most ${limit}. Shorten it.` };
  }
  const sp = tokenizer.specialIds;
  const special = new Set([sp.cls, sp.sep, sp.bos, sp.eos, sp.pad].filter((x): x is number => x !== undefined));
  const fixed = (i: number) => special.has(tokens[i].id);
  const movable = tokens.filter((_, i) => !fixed(i)).length;
  if (movable < 2) return { ok: false, message: 'Type at least two words: one word has no order to shuffle.' };
  const labels = tokenLabels(text, tokens, sp);
  const order = shuffledOrder(tokens.length, seed, fixed);
  return {
    ok: true,
    ids: tokens.map((t) => t.id),
    labels,
    order,
    shuffledLabels: order.map((k) => labels[k]),
    unknown: readWords(text, tokens, sp).words,
  };
}
