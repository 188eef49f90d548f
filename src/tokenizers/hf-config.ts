/**
 * transformers' tokenizer_config.json: the settings a folder without tokenizer.json gives for
 * its vocab.txt (BERT) or vocab.json + merges.txt (GPT-2): casing, accents, special token names,
 * tokens added after training and the longest input the model takes.
 */
import type { AddedToken } from './added-tokens.ts';

/** The parsed file, read field by field through the helpers below. */
export type TokenizerConfig = Readonly<Record<string, unknown>>;

/** transformers writes int(1e30) for "no limit"; anything this large is no real limit. */
const NO_LIMIT = 1e9;

/** Parses tokenizer_config.json's text. @throws when it is not a JSON object */
export function parseTokenizerConfig(text: string): TokenizerConfig {
  const v: unknown = JSON.parse(text);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('tokenizer_config.json is not a JSON object');
  return v as TokenizerConfig;
}

/** A boolean setting; null or absent gives the default. @throws when it is another type */
export function configBool(cfg: TokenizerConfig, key: string, dflt: boolean): boolean {
  const v = cfg[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'boolean') throw new Error(`tokenizer_config.json: ${key} must be true or false, not ${JSON.stringify(v)}`);
  return v;
}

/** A special token's text: written as a string or as an AddedToken object {"content": ...}. */
export function configToken(cfg: TokenizerConfig, key: string): string | undefined {
  const v = cfg[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && typeof (v as { content?: unknown }).content === 'string') {
    return (v as { content: string }).content;
  }
  return undefined;
}

/** model_max_length, when the file gives a real limit. */
export function modelMaxLength(cfg: TokenizerConfig): number | undefined {
  const v = cfg.model_max_length;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v < NO_LIMIT ? v : undefined;
}

/** The tokens of added_tokens_decoder ({"30522": {"content": "<new>", "special": true}}). */
export function configAddedTokens(cfg: TokenizerConfig): AddedToken[] {
  const d = cfg.added_tokens_decoder;
  if (typeof d !== 'object' || d === null) return [];
  const out: AddedToken[] = [];
  for (const [key, v] of Object.entries(d as Record<string, unknown>)) {
    const id = Number(key);
    const content = (v as { content?: unknown } | null)?.content;
    if (!Number.isInteger(id) || id < 0 || typeof content !== 'string') {
      throw new Error(`tokenizer_config.json: added_tokens_decoder["${key}"] is malformed`);
    }
    out.push({ id, content, special: (v as { special?: unknown }).special === true });
  }
  return out.sort((a, b) => a.id - b.id);
}
