/**
 * Which heads link a word (usually a pronoun) to which candidates, measured as the metric of
 * ../shared/coref/README.md does: attention from a word is the mean of its tokens' rows,
 * attention to a word the sum over its tokens' columns. Used by the Explorer when a student
 * clicks a word: every head ranked by how strongly it picks each candidate.
 */
import { mentionOf } from '../../data/coref-world/index.ts';
import { wordAttention } from '../../train/eval/coref-metric.ts';
import { PRONOUNS, type AttentionResult } from '../../store/index.ts';

export interface Word {
  text: string;
  start: number;
  end: number;
  tokens: number[]; // indices into result.tokens
}

/** Words of the text (letters and apostrophes) with the tokens inside each. */
export function wordsOf(result: Pick<AttentionResult, 'text' | 'tokens'>): Word[] {
  const out: Word[] = [];
  for (const m of result.text.matchAll(/[\p{L}\p{N}']+/gu)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const tokens = result.tokens.flatMap((t, i) => (t.start !== null && t.end !== null && t.start >= start && t.end <= end && t.end > t.start ? [i] : []));
    if (tokens.length > 0) out.push({ text: m[0], start, end, tokens });
  }
  return out;
}

/** Words that cannot be what a pronoun refers to: articles, connectives, copulas, pronouns. */
const FUNCTION_WORDS = new Set(
  "a an the because since as and but or so too very really was were is are be been seemed looked didn't did not doesn't couldn't could it he she they him her them his its their i you we me my your our of in on at by to for with from into over under near past around across this that".split(' '),
);

export function isCandidate(w: Word): boolean {
  return !FUNCTION_WORDS.has(w.text.toLowerCase());
}

const isNoun = (text: string) => (mentionOf(text) ?? mentionOf(text.toLowerCase()) ?? mentionOf(text[0].toUpperCase() + text.slice(1).toLowerCase())) !== undefined;

/**
 * What a pronoun may refer to in this sentence: its nouns (the coref world's, singular or
 * plural, and names), or, in a sentence with none of those, every word that is not a
 * function word. Never the followed word itself.
 */
export function candidatesOf(words: readonly Word[], followed: number): Word[] {
  const others = words.filter((_, i) => i !== followed);
  const nouns = others.filter((w) => isNoun(w.text));
  return nouns.length > 0 ? nouns : others.filter(isCandidate);
}

/** The word to follow first: the pronoun after "because" ("since", "as"), else the last pronoun, else none (-1). */
export function defaultFollow(words: readonly Word[]): number {
  const isPronoun = (i: number) => PRONOUNS.has(words[i]?.text.toLowerCase() ?? '');
  for (let i = 1; i < words.length; i++) {
    if (['because', 'since', 'as'].includes(words[i - 1].text.toLowerCase()) && isPronoun(i)) return i;
  }
  for (let i = words.length - 1; i >= 0; i--) if (isPronoun(i)) return i;
  return -1;
}

/** Attention from word `from` to word `to` in one head's (T, T) weights. */
export function wordToWord(weights: Float32Array, T: number, from: Word, to: Word): number {
  return wordAttention(weights, T, from.tokens, to.tokens);
}

export interface HeadRanking {
  layer: number;
  head: number;
  /** Attention to each candidate, in the order of `candidates`. */
  toCandidates: number[];
  best: number; // index into candidates
  margin: number; // best minus the runner-up: how decisively the head picks
}

/** Every head, most decisive first, for the word `from` over `candidates`. */
export function rankHeads(result: AttentionResult, from: Word, candidates: readonly Word[]): HeadRanking[] {
  const T = result.tokens.length;
  const out: HeadRanking[] = [];
  for (let layer = 0; layer < result.nLayers; layer++) {
    for (let head = 0; head < result.nHeads; head++) {
      const weights = result.attention.subarray((layer * result.nHeads + head) * T * T, (layer * result.nHeads + head + 1) * T * T);
      const toCandidates = candidates.map((c) => wordToWord(weights, T, from, c));
      const order = toCandidates.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
      const best = order[0]?.[1] ?? 0;
      out.push({ layer, head, toCandidates, best, margin: (order[0]?.[0] ?? 0) - (order[1]?.[0] ?? 0) });
    }
  }
  return out.sort((a, b) => b.margin - a.margin);
}
