/**
 * BERT-style WordPiece tokenizer.json, both ways: load a Hugging Face file (BertNormalizer +
 * BertPreTokenizer + WordPiece + [CLS]/[SEP] post-processing) and write ours so Python's
 * `tokenizers.Tokenizer.from_file` can read it.
 */
import { UnsupportedTokenizerError, boolField, readAddedTokens, readVocab } from './hf-schema.ts';
import type { HfComponent, HfTokenizerJson } from './hf-schema.ts';
import { parsePostProcessor, templateToHf } from './template.ts';
import { DEFAULT_SPECIAL_TOKENS, WordPieceTokenizer } from './wordpiece.ts';
import type { WordPieceInit } from './wordpiece.ts';

function normalizerOptions(c: HfComponent | null | undefined): WordPieceInit {
  if (c === null || c === undefined) {
    return { cleanText: false, handleChineseChars: false, lowercase: false, stripAccents: false };
  }
  if (c.type !== 'BertNormalizer') {
    throw new UnsupportedTokenizerError(`WordPiece: unsupported normalizer "${c.type}" (only BertNormalizer)`);
  }
  const lowercase = boolField(c, 'lowercase', true);
  return {
    cleanText: boolField(c, 'clean_text', true),
    handleChineseChars: boolField(c, 'handle_chinese_chars', true),
    lowercase,
    // strip_accents: null means "follow lowercase", BERT's original behaviour.
    stripAccents: boolField(c, 'strip_accents', lowercase),
  };
}

/** Builds a WordPieceTokenizer from a parsed BERT-style tokenizer.json (model.type "WordPiece"). */
export function wordPieceFromHf(json: HfTokenizerJson): WordPieceTokenizer {
  const pre = json.pre_tokenizer;
  if (!pre || pre.type !== 'BertPreTokenizer') {
    throw new UnsupportedTokenizerError(
      `WordPiece: unsupported pre_tokenizer "${pre?.type ?? 'null'}" (only BertPreTokenizer)`,
    );
  }
  const dec = json.decoder;
  if (dec && dec.type !== 'WordPiece') {
    throw new UnsupportedTokenizerError(`WordPiece: unsupported decoder "${dec.type}" (only WordPiece)`);
  }
  const model = json.model;
  const { template } = parsePostProcessor(json.post_processor);
  const specials = template.filter((t) => t !== 'sequence');
  const first = specials[0];
  const last = specials[specials.length - 1];
  return new WordPieceTokenizer(readVocab(model), {
    ...normalizerOptions(json.normalizer),
    continuingSubwordPrefix: model.continuing_subword_prefix ?? '##',
    maxInputCharsPerWord: model.max_input_chars_per_word ?? 100,
    specialTokens: {
      unk: model.unk_token ?? DEFAULT_SPECIAL_TOKENS.unk,
      // The template names the model's CLS/SEP even when they are not called [CLS]/[SEP].
      ...(first ? { cls: first.text } : {}),
      ...(last && specials.length > 1 ? { sep: last.text } : {}),
    },
    template,
    addedTokens: readAddedTokens(json),
  });
}

/** Writes `tok` as a Hugging Face tokenizer.json object (JSON.stringify it to save). */
export function wordPieceToHf(tok: WordPieceTokenizer): HfTokenizerJson {
  const o = tok.options;
  const hasTemplate = o.template.some((t) => t !== 'sequence');
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: o.addedTokens.map((t) => ({
      id: t.id,
      content: t.content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: t.special,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: o.cleanText,
      handle_chinese_chars: o.handleChineseChars,
      strip_accents: o.stripAccents,
      lowercase: o.lowercase,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: hasTemplate ? templateToHf(o.template) : null,
    decoder: { type: 'WordPiece', prefix: o.continuingSubwordPrefix, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: o.specialTokens.unk,
      continuing_subword_prefix: o.continuingSubwordPrefix,
      max_input_chars_per_word: o.maxInputCharsPerWord,
      vocab: Object.fromEntries(tok.vocabEntries()),
    },
  };
}
