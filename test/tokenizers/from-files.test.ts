import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ByteLevelBpeTokenizer } from '../../src/tokenizers/bpe.ts';
import { TokenizerFilesError, tokenizerFromFiles } from '../../src/tokenizers/from-files.ts';
import type { ReadFile } from '../../src/tokenizers/from-files.ts';
import { Llama2cTokenizer } from '../../src/tokenizers/llama2c.ts';
import { SentencePieceBpeTokenizer } from '../../src/tokenizers/sentencepiece-bpe.ts';
import { WordPieceTokenizer } from '../../src/tokenizers/wordpiece.ts';
import { sharedPath } from '../helpers/shared.ts';
import { TINY_MERGES, TINY_PIECES, llamaJson } from './sp-fixtures.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/tokenizers/${name}`, import.meta.url), 'utf8');
const bertJson = JSON.parse(fixture('tiny-bert.json'));
const gpt2Json = JSON.parse(fixture('tiny-gpt2.json'));
const vocab = bertJson.model.vocab as Record<string, number>;
const vocabTxt = Object.keys(vocab).sort((a, b) => vocab[a] - vocab[b]).join('\n') + '\n';
const gpt2Vocab = JSON.stringify({ ...gpt2Json.model.vocab, '<|endoftext|>': 277 });
const mergesTxt = ['#version: 0.2', ...gpt2Json.model.merges, ''].join('\n');
const tok512 = new Uint8Array(readFileSync(sharedPath('reference-models', 'stories260K', 'tok512.bin')));

/** A folder held in memory; records which files were asked for. */
function folder(files: Record<string, string | Uint8Array>): ReadFile & { asked: string[] } {
  const asked: string[] = [];
  const read = async (name: string): Promise<Uint8Array | null> => {
    asked.push(name);
    const f = files[name];
    return f === undefined ? null : typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
  return Object.assign(read, { asked });
}

describe('tokenizerFromFiles picks the layout', () => {
  it('prefers tokenizer.json over everything else', async () => {
    const got = await tokenizerFromFiles(
      folder({ 'tokenizer.json': JSON.stringify(llamaJson(TINY_PIECES, TINY_MERGES)), 'vocab.txt': vocabTxt, 'tok512.bin': tok512 }),
    );
    expect(got.tokenizer).toBeInstanceOf(SentencePieceBpeTokenizer);
    expect(got.files).toEqual(['tokenizer.json']);
  });

  it('takes vocab.txt with tokenizer_config.json next, with its casing and model_max_length', async () => {
    const cfg = JSON.stringify({ do_lower_case: false, model_max_length: 512 });
    const got = await tokenizerFromFiles(folder({ 'vocab.txt': vocabTxt, 'tokenizer_config.json': cfg, 'vocab.json': gpt2Vocab, 'merges.txt': mergesTxt }));
    expect(got.tokenizer).toBeInstanceOf(WordPieceTokenizer);
    expect((got.tokenizer as WordPieceTokenizer).options.lowercase).toBe(false);
    expect(got).toMatchObject({ files: ['vocab.txt', 'tokenizer_config.json'], modelMaxLength: 512 });
  });

  it('takes vocab.json + merges.txt next; transformers\' 1e30 "no limit" gives no modelMaxLength', async () => {
    const cfg = JSON.stringify({ model_max_length: 1e30 });
    const got = await tokenizerFromFiles(folder({ 'vocab.json': gpt2Vocab, 'merges.txt': mergesTxt, 'tokenizer_config.json': cfg, 'tok512.bin': tok512 }));
    expect(got.tokenizer).toBeInstanceOf(ByteLevelBpeTokenizer);
    expect(got.files).toEqual(['vocab.json', 'merges.txt', 'tokenizer_config.json']);
    expect(got.modelMaxLength).toBeUndefined();
  });

  it('falls back to a llama2.c .bin last', async () => {
    const got = await tokenizerFromFiles(folder({ 'tok512.bin': tok512 }));
    expect(got.tokenizer).toBeInstanceOf(Llama2cTokenizer);
    expect(got).toEqual({ tokenizer: got.tokenizer, files: ['tok512.bin'] });
  });
});

describe('tokenizerFromFiles errors name the files', () => {
  it('lists every layout when the folder has none, or gives null when optional', async () => {
    const err = await tokenizerFromFiles(folder({ 'config.json': '{}' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenizerFilesError);
    expect((err as Error).message).toMatch(/no tokenizer files: looked for tokenizer.json, vocab.txt .*vocab.json \+ merges.txt.*tokenizer.bin, tok512.bin/);
    expect(await tokenizerFromFiles(folder({}), { optional: true })).toBeNull();
  });

  it('says which half of vocab.json + merges.txt is missing, even when optional', async () => {
    await expect(tokenizerFromFiles(folder({ 'vocab.json': gpt2Vocab }), { optional: true })).rejects.toThrow(/found vocab.json without merges.txt/);
    await expect(tokenizerFromFiles(folder({ 'merges.txt': mergesTxt }))).rejects.toThrow(/found merges.txt without vocab.json/);
  });

  it.each([
    ['tokenizer.json that is not JSON', { 'tokenizer.json': '{"model": ' }, /from tokenizer.json: /],
    ['unsupported tokenizer.json', { 'tokenizer.json': JSON.stringify({ model: { type: 'Unigram', vocab: [] } }) }, /from tokenizer.json: .*Unigram/],
    ['tokenizer_config.json that is not an object', { 'vocab.txt': vocabTxt, 'tokenizer_config.json': '[1]' }, /from tokenizer_config.json: .*not a JSON object/],
    ['vocab.txt without [UNK]', { 'vocab.txt': 'a\nb\n', 'tokenizer_config.json': '{}' }, /from vocab.txt \+ tokenizer_config.json: .*\[UNK\]/],
    ['a bad merges.txt', { 'vocab.json': gpt2Vocab, 'merges.txt': 'a b c' }, /from vocab.json \+ merges.txt: merges.txt line 1/],
    ['a .bin cut inside a token', { 'tokenizer.bin': tok512.subarray(0, 101) }, /from tokenizer.bin: .*file ends/],
    ['a .bin cut between tokens', { 'tokenizer.bin': tok512.subarray(0, 100) }, /from tokenizer.bin: only \d+ tokens/],
  ] as Array<[string, Record<string, string | Uint8Array>, RegExp]>)('%s', async (_name, files, message) => {
    const err = await tokenizerFromFiles(folder(files)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenizerFilesError);
    expect((err as Error).message).toMatch(message);
  });
});
