/**
 * Tokenizers: text -> tokens with character offsets, for the project's own WordPiece models,
 * Hugging Face tokenizer.json files (GPT-2 byte-level BPE, Llama-style BPE with byte fallback,
 * BERT WordPiece), the older vocab.txt / vocab.json + merges.txt files, and llama2.c.
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
export { SentencePieceBpeTokenizer } from './sentencepiece-bpe.ts';
export type { SentencePieceBpeConfig, NormalizerStep, MetaspaceOptions } from './sentencepiece-bpe.ts';
export { wordPieceFromVocabTxt, byteLevelBpeFromVocabMerges } from './vocab-files.ts';
export { parseTokenizerConfig, type TokenizerConfig } from './hf-config.ts';
export { tokenizerFromFiles, TokenizerFilesError, LLAMA2C_FILES } from './from-files.ts';
export type { ReadFile, TokenizerFromFiles } from './from-files.ts';
export { Llama2cTokenizer, LLAMA2C_BOS, LLAMA2C_EOS, LLAMA2C_UNK } from './llama2c.ts';
export type { TemplateItem } from './template.ts';
export type { AddedToken } from './added-tokens.ts';
export { offsetProblems } from './offsets.ts';
export { readWords, tokenLabel, tokenLabels, describeUnseen, type UnseenWord, type WordReading } from './unseen.ts';
