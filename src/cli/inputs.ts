/**
 * Turns the CLI's text or id inputs into model input: tokens with character offsets,
 * checked against the model's limits so bad input fails with a clear line.
 */
import type { ModelBundle } from '../checkpoints/bundle.ts';
import type { Token } from '../tokenizers/types.ts';
import { UsageError } from './args.ts';

/** Longest text accepted, in characters, before tokenizing at all. */
export const MAX_TEXT_CHARS = 20_000;

export interface PreparedInput {
  text: string | null;
  tokens: Token[];
}

type TextBundle = Extract<ModelBundle, { kind: 'text' }>;

export function textBundle(bundle: ModelBundle): TextBundle {
  if (bundle.kind !== 'text') throw new UsageError(`model ${bundle.id} is a vision model; it takes images, not text`);
  return bundle;
}

/** Tokenizes text with the model's tokenizer (special tokens added as the model expects). */
export function fromText(bundle: TextBundle, text: string): PreparedInput {
  if (text.trim() === '') throw new UsageError('the text is empty');
  if (text.length > MAX_TEXT_CHARS) throw new UsageError(`the text has ${text.length} characters; the limit is ${MAX_TEXT_CHARS}`);
  if (!bundle.tokenizer) throw new UsageError(`model ${bundle.id} has no tokenizer; pass token ids with --ids`);
  return checkLength(bundle, { text, tokens: bundle.tokenizer.encode(text) });
}

/** Wraps raw ids as tokens without offsets. */
export function fromIds(bundle: TextBundle, ids: number[]): PreparedInput {
  const V = bundle.model.config.vocabSize;
  const bad = ids.find((id) => id >= V);
  if (bad !== undefined) throw new UsageError(`token id ${bad} is outside the vocabulary of ${V}`);
  const tok = bundle.tokenizer;
  const tokens = ids.map((id) => ({ text: tok?.idToToken(id) ?? String(id), id, start: null, end: null }));
  return checkLength(bundle, { text: tok ? tok.decode(ids, { skipSpecialTokens: false }) : null, tokens });
}

function checkLength(bundle: TextBundle, input: PreparedInput): PreparedInput {
  const cfg = bundle.model.config;
  if (input.tokens.length === 0) throw new UsageError('the input has no tokens');
  if (input.tokens.length > cfg.maxPositions) {
    throw new UsageError(`the input is ${input.tokens.length} tokens; model ${bundle.id} handles at most ${cfg.maxPositions}`);
  }
  return input;
}
