import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHfTokenizer } from '../../src/tokenizers/hf-json.ts';
import { Llama2cTokenizer } from '../../src/tokenizers/llama2c.ts';
import { offsetProblems } from '../../src/tokenizers/offsets.ts';
import type { Token, Tokenizer } from '../../src/tokenizers/types.ts';
import { WordPieceTokenizer } from '../../src/tokenizers/wordpiece.ts';
import { buildWordPieceVocab } from '../../src/tokenizers/wordpiece-vocab.ts';
import { sharedPath } from '../helpers/shared.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/tokenizers/${name}`, import.meta.url), 'utf8');

const tokenizers: Record<string, Tokenizer> = {
  'own WordPiece': new WordPieceTokenizer(
    buildWordPieceVocab(['The cat sat on the mat.', 'The dog sat on the rug.', "It didn't rain."], { minCount: 1 }),
  ),
  'BERT tokenizer.json': loadHfTokenizer(fixture('tiny-bert.json')),
  'GPT-2 tokenizer.json': loadHfTokenizer(fixture('tiny-gpt2.json')),
  'llama2.c tok512': Llama2cTokenizer.fromBytes(
    new Uint8Array(readFileSync(sharedPath('reference-models', 'stories260K', 'tok512.bin'))),
  ),
};
const reversible = ['GPT-2 tokenizer.json', 'llama2.c tok512'];

// Text from many corners of Unicode: ASCII, any code point, emoji and combining sequences,
// words the vocabs know, and (for "never throws") lone surrogate halves.
const words = fc.constantFrom(
  ...['the', 'cat', ' ', '  ', "n't", '\n', '\t', '😀', '👩‍👩‍👧', 'é', 'e\u0301', '中文', 'İ', '\u00a0', '\u0085'],
  ...['[MASK]', '<|endoftext|>', '\u200b', '\ufeff'],
);
const wellFormed = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.array(words, { maxLength: 12 }).map((ws) => ws.join('')),
);
const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyString = fc.oneof(
  wellFormed,
  fc.array(fc.oneof(surrogate, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 }).map((p) => p.join('')),
);

/** The text the spans cover, in order, each shared character once. */
function covered(text: string, toks: readonly Token[]): string {
  let out = '';
  let upTo = 0;
  for (const t of toks) {
    if (t.start === null || t.end === null || t.end <= upTo) continue;
    out += text.slice(Math.max(t.start, upTo), t.end);
    upTo = t.end;
  }
  return out;
}

describe.each(Object.keys(tokenizers))('%s on random text', (name) => {
  const tok = tokenizers[name];

  it('never throws, ids are in the vocab, and offsets keep the contract', () => {
    fc.assert(
      fc.property(anyString, fc.boolean(), (text, addSpecialTokens) => {
        const toks = tok.encode(text, { addSpecialTokens });
        expect(offsetProblems(text, toks)).toEqual([]);
        for (const t of toks) {
          expect(Number.isInteger(t.id) && t.id >= 0 && t.id < tok.vocabSize).toBe(true);
          expect(tok.idToToken(t.id)).toBe(t.text);
        }
        expect(typeof tok.decode(toks.map((t) => t.id))).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  if (reversible.includes(name)) {
    it('decode(encode(s)) === s, and the spans tile the whole text', () => {
      fc.assert(
        fc.property(wellFormed, (text) => {
          fc.pre(!text.includes('<|endoftext|>')); // an added special token is dropped by decode
          const toks = tok.encode(text);
          expect(tok.decode(toks.map((t) => t.id))).toBe(text);
          expect(covered(text, toks)).toBe(text);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('offsetProblems', () => {
  const t = (start: number | null, end: number | null): Token => ({ text: 'x', id: 0, start, end });

  it('accepts specials, zero-width spans and one shared character', () => {
    expect(offsetProblems('ab😀', [t(null, null), t(0, 0), t(0, 2), t(2, 4), t(2, 4)])).toEqual([]);
  });

  it('reports spans outside the text, going back, overlaps and half-null offsets', () => {
    expect(offsetProblems('abc', [t(2, 4)])[0]).toMatch(/not a span/);
    expect(offsetProblems('abc', [t(1, 2), t(0, 1)])[0]).toMatch(/goes back/);
    expect(offsetProblems('abcd', [t(0, 3), t(1, 4)])[0]).toMatch(/more than one character/);
    expect(offsetProblems('abc', [t(0, null)])[0]).toMatch(/only one offset is null/);
  });
});
