/**
 * Tokenizers from the older files transformers reads when a folder has no tokenizer.json:
 * BERT's vocab.txt and GPT-2's vocab.json + merges.txt, each with tokenizer_config.json's
 * settings, built to tokenize exactly as the equivalent tokenizer.json would.
 */
import type { AddedToken } from './added-tokens.ts';
import { ByteLevelBpeTokenizer } from './bpe.ts';
import { configAddedTokens, configBool, configToken } from './hf-config.ts';
import type { TokenizerConfig } from './hf-config.ts';
import type { TemplateItem } from './template.ts';
import type { SpecialIds } from './types.ts';
import { DEFAULT_SPECIAL_TOKENS, WordPieceTokenizer } from './wordpiece.ts';
import type { WordPieceSpecialTokens } from './wordpiece.ts';

/**
 * BertTokenizer's vocab.txt with its tokenizer_config.json: do_lower_case (default true),
 * strip_accents (null: follow do_lower_case), tokenize_chinese_chars (default true) and the
 * special token names. @throws for do_basic_tokenize false, which this runtime does not do
 */
export function wordPieceFromVocabTxt(vocabTxt: string, cfg: TokenizerConfig = {}): WordPieceTokenizer {
  if (!configBool(cfg, 'do_basic_tokenize', true)) {
    throw new Error('tokenizer_config.json: do_basic_tokenize false is not supported');
  }
  const lowercase = configBool(cfg, 'do_lower_case', true);
  const names: WordPieceSpecialTokens = {
    unk: configToken(cfg, 'unk_token') ?? DEFAULT_SPECIAL_TOKENS.unk,
    cls: configToken(cfg, 'cls_token') ?? DEFAULT_SPECIAL_TOKENS.cls,
    sep: configToken(cfg, 'sep_token') ?? DEFAULT_SPECIAL_TOKENS.sep,
    pad: configToken(cfg, 'pad_token') ?? DEFAULT_SPECIAL_TOKENS.pad,
    mask: configToken(cfg, 'mask_token') ?? DEFAULT_SPECIAL_TOKENS.mask,
  };
  const opts = {
    lowercase,
    stripAccents: configBool(cfg, 'strip_accents', lowercase),
    handleChineseChars: configBool(cfg, 'tokenize_chinese_chars', true),
    cleanText: true,
    specialTokens: names,
  };
  const plain = WordPieceTokenizer.fromVocabTxt(vocabTxt, opts);
  const extra = configAddedTokens(cfg);
  if (extra.length === 0) return plain;
  // Tokens added after training are matched literally too, beside the special tokens.
  const added = new Map<string, AddedToken>(plain.options.addedTokens.map((t) => [t.content, t]));
  for (const t of extra) if (!added.has(t.content)) added.set(t.content, t);
  return WordPieceTokenizer.fromVocabTxt(vocabTxt, { ...opts, addedTokens: [...added.values()] });
}

/** vocab.json: token -> id, ids distinct non-negative integers. */
function readVocabJson(text: string): Map<string, number> {
  const v: unknown = JSON.parse(text);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('vocab.json is not a JSON object of token -> id');
  const vocab = new Map<string, number>();
  const seen = new Set<number>();
  for (const [tok, id] of Object.entries(v as Record<string, unknown>)) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || seen.has(id)) {
      throw new Error(`vocab.json: bad or repeated id ${String(id)} for ${JSON.stringify(tok)}`);
    }
    seen.add(id);
    vocab.set(tok, id);
  }
  return vocab;
}

/** merges.txt: "#version" lines skipped, then one "a b" pair per line, best first. */
function readMergesTxt(text: string): Array<[string, string]> {
  const merges: Array<[string, string]> = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line === '' || (i === 0 && line.startsWith('#version'))) return;
    const pair = line.split(' ');
    if (pair.length !== 2) throw new Error(`merges.txt line ${i + 1} is not a pair: ${JSON.stringify(line)}`);
    merges.push([pair[0], pair[1]]);
  });
  return merges;
}

/**
 * GPT2Tokenizer's vocab.json + merges.txt with tokenizer_config.json: add_prefix_space
 * (default false), add_bos_token (default false) and bos/eos/pad token names (default
 * <|endoftext|>). Special tokens in the vocab are matched literally, as transformers does.
 */
export function byteLevelBpeFromVocabMerges(vocabJson: string, mergesTxt: string, cfg: TokenizerConfig = {}): ByteLevelBpeTokenizer {
  const vocab = readVocabJson(vocabJson);
  const idOf = (name: string | undefined): number | undefined => (name === undefined ? undefined : vocab.get(name));
  const eot = '<|endoftext|>';
  const names = ['bos_token', 'eos_token', 'unk_token', 'pad_token'].map((k) => configToken(cfg, k) ?? (k === 'pad_token' ? undefined : eot));
  const added = new Map<string, AddedToken>();
  for (const name of names) {
    const id = idOf(name);
    if (name !== undefined && id !== undefined) added.set(name, { id, content: name, special: true });
  }
  for (const t of configAddedTokens(cfg)) if (!added.has(t.content)) added.set(t.content, t);
  const [bos, eos, , pad] = names.map(idOf);
  const specialIds: SpecialIds = {};
  if (bos !== undefined) specialIds.bos = bos;
  if (eos !== undefined) specialIds.eos = eos;
  if (pad !== undefined) specialIds.pad = pad;
  const template: TemplateItem[] =
    configBool(cfg, 'add_bos_token', false) && bos !== undefined ? [{ text: names[0] as string, id: bos }, 'sequence'] : ['sequence'];
  return new ByteLevelBpeTokenizer({
    vocab,
    merges: readMergesTxt(mergesTxt),
    addedTokens: [...added.values()],
    addPrefixSpace: configBool(cfg, 'add_prefix_space', false),
    useRegex: true,
    trimOffsets: false,
    template,
    unkToken: null,
    specialIds,
  });
}
