/**
 * Words the model never saw whole, and the one way the course labels them. A word is unseen
 * when the vocabulary has no entry for it: the tokenizer emitted its unknown token, or split
 * the word into pieces ("quantum" -> q ##u ##a ##n ##t ##u ##m). Every figure label of such a
 * word's tokens carries a "?", and the text names the word and how it was read.
 *
 * Words are runs of letters and digits, or one other visible character (so "didn't" is
 * "didn", "'", "t", as BERT's basic tokenizer splits it). Special tokens ([CLS], a typed
 * [MASK]) belong to no word.
 */
import type { SpecialIds, Token } from './types.ts';

export interface UnseenWord {
  text: string; // as typed
  start: number;
  end: number;
  pieces: number; // tokens the word became
  unknown: boolean; // at least one of them is the unknown token
}

export interface WordReading {
  /** Per token: part of a word the vocabulary has no whole entry for. */
  unseen: boolean[];
  /** Those words, in order, each once per occurrence. */
  words: UnseenWord[];
}

const WORD = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

function specialIdSet(special: SpecialIds): Set<number> {
  return new Set(Object.values(special).filter((v): v is number => v !== undefined && v !== special.unk));
}

/** Which tokens belong to unseen words, and which words those are. */
export function readWords(text: string, tokens: readonly Token[], special: SpecialIds = {}): WordReading {
  const skip = specialIdSet(special);
  const unseen = tokens.map(() => false);
  const words: UnseenWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const inside: number[] = [];
    tokens.forEach((t, i) => {
      if (t.start !== null && t.end !== null && !skip.has(t.id) && t.start < end && t.end > start) inside.push(i);
    });
    const unknown = inside.some((i) => tokens[i].unknown === true);
    if (inside.length > 1 || unknown) {
      for (const i of inside) unseen[i] = true;
      words.push({ text: m[0], start, end, pieces: inside.length, unknown });
    }
  }
  return { unseen, words };
}

/** A figure label: the vocabulary string, or for an unseen word's token its typed text and "?". */
export function tokenLabel(text: string, token: Pick<Token, 'text' | 'start' | 'end'>, unseen: boolean): string {
  if (!unseen) return token.text;
  const typed = token.start !== null && token.end !== null ? text.slice(token.start, token.end).trim() : '';
  return `${typed || token.text}?`;
}

/** Labels for every token of a text. */
export function tokenLabels(text: string, tokens: readonly Token[], special: SpecialIds = {}): string[] {
  const { unseen } = readWords(text, tokens, special);
  return tokens.map((t, i) => tokenLabel(text, t, unseen[i]));
}

/** "“quantum” (7 pieces), “🙂” (unknown token)": each unseen word once, as the page says it. */
export function describeUnseen(words: readonly UnseenWord[]): string {
  const seen = new Map<string, UnseenWord>();
  for (const w of words) if (!seen.has(w.text)) seen.set(w.text, w);
  return [...seen.values()].map((w) => `“${w.text}” (${w.unknown ? 'unknown token' : `${w.pieces} pieces`})`).join(', ');
}
