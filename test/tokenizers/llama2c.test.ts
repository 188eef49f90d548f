import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Llama2cTokenizer } from '../../src/tokenizers/llama2c.ts';
import { offsetProblems } from '../../src/tokenizers/offsets.ts';
import { sharedPath } from '../helpers/shared.ts';

// Real data from ../shared (llama2.c's stories260K); sharedPath throws loudly when it is absent.
const tok = Llama2cTokenizer.fromBytes(
  new Uint8Array(readFileSync(sharedPath('reference-models', 'stories260K', 'tok512.bin'))),
  512,
);
const expected = JSON.parse(
  readFileSync(sharedPath('reference-models', 'stories260K', 'expected_public.json'), 'utf8'),
) as Array<{ prompt: string; ids: number[]; greedy: number[] }>;

describe('llama2.c tokenizer file', () => {
  it('reads the 512 pieces and their scores', () => {
    expect(tok.vocabSize).toBe(512);
    expect(tok.maxTokenLength).toBe(7);
    expect(tok.idToToken(0)).toBe('<unk>');
    expect(tok.idToToken(1)).toBe('\n<s>\n');
    expect(tok.idToToken(3)).toBe('<0x00>');
    expect(tok.idToToken(259)).toBe(' t');
    expect(tok.score(260)).toBe(-1); // "he": merges rank by score, higher first
    expect(tok.tokenToId(' Once')).toBe(403);
  });

  it('reads to the end of the file when no vocab size is given', () => {
    const bytes = new Uint8Array(readFileSync(sharedPath('reference-models', 'stories260K', 'tok512.bin')));
    expect(Llama2cTokenizer.fromBytes(bytes).vocabSize).toBe(512);
    expect(() => Llama2cTokenizer.fromBytes(bytes, 513)).toThrow(/file ends at byte/);
  });
});

describe('llama2.c encode', () => {
  it.each(expected.map((e) => [e.prompt, e.ids] as const))('%s -> the model ids', (prompt, ids) => {
    expect(tok.encode(prompt).map((t) => t.id)).toEqual(ids);
  });

  it('matches the ids given in the brief', () => {
    const ids = (s: string): number[] => tok.encode(s).map((t) => t.id);
    expect(ids('Once upon a time, there was a little girl named Lily.')).toEqual([
      1, 403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426,
    ]);
    expect(ids('The cat sat on the mat because it was tired.')).toEqual([
      1, 291, 280, 294, 262, 294, 353, 265, 284, 294, 329, 429, 412, 425, 372, 312, 286, 259, 315, 266, 426,
    ]);
  });

  it('gives each token the span of the input it came from; the dummy prefix merges into the first word', () => {
    const text = 'The cat sat on the mat because it was tired.';
    const toks = tok.encode(text);
    expect(toks[0]).toEqual({ text: '\n<s>\n', id: 1, start: null, end: null });
    // " The" = dummy prefix [0,0) + "The" [0,3)
    expect(toks[1]).toMatchObject({ text: ' The', start: 0, end: 3 });
    expect(toks[2]).toMatchObject({ text: ' c', start: 3, end: 5 });
    expect(toks[3]).toMatchObject({ text: 'at', start: 5, end: 7 });
    expect(toks.at(-1)).toMatchObject({ text: '.', start: 43, end: 44 });
    // Every non-BOS token's text is exactly its source (the leading space of " c" is the input's).
    for (const t of toks.slice(2)) expect(text.slice(t.start ?? 0, t.end ?? 0)).toBe(t.text);
    expect(offsetProblems(text, toks)).toEqual([]);
  });

  it('leaves an unmerged dummy prefix as a zero-width " " token at 0', () => {
    const toks = tok.encode('\u00e9', { addSpecialTokens: false });
    expect(toks[0]).toMatchObject({ text: ' ', start: 0, end: 0 });
  });

  it('falls back to bytes (id = byte + 3) for characters outside the vocab, each with the char span', () => {
    const text = 'a😀';
    const toks = tok.encode(text, { addSpecialTokens: false });
    const bytes = [...new TextEncoder().encode('😀')];
    expect(toks.slice(-4).map((t) => t.id)).toEqual(bytes.map((b) => b + 3));
    for (const t of toks.slice(-4)) expect([t.start, t.end]).toEqual([1, 3]);
    expect(offsetProblems(text, toks)).toEqual([]);
  });

  it('encodes the empty string as BOS alone (no dummy prefix)', () => {
    expect(tok.encode('').map((t) => t.id)).toEqual([1]);
    expect(tok.encode('', { addSpecialTokens: false })).toEqual([]);
  });
});

describe('llama2.c decode', () => {
  it('undoes encode, dropping the space after BOS', () => {
    for (const e of expected) expect(tok.decode(e.ids)).toBe(e.prompt);
    expect(tok.decode([1, 403], { skipSpecialTokens: false })).toBe('\n<s>\nOnce');
  });

  it('decodes the greedy continuations into the story llama2.c prints', () => {
    expect(tok.decode(expected[0].greedy)).toBe(
      ' She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was',
    );
    expect(tok.decode(expected[1].greedy)).toBe(
      ' It was a big, red ball. The ball was very small and shiny. It was a big, red ball. The ball was',
    );
    expect(tok.decode([...expected[0].ids, ...expected[0].greedy])).toMatch(
      /^Once upon a time, there was a little girl named Lily\. She loved to play outside in the park\. One day/,
    );
  });

  it('joins byte-fallback tokens back into the character', () => {
    const ids = tok.encode('naïve 😀 日本').map((t) => t.id);
    expect(tok.decode(ids)).toBe('naïve 😀 日本');
  });
});
