/**
 * Tokenizers: text -> tokens with character offsets, for the project's own WordPiece models,
 * Hugging Face tokenizer.json files (GPT-2 byte-level BPE, BERT WordPiece) and llama2.c.
 */
export type { DecodeOptions, EncodeOptions, SpecialIds, Token, Tokenizer } from './types.ts';
export { skippableIds } from './types.ts';
export { WordPieceTokenizer, DEFAULT_SPECIAL_TOKENS } from './wordpiece.ts';
export type { WordPieceInit, WordPieceOptions, WordPieceSpecialTokens } from './wordpiece.ts';
export { buildWordPieceVocab, PRINTABLE_ASCII } from './wordpiece-vocab.ts';
export type { BuildVocabOptions } from './wordpiece-vocab.ts';
export { ByteLevelBpeTokenizer } from './bpe.ts';
export type { ByteLevelBpeConfig } from './bpe.ts';
export { BYTE_TO_CHAR, GPT2_SPLIT } from './byte-level.ts';
export { loadHfTokenizer, wordPieceToHf, UnsupportedTokenizerError } from './hf-json.ts';
export type { HfTokenizerJson } from './hf-json.ts';
export { Llama2cTokenizer, LLAMA2C_BOS, LLAMA2C_EOS, LLAMA2C_UNK } from './llama2c.ts';
export type { TemplateItem } from './template.ts';
export type { AddedToken } from './added-tokens.ts';
export { offsetProblems } from './offsets.ts';
export { readWords, tokenLabel, tokenLabels, describeUnseen, type UnseenWord, type WordReading } from './unseen.ts';
