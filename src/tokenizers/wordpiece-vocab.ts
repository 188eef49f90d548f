/**
 * Builds a WordPiece vocab from a corpus for the project's own small models: whole words that
 * occur often enough, plus every character alone and as a "##" continuation, so any word
 * spelled in the corpus's alphabet can still be pieced (letter by letter at worst).
 */
import { bertNormalize, bertPreTokenize } from './bert-basic.ts';
import { DEFAULT_SPECIAL_TOKENS } from './wordpiece.ts';

export interface BuildVocabOptions {
  /** Whole words seen fewer times than this are left to be pieced. Default 2. */
  minCount: number;
  /** Keep at most this many whole words, the most frequent first. Default: no limit. */
  maxWords: number;
  /** Must match the tokenizer that will use the vocab. Default true. */
  lowercase: boolean;
  /** Default: same as lowercase (BERT's rule). */
  stripAccents: boolean;
  /** Characters always included (alone and with "##"), even if the corpus lacks them. */
  alphabet: string;
  /** Put first, in this order, so their ids are 0, 1, 2... */
  specialTokens: string[];
}

/** Every printable ASCII character: generated English text never needs [UNK]. */
export const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/**
 * Counts the corpus's words (after the same normalization encode() applies) and returns the
 * vocab in id order: special tokens, single characters, "##" characters, then whole words by
 * falling count (ties alphabetical), so the result is the same on every run.
 */
export function buildWordPieceVocab(lines: Iterable<string>, opts: Partial<BuildVocabOptions> = {}): string[] {
  const lowercase = opts.lowercase ?? true;
  const norm = {
    cleanText: true,
    handleChineseChars: true,
    lowercase,
    stripAccents: opts.stripAccents ?? lowercase,
  };
  const specials = opts.specialTokens ?? [
    DEFAULT_SPECIAL_TOKENS.pad,
    DEFAULT_SPECIAL_TOKENS.unk,
    DEFAULT_SPECIAL_TOKENS.cls,
    DEFAULT_SPECIAL_TOKENS.sep,
    DEFAULT_SPECIAL_TOKENS.mask,
  ];
  const counts = new Map<string, number>();
  const chars = new Set<string>();
  const addWords = (line: string, count: boolean): void => {
    const text = bertNormalize(line, norm).text;
    for (const w of bertPreTokenize(text, true)) {
      const word = text.slice(w.start, w.end);
      for (const ch of word) chars.add(ch);
      if (count) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  };
  for (const line of lines) addWords(line, true);
  // The alphabet goes through the normalizer too: with lowercasing, "A" is never looked up.
  addWords([...(opts.alphabet ?? PRINTABLE_ASCII)].join(' '), false);

  const sortedChars = [...chars].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const minCount = opts.minCount ?? 2;
  const words = [...counts]
    .filter(([word, c]) => c >= minCount && !chars.has(word))
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, opts.maxWords ?? Infinity)
    .map(([word]) => word);
  const vocab = [...specials, ...sortedChars, ...sortedChars.map((c) => '##' + c), ...words];
  const seen = new Set<string>();
  return vocab.filter((tok) => !seen.has(tok) && (seen.add(tok), true));
}
