/**
 * Reads a SentencePiece-style BPE tokenizer.json (Llama, Mistral, TinyLlama, Gemma): model BPE
 * with byte_fallback, "▁" for spaces from either a Prepend + Replace normalizer (older files)
 * or a Metaspace pre-tokenizer (newer ones), and the Replace / ByteFallback / Fuse / Strip
 * decoder chain. Anything else is refused by name rather than tokenized wrongly.
 */
import { parseDecoder, prependScheme, replacementChar, stringPattern } from './hf-decoders.ts';
import { UnsupportedTokenizerError, boolField, readAddedTokens, readVocab } from './hf-schema.ts';
import type { HfComponent, HfTokenizerJson } from './hf-schema.ts';
import { SentencePieceBpeTokenizer } from './sentencepiece-bpe.ts';
import type { MetaspaceOptions, NormalizerStep } from './sentencepiece-bpe.ts';
import { parsePostProcessor } from './template.ts';

function parseNormalizer(c: HfComponent | null | undefined): NormalizerStep[] {
  if (c === null || c === undefined) return [];
  switch (c.type) {
    case 'Sequence':
      return ((c.normalizers as HfComponent[] | undefined) ?? []).flatMap(parseNormalizer);
    case 'Prepend':
      if (typeof c.prepend !== 'string') throw new UnsupportedTokenizerError('Prepend normalizer: prepend must be a string');
      return [{ type: 'prepend', text: c.prepend }];
    case 'Replace':
      if (typeof c.content !== 'string') throw new UnsupportedTokenizerError('Replace normalizer: content must be a string');
      return [{ type: 'replace', from: stringPattern(c), to: c.content }];
    case 'Strip':
      return [{ type: 'strip', left: boolField(c, 'strip_left', true), right: boolField(c, 'strip_right', true) }];
    default:
      throw new UnsupportedTokenizerError(
        `unsupported normalizer "${c.type}" for SentencePiece-style BPE (supported: Prepend, Replace, Strip)`,
      );
  }
}

function parsePreTokenizer(c: HfComponent | null | undefined): MetaspaceOptions | null {
  if (c === null || c === undefined) return null;
  if (c.type === 'Sequence') {
    const parts = (c.pretokenizers as HfComponent[] | undefined) ?? [];
    if (parts.length === 0) return null;
    if (parts.length === 1) return parsePreTokenizer(parts[0]);
  }
  if (c.type !== 'Metaspace') {
    throw new UnsupportedTokenizerError(
      `unsupported pre_tokenizer "${c.type}" for SentencePiece-style BPE (supported: none, Metaspace)`,
    );
  }
  return { replacement: replacementChar(c), prependScheme: prependScheme(c), split: boolField(c, 'split', true) };
}

/** Builds the tokenizer from a parsed tokenizer.json whose model is a non-byte-level BPE. */
export function sentencePieceBpeFromHf(json: HfTokenizerJson, merges: Array<[string, string]>): SentencePieceBpeTokenizer {
  const m = json.model;
  if (m.dropout !== undefined && m.dropout !== null && m.dropout !== 0) {
    throw new UnsupportedTokenizerError('BPE dropout is not supported (encoding would be random)');
  }
  if (m.continuing_subword_prefix || m.end_of_word_suffix) {
    throw new UnsupportedTokenizerError('BPE with continuing_subword_prefix / end_of_word_suffix is not supported');
  }
  const post = parsePostProcessor(json.post_processor);
  return new SentencePieceBpeTokenizer({
    vocab: readVocab(m),
    merges,
    addedTokens: readAddedTokens(json),
    normalizer: parseNormalizer(json.normalizer),
    metaspace: parsePreTokenizer(json.pre_tokenizer),
    byteFallback: m.byte_fallback === true,
    unkToken: m.unk_token ?? null,
    fuseUnk: m.fuse_unk === true,
    ignoreMerges: m.ignore_merges === true,
    template: post.template,
    decoder: parseDecoder(json.decoder),
  });
}
