/**
 * Typed English as the translator reads it: lowercase words, punctuation dropped (the way the
 * corpus writes English), each looked up in the model's vocabulary. Words outside it are kept
 * and flagged, since the model reads them all as one <unk> token; input the model cannot read
 * at all (nothing left, or far too long) comes back as a message instead.
 */
import type { WordVocab } from '../../src/checkpoints/atlas-translation.ts';
import { englishWords } from '../../src/train/recipes/translate-common.ts';

/** Longest sentence in the training corpus (translationCorpus.maxWords). */
export const TRAINED_MAX_WORDS = 12;
/** Longest input the figures accept: beyond this the heatmaps stop being readable. */
export const MAX_WORDS = 24;

export type EnglishReading =
  | { ok: true; words: string[]; ids: number[]; unknown: string[]; labels: string[]; tooLong: boolean }
  | { ok: false; message: string };

/** Splits and looks up `text`; `labels` mark unknown words with a question mark ("pizza?"). */
export function readEnglish(vocab: WordVocab, text: string): EnglishReading {
  const words = englishWords(text);
  if (words.length === 0) {
    return { ok: false, message: text.trim() === '' ? 'Type an English sentence first.' : 'No English words in that input: the translator reads letters only.' };
  }
  if (words.length > MAX_WORDS) {
    return { ok: false, message: `That is ${words.length} words; the translator was trained on sentences of at most ${TRAINED_MAX_WORDS}. Keep it under ${MAX_WORDS + 1}.` };
  }
  const known = words.map((w) => vocab.has(w));
  return {
    ok: true,
    words,
    ids: words.map((w) => vocab.id(w)),
    unknown: [...new Set(words.filter((_, i) => !known[i]))],
    labels: words.map((w, i) => (known[i] ? w : `${w}?`)),
    tooLong: words.length > TRAINED_MAX_WORDS,
  };
}
