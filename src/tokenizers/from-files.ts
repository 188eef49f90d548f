/**
 * Picks and builds a model folder's tokenizer from whichever files it has, in the order
 * transformers prefers them: tokenizer.json, then BERT's vocab.txt, then GPT-2's vocab.json +
 * merges.txt (both with tokenizer_config.json), then a llama2.c tokenizer .bin. Files are read
 * through a callback so the same code serves fetch() in the page and the disk in Node.
 */
import { modelMaxLength, parseTokenizerConfig } from './hf-config.ts';
import type { TokenizerConfig } from './hf-config.ts';
import { loadHfTokenizer } from './hf-json.ts';
import { Llama2cTokenizer } from './llama2c.ts';
import type { Tokenizer } from './types.ts';
import { byteLevelBpeFromVocabMerges, wordPieceFromVocabTxt } from './vocab-files.ts';

/** Reads one file of the folder; resolves null when the file does not exist. */
export type ReadFile = (name: string) => Promise<Uint8Array | null>;

export interface TokenizerFromFiles {
  tokenizer: Tokenizer;
  /** The files it was built from, e.g. ['vocab.txt', 'tokenizer_config.json']. */
  files: string[];
  /** tokenizer_config.json's model_max_length, when it gives a real limit. */
  modelMaxLength?: number;
}

/** The llama2.c tokenizer files looked for, after every Hugging Face layout. */
export const LLAMA2C_FILES = ['tokenizer.bin', 'tok512.bin'] as const;

/** Every layout tried, in order, as the error messages name them. */
const LAYOUTS = [
  'tokenizer.json',
  'vocab.txt (+ tokenizer_config.json)',
  'vocab.json + merges.txt (+ tokenizer_config.json)',
  ...LLAMA2C_FILES,
].join(', ');

/** A folder with no tokenizer files, or with files that cannot be read; names the files. */
export class TokenizerFilesError extends Error {
  constructor(
    readonly files: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'TokenizerFilesError';
  }
}

const utf8 = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Runs `build`; any error it throws becomes a TokenizerFilesError naming `files`. */
function fromFiles<T>(files: string[], build: () => T): T {
  try {
    return build();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new TokenizerFilesError(files, `cannot read the tokenizer from ${files.join(' + ')}: ${why}`);
  }
}

/** A llama2.c file that is cut short between two tokens still parses: its byte pieces tell. */
function llama2cFromBytes(bin: Uint8Array): Llama2cTokenizer {
  const tok = Llama2cTokenizer.fromBytes(bin);
  if (tok.vocabSize < 3 + 256) {
    throw new Error(`only ${tok.vocabSize} tokens; llama2.c needs <unk>, <s>, </s> and 256 byte pieces (the file may be cut short)`);
  }
  return tok;
}

/**
 * Builds the folder's tokenizer from the first layout it has (see the module comment).
 * With `optional`, a folder with no tokenizer files gives null (a ViT folder) instead of an error.
 * @throws TokenizerFilesError when no layout is present, or the chosen files are malformed or
 *   use something this runtime does not implement; the message names the files
 */
export async function tokenizerFromFiles(read: ReadFile): Promise<TokenizerFromFiles>;
export async function tokenizerFromFiles(read: ReadFile, opts: { optional: true }): Promise<TokenizerFromFiles | null>;
export async function tokenizerFromFiles(read: ReadFile, opts: { optional?: boolean } = {}): Promise<TokenizerFromFiles | null> {
  const configBytes = await read('tokenizer_config.json');
  const cfg: TokenizerConfig = configBytes ? fromFiles(['tokenizer_config.json'], () => parseTokenizerConfig(utf8(configBytes))) : {};
  const withConfig = (files: string[], tokenizer: Tokenizer): TokenizerFromFiles => {
    const max = modelMaxLength(cfg);
    return {
      tokenizer,
      files: configBytes ? [...files, 'tokenizer_config.json'] : files,
      ...(max !== undefined ? { modelMaxLength: max } : {}),
    };
  };

  const json = await read('tokenizer.json');
  if (json) return withConfig(['tokenizer.json'], fromFiles(['tokenizer.json'], () => loadHfTokenizer(utf8(json))));

  const vocabTxt = await read('vocab.txt');
  if (vocabTxt) {
    const files = configBytes ? ['vocab.txt', 'tokenizer_config.json'] : ['vocab.txt'];
    return withConfig(['vocab.txt'], fromFiles(files, () => wordPieceFromVocabTxt(utf8(vocabTxt), cfg)));
  }

  const [vocabJson, merges] = [await read('vocab.json'), await read('merges.txt')];
  if (vocabJson && merges) {
    const files = ['vocab.json', 'merges.txt', ...(configBytes ? ['tokenizer_config.json'] : [])];
    return withConfig(
      ['vocab.json', 'merges.txt'],
      fromFiles(files, () => byteLevelBpeFromVocabMerges(utf8(vocabJson), utf8(merges), cfg)),
    );
  }

  for (const name of LLAMA2C_FILES) {
    const bin = await read(name);
    if (bin) return { tokenizer: fromFiles([name], () => llama2cFromBytes(bin)), files: [name] };
  }

  const half = vocabJson ? 'vocab.json without merges.txt' : merges ? 'merges.txt without vocab.json' : null;
  if (opts.optional && half === null) return null;
  throw new TokenizerFilesError(
    half ? [vocabJson ? 'vocab.json' : 'merges.txt'] : [],
    `no tokenizer files${half ? ` (found ${half})` : ''}: looked for ${LAYOUTS}`,
  );
}
