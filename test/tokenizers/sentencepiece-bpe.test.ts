import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnsupportedTokenizerError, loadHfTokenizer } from '../../src/tokenizers/hf-json.ts';
import { offsetProblems } from '../../src/tokenizers/offsets.ts';
import { SentencePieceBpeTokenizer } from '../../src/tokenizers/sentencepiece-bpe.ts';
import { TINY_MERGES, TINY_PIECES, asMetaspace, llamaJson, tok512 } from './sp-fixtures.ts';

const tinyJson = llamaJson(TINY_PIECES, TINY_MERGES);
const tiny = loadHfTokenizer(tinyJson) as SentencePieceBpeTokenizer;
const spans = (toks: Array<{ text: string; start: number | null; end: number | null }>) =>
  toks.map((t) => [t.text, t.start, t.end]);

describe('Llama-2-style tokenizer.json (Prepend + Replace normalizer, byte fallback)', () => {
  it('loads as SentencePiece BPE with <s> from the template and </s>, <unk> by name', () => {
    expect(tiny).toBeInstanceOf(SentencePieceBpeTokenizer);
    expect(tiny.kind).toBe('sentencepiece-bpe');
    expect(tiny.vocabSize).toBe(3 + 256 + TINY_PIECES.length);
    expect(tiny.specialIds).toEqual({ bos: 1, eos: 2, unk: 0 });
  });

  it('puts "▁" before the text and for spaces, merging by rank; the prefix is zero-width', () => {
    const toks = tiny.encode('the cat sat');
    expect(spans(toks)).toEqual([
      ['<s>', null, null],
      ['▁the', 0, 3],
      ['▁cat', 3, 7],
      ['▁sat', 7, 11],
    ]);
    // "ht": no merge (h, t), so the characters stay apart; the lone prefix "▁" spans nothing.
    expect(spans(tiny.encode('ht', { addSpecialTokens: false }))).toEqual([
      ['▁', 0, 0],
      ['h', 0, 1],
      ['t', 1, 2],
    ]);
  });

  it('falls back to UTF-8 bytes for characters not in the vocab, each byte spanning its character', () => {
    const text = 'cat 😀é€';
    const toks = tiny.encode(text, { addSpecialTokens: false });
    expect(spans(toks)).toEqual([
      ['▁cat', 0, 3],
      ['▁', 3, 4],
      ['<0xF0>', 4, 6],
      ['<0x9F>', 4, 6],
      ['<0x98>', 4, 6],
      ['<0x80>', 4, 6],
      ['é', 6, 7], // in the vocab: no fallback
      ['<0xE2>', 7, 8],
      ['<0x82>', 7, 8],
      ['<0xAC>', 7, 8],
    ]);
    expect(toks.some((t) => t.unknown)).toBe(false); // the model has seen every byte
    expect(offsetProblems(text, toks)).toEqual([]);
    expect(tiny.decode(toks.map((t) => t.id))).toBe(text);
  });

  it('decodes like transformers: the first space stripped, bytes joined, bad bytes as U+FFFD', () => {
    expect(tiny.decode(tiny.encode('the cat').map((t) => t.id))).toBe('the cat');
    expect(tiny.decode(tiny.encode('  the').map((t) => t.id))).toBe('  the');
    const [f0, x9f] = [tiny.tokenToId('<0xF0>') as number, tiny.tokenToId('<0x9F>') as number];
    expect(tiny.decode([f0, x9f, tiny.tokenToId('▁cat') as number])).toBe('\ufffd\ufffd cat');
    expect(tiny.decode([1, tiny.tokenToId('▁cat') as number, 2], { skipSpecialTokens: false })).toBe('<s> cat</s>');
  });

  it('matches added tokens first; each run between them gets its own "▁" (legacy Llama)', () => {
    const toks = tiny.encode('the</s>cat', { addSpecialTokens: false });
    expect(spans(toks)).toEqual([
      ['▁the', 0, 3],
      ['</s>', 3, 7],
      ['▁cat', 7, 10],
    ]);
  });

  it('without byte fallback, unknown characters fuse into one flagged <unk>', () => {
    const json = structuredClone(tinyJson);
    json.model.byte_fallback = false;
    const toks = loadHfTokenizer(json).encode('cat 😀😀 cat', { addSpecialTokens: false });
    expect(toks.map((t) => [t.text, t.start, t.end, t.unknown ?? false])).toEqual([
      ['▁cat', 0, 3, false],
      ['▁', 3, 4, false],
      ['<unk>', 4, 8, true],
      ['▁cat', 8, 12, false],
    ]);
    json.model.fuse_unk = false;
    expect(loadHfTokenizer(json).encode('😀😀', { addSpecialTokens: false }).filter((t) => t.unknown)).toHaveLength(2);
  });
});

describe('Metaspace pre-tokenizer layout (newer Llama / Mistral files)', () => {
  it('prepend_scheme "first": same ids as the legacy layout, but no "▁" after an added token', () => {
    const meta = loadHfTokenizer(asMetaspace(tinyJson));
    for (const text of ['the cat sat', 'the  cat', 'cat 😀', '']) {
      expect(meta.encode(text)).toEqual(tiny.encode(text));
    }
    // Metaspace adds no "▁" to a text that already starts with a space; Prepend always does.
    expect(meta.encode(' the', { addSpecialTokens: false }).map((t) => t.text)).toEqual(['▁the']);
    expect(tiny.encode(' the', { addSpecialTokens: false }).map((t) => t.text)).toEqual(['▁', '▁the']);
    expect(meta.encode('the</s>cat', { addSpecialTokens: false }).map((t) => t.text)).toEqual(['▁the', '</s>', 'c', 'at']);
  });

  it('prepend_scheme "always" with split: words at each "▁"; no second "▁" when the text starts with one', () => {
    const json = asMetaspace(tinyJson, 'always');
    json.pre_tokenizer.split = true;
    // Split words keep "▁t" and "he" apart from the "the" inside one word: here they are one word anyway.
    const tok = loadHfTokenizer(json);
    expect(spans(tok.encode(' the cat', { addSpecialTokens: false }))).toEqual([
      ['▁the', 0, 4],
      ['▁cat', 4, 8],
    ]);
    expect(tok.encode('the</s>cat', { addSpecialTokens: false }).map((t) => t.text)).toEqual(['▁the', '</s>', '▁cat']);
  });

  it('reads the old Metaspace fields (add_prefix_space) and the Metaspace decoder', () => {
    const json = asMetaspace(tinyJson);
    json.pre_tokenizer = { type: 'Metaspace', replacement: '▁', add_prefix_space: true };
    json.decoder = { type: 'Metaspace', replacement: '▁', add_prefix_space: true };
    const tok = loadHfTokenizer(json);
    expect(tok.encode('the cat').map((t) => t.text)).toEqual(['<s>', '▁the', '▁cat']);
    expect(tok.decode(tok.encode('the cat').map((t) => t.id))).toBe('the cat');
  });
});

describe('refused SentencePiece-style files', () => {
  const change = (f: (j: Record<string, any>) => void): Record<string, any> => {
    const j = structuredClone(tinyJson);
    f(j);
    return j;
  };
  it.each([
    ['a Regex Replace', change((j) => (j.normalizer.normalizers[1].pattern = { Regex: ' +' })), /String/],
    ['an NFKC normalizer', change((j) => (j.normalizer = { type: 'NFKC' })), /normalizer "NFKC"/],
    ['a Whitespace pre-tokenizer', change((j) => (j.pre_tokenizer = { type: 'Whitespace' })), /pre_tokenizer "Whitespace"/],
    ['a WordPiece decoder', change((j) => (j.decoder = { type: 'WordPiece' })), /decoder "WordPiece"/],
    ['dropout', change((j) => (j.model.dropout = 0.1)), /dropout/],
  ])('%s', (_name, json, message) => {
    expect(() => loadHfTokenizer(json)).toThrow(UnsupportedTokenizerError);
    expect(() => loadHfTokenizer(json)).toThrow(message);
  });
});

describe("llama2.c's real tok512 written as a Llama tokenizer.json", () => {
  const { llama2c, json } = tok512();
  const sp = loadHfTokenizer(json) as SentencePieceBpeTokenizer;
  // llama2.c's own encode() is the reference: same ids, same spans (its " " is our "▁").
  const sameAsLlama2c = (text: string): void => {
    const ours = sp.encode(text);
    const theirs = llama2c.encode(text);
    expect(ours.map((t) => [t.id, t.start, t.end]), JSON.stringify(text)).toEqual(theirs.map((t) => [t.id, t.start, t.end]));
  };

  it('encodes the stories prompts exactly as llama2.c does', () => {
    for (const text of ['Once upon a time, there was a little girl named Lily.', 'She loved to play outside 🌞 in the park!']) {
      sameAsLlama2c(text);
    }
  });

  it('agrees with llama2.c on random text, keeps the offset contract and round-trips', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.array(fc.constantFrom('Once', ' upon', ' a', ' time', ' ', '  ', 'Lily', '😀', 'é', '中', '\n'), { maxLength: 10 }).map((w) => w.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        fc.pre(!s.includes('▁') && !/<\/?s>|<unk>/.test(s)); // a literal "▁" is a space to the model
        sameAsLlama2c(s);
        const toks = sp.encode(s);
        expect(offsetProblems(s, toks)).toEqual([]);
        expect(sp.decode(toks.map((t) => t.id))).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('SentencePiece BPE on random text', () => {
  const layouts = {
    'Prepend + Replace': tiny,
    'Metaspace first': loadHfTokenizer(asMetaspace(tinyJson)),
    'Metaspace always, split': loadHfTokenizer({ ...asMetaspace(tinyJson, 'always'), pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true } }),
  };
  const words = fc.constantFrom('the', ' cat', ' ', '  ', '😀', 'é', 'e\u0301', '中', '\n', '</s>', '<s>', '▁', '\u00a0');
  const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.array(fc.oneof(words, surrogate), { maxLength: 12 }).map((w) => w.join('')),
  );

  it.each(Object.entries(layouts))('%s: never throws, ids in the vocab, offsets keep the contract', (_name, tok) => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, addSpecialTokens) => {
        const toks = tok.encode(text, { addSpecialTokens });
        expect(offsetProblems(text, toks)).toEqual([]);
        for (const t of toks) {
          expect(t.id >= 0 && t.id < tok.vocabSize).toBe(true);
          expect(tok.idToToken(t.id)).toBe(t.text);
        }
        expect(typeof tok.decode(toks.map((t) => t.id))).toBe('string');
      }),
      { numRuns: 200 },
    );
  });

  it('Prepend + Replace: decode(encode(s)) === s for text without "▁" or special tokens', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!/▁|<\/?s>|[\ud800-\udfff]/u.test(text)); // u: only lone surrogates
        expect(tiny.decode(tiny.encode(text).map((t) => t.id))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
