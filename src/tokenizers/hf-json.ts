/**
 * Loads a Hugging Face tokenizer.json: GPT-2-style byte-level BPE, SentencePiece-style BPE with
 * byte fallback (Llama, Mistral), or BERT-style WordPiece. Anything else (Unigram, other
 * normalizers or pre-tokenizers) is refused with an UnsupportedTokenizerError naming the part,
 * rather than tokenized wrongly.
 */
import { ByteLevelBpeTokenizer } from './bpe.ts';
import { UnsupportedTokenizerError, boolField, readAddedTokens, readVocab } from './hf-schema.ts';
import type { HfComponent, HfModel, HfTokenizerJson } from './hf-schema.ts';
import { sentencePieceBpeFromHf } from './hf-sentencepiece.ts';
import { wordPieceFromHf } from './hf-wordpiece.ts';
import type { SentencePieceBpeTokenizer } from './sentencepiece-bpe.ts';
import { splitRegex } from './split-regex.ts';
import { parsePostProcessor } from './template.ts';
import type { WordPieceTokenizer } from './wordpiece.ts';

export { UnsupportedTokenizerError } from './hf-schema.ts';
export type { HfTokenizerJson } from './hf-schema.ts';
export { wordPieceToHf } from './hf-wordpiece.ts';

/** The model type, inferred from its fields for old files that do not write "type". */
function modelType(model: HfModel): string {
  if (typeof model.type === 'string') return model.type;
  if (model.merges !== undefined) return 'BPE';
  if (model.continuing_subword_prefix !== undefined || model.max_input_chars_per_word !== undefined) {
    return 'WordPiece';
  }
  return 'unknown';
}

function readMerges(model: HfModel): Array<[string, string]> {
  return (model.merges ?? []).map((m, i) => {
    const pair = typeof m === 'string' ? m.split(' ') : m;
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new UnsupportedTokenizerError(`model.merges[${i}] is not a pair: ${JSON.stringify(m)}`);
    }
    return [pair[0], pair[1]];
  });
}

/** GPT-2's family marks itself by a ByteLevel pre-tokenizer (alone or in a Sequence) or decoder. */
function isByteLevel(json: HfTokenizerJson): boolean {
  const pre = json.pre_tokenizer;
  const parts = pre?.type === 'Sequence' ? ((pre.pretokenizers as Array<{ type?: unknown }> | undefined) ?? []) : [pre];
  return parts.some((p) => p?.type === 'ByteLevel') || json.decoder?.type === 'ByteLevel';
}

/**
 * The ByteLevel pre-tokenizer, alone (GPT-2) or after a Split with an "Isolated" regex
 * (Llama 3: `Sequence [Split, ByteLevel]`).
 */
function byteLevelPreTokenizer(c: HfComponent | null | undefined): { pre: HfComponent; split: RegExp | null } {
  const parts = c?.type === 'Sequence' ? ((c.pretokenizers as HfComponent[] | undefined) ?? []) : c ? [c] : [];
  const pre = parts[parts.length - 1];
  if (!pre || pre.type !== 'ByteLevel' || parts.length > 2 || (parts.length === 2 && parts[0].type !== 'Split')) {
    const names = parts.map((p) => p.type).join(', ') || 'null';
    throw new UnsupportedTokenizerError(
      `BPE: unsupported pre_tokenizer "${c?.type ?? 'null'}" [${names}] (only ByteLevel, or Split then ByteLevel)`,
    );
  }
  if (parts.length === 1) return { pre, split: null };
  const s = parts[0];
  if (s.behavior !== 'Isolated' || s.invert === true) {
    throw new UnsupportedTokenizerError(`Split: only behavior "Isolated" without invert is supported, got ${JSON.stringify(s.behavior)}`);
  }
  const p = s.pattern as { Regex?: unknown; String?: unknown } | undefined;
  if (typeof p?.Regex !== 'string') throw new UnsupportedTokenizerError('Split: only {"Regex": ...} patterns are supported');
  return { pre, split: splitRegex(p.Regex) };
}

/** Builds a GPT-2-style byte-level BPE from a parsed tokenizer.json. */
function byteLevelBpeFromHf(json: HfTokenizerJson): ByteLevelBpeTokenizer {
  const m = json.model;
  if (m.dropout !== undefined && m.dropout !== null && m.dropout !== 0) {
    throw new UnsupportedTokenizerError('BPE dropout is not supported (encoding would be random)');
  }
  if (m.byte_fallback === true) {
    throw new UnsupportedTokenizerError('BPE with byte_fallback (SentencePiece-style) is not supported');
  }
  if (m.continuing_subword_prefix || m.end_of_word_suffix) {
    throw new UnsupportedTokenizerError('BPE with continuing_subword_prefix / end_of_word_suffix is not supported');
  }
  if (json.normalizer) {
    throw new UnsupportedTokenizerError(`byte-level BPE: unsupported normalizer "${json.normalizer.type}"`);
  }
  const { pre, split } = byteLevelPreTokenizer(json.pre_tokenizer);
  if (json.decoder && json.decoder.type !== 'ByteLevel') {
    throw new UnsupportedTokenizerError(`BPE: unsupported decoder "${json.decoder.type}" (only ByteLevel)`);
  }
  const post = parsePostProcessor(json.post_processor);
  return new ByteLevelBpeTokenizer({
    vocab: readVocab(m),
    merges: readMerges(m),
    addedTokens: readAddedTokens(json),
    addPrefixSpace: boolField(pre, 'add_prefix_space', true),
    useRegex: boolField(pre, 'use_regex', true),
    splitRegex: split,
    trimOffsets: post.trimOffsets,
    ignoreMerges: m.ignore_merges === true,
    template: post.template,
    unkToken: m.unk_token ?? null,
  });
}

/**
 * Parses a tokenizer.json (its text or the parsed object) into a ready tokenizer.
 * @throws UnsupportedTokenizerError for any model, normalizer, pre-tokenizer, post-processor
 *   or decoder this runtime does not implement exactly
 */
export function loadHfTokenizer(
  source: string | object,
): ByteLevelBpeTokenizer | SentencePieceBpeTokenizer | WordPieceTokenizer {
  const json = (typeof source === 'string' ? JSON.parse(source) : source) as HfTokenizerJson;
  if (typeof json !== 'object' || json === null || typeof json.model !== 'object' || json.model === null) {
    throw new UnsupportedTokenizerError('not a tokenizer.json (no "model" object)');
  }
  const type = modelType(json.model);
  switch (type) {
    case 'BPE':
      return isByteLevel(json) ? byteLevelBpeFromHf(json) : sentencePieceBpeFromHf(json, readMerges(json.model));
    case 'WordPiece':
      return wordPieceFromHf(json);
    default:
      throw new UnsupportedTokenizerError(
        `unsupported model type "${type}" (supported: "BPE" as in GPT-2 or Llama, "WordPiece" as in BERT)`,
      );
  }
}
