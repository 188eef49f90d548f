/**
 * The parts of a Hugging Face tokenizer.json that the loaders read, and the error they throw
 * when a file asks for something this runtime does not implement.
 */
import type { AddedToken } from './added-tokens.ts';

/** A normalizer, pre-tokenizer, post-processor or decoder entry: a type tag plus its fields. */
export interface HfComponent {
  type: string;
  [field: string]: unknown;
}

export interface HfAddedToken {
  id: number;
  content: string;
  special?: boolean;
  single_word?: boolean;
  lstrip?: boolean;
  rstrip?: boolean;
  normalized?: boolean;
}

export interface HfModel {
  type?: string;
  vocab: Record<string, number> | unknown;
  /** BPE: "a b" strings (older files) or ["a", "b"] pairs (tokenizers >= 0.20). */
  merges?: Array<string | [string, string]>;
  unk_token?: string | null;
  continuing_subword_prefix?: string | null;
  end_of_word_suffix?: string | null;
  max_input_chars_per_word?: number;
  dropout?: number | null;
  byte_fallback?: boolean;
  [field: string]: unknown;
}

export interface HfTokenizerJson {
  version?: string;
  truncation?: unknown;
  padding?: unknown;
  added_tokens?: HfAddedToken[];
  normalizer?: HfComponent | null;
  pre_tokenizer?: HfComponent | null;
  post_processor?: HfComponent | null;
  decoder?: HfComponent | null;
  model: HfModel;
}

/** Thrown for a tokenizer.json this runtime cannot reproduce faithfully; names the culprit. */
export class UnsupportedTokenizerError extends Error {
  constructor(message: string) {
    super(`tokenizer.json: ${message}`);
    this.name = 'UnsupportedTokenizerError';
  }
}

/** Reads `vocab` as a token -> id map, checking ids are distinct integers. */
export function readVocab(model: HfModel): Map<string, number> {
  if (typeof model.vocab !== 'object' || model.vocab === null || Array.isArray(model.vocab)) {
    throw new UnsupportedTokenizerError(`model.vocab must be an object of token -> id`);
  }
  const vocab = new Map<string, number>();
  const seen = new Set<number>();
  for (const [tok, id] of Object.entries(model.vocab as Record<string, unknown>)) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || seen.has(id)) {
      throw new UnsupportedTokenizerError(`model.vocab: bad or repeated id ${String(id)} for ${JSON.stringify(tok)}`);
    }
    seen.add(id);
    vocab.set(tok, id);
  }
  return vocab;
}

/** The added_tokens entries, as the runtime's AddedToken. */
export function readAddedTokens(json: HfTokenizerJson): AddedToken[] {
  return (json.added_tokens ?? []).map((t) => ({ id: t.id, content: t.content, special: t.special ?? false }));
}

/** A boolean field of a component, with its default when absent or null. */
export function boolField(c: HfComponent, name: string, dflt: boolean): boolean {
  const v = c[name];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'boolean') throw new UnsupportedTokenizerError(`${c.type}.${name} must be a boolean`);
  return v;
}
