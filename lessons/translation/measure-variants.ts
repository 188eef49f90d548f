/**
 * Scores the translator on held-out sentences with each way of forming the context
 * (decode-variants.ts): exact sentence match and words right in place, against the corpus's
 * reference French. Cut into chunks so the page can measure a few sentences at a time.
 */
import { EOS_ID, type TranslateRnn } from '../../src/checkpoints/atlas-translation.ts';
import type { TranslationPair } from '../../src/data/translation/index.ts';
import { CONTEXT_MODES, decodeWithContext, type ContextMode } from './decode-variants.ts';

export interface VariantScore {
  sentences: number;
  exact: number; // sentences translated exactly (ending included)
  wordsRight: number; // reference tokens (and the end) matched at their position
  words: number;
}

export type VariantTally = Record<ContextMode, VariantScore>;

export function emptyTally(): VariantTally {
  const zero = (): VariantScore => ({ sentences: 0, exact: 0, wordsRight: 0, words: 0 });
  return { attention: zero(), uniform: zero(), final: zero() };
}

/** Adds `pairs`, decoded with every context mode, to a copy of `tally`. */
export function scoreVariants(m: TranslateRnn, pairs: readonly TranslationPair[], tally: VariantTally): VariantTally {
  const next = structuredClone(tally);
  for (const p of pairs) {
    const src = p.enTokens.map((w) => m.vocabs.en.id(w));
    const ref = [...p.frTokens.map((w) => m.vocabs.fr.id(w)), EOS_ID];
    for (const mode of CONTEXT_MODES) {
      const out = decodeWithContext(m.model, src, mode).tokens;
      const s = next[mode];
      s.sentences++;
      if (out.length === ref.length && out.every((id, k) => id === ref[k])) s.exact++;
      ref.forEach((id, k) => (s.wordsRight += out[k] === id ? 1 : 0));
      s.words += ref.length;
    }
  }
  return next;
}
