/**
 * The longest line, in the model's tokens, among generated sentences of the corpus the text
 * models trained on. Generated in small chunks between frames (a chunk of 250 lines takes
 * about 20 ms), so the page never freezes while it counts.
 */
import { useEffect, useState } from 'react';
import type { Tokenizer } from '../../src/tokenizers/index.ts';
import { corpusLengths } from './learned-stats.ts';

export const CORPUS_SEED = 2024;
export const CORPUS_LINES = 2000;
const CHUNK = 250;

export interface CorpusLengths {
  lines: number; // counted so far
  longest: number;
  done: boolean;
}

export function useCorpusLengths(tokenizer: Tokenizer | null): CorpusLengths | null {
  const [s, setS] = useState<CorpusLengths | null>(null);
  useEffect(() => {
    if (!tokenizer) return;
    let chunk = 0;
    let longest = 0;
    let timer = 0;
    const step = () => {
      for (const n of corpusLengths(tokenizer, CORPUS_SEED + chunk, CHUNK)) longest = Math.max(longest, n);
      chunk += 1;
      const lines = chunk * CHUNK;
      setS({ lines, longest, done: lines >= CORPUS_LINES });
      if (lines < CORPUS_LINES) timer = window.setTimeout(step, 0);
    };
    timer = window.setTimeout(step, 0);
    return () => window.clearTimeout(timer);
  }, [tokenizer]);
  return s;
}
