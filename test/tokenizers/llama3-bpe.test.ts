import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteLevelBpeTokenizer } from '../../src/tokenizers/bpe.ts';
import { UnsupportedTokenizerError, loadHfTokenizer } from '../../src/tokenizers/hf-json.ts';
import { offsetProblems } from '../../src/tokenizers/offsets.ts';
import { splitRegex } from '../../src/tokenizers/split-regex.ts';

// Llama 3's Split pattern, as its tokenizer.json writes it.
const LLAMA3_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/tokenizers/${name}`, import.meta.url), 'utf8');

/** The tiny GPT-2 vocabulary laid out as Llama 3 lays out its tokenizer.json. */
function llama3Json(): Record<string, any> {
  const j = JSON.parse(fixture('tiny-gpt2.json'));
  const special = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  j.added_tokens = [special(278, '<|begin_of_text|>'), special(279, '<|end_of_text|>')];
  j.pre_tokenizer = {
    type: 'Sequence',
    pretokenizers: [
      { type: 'Split', pattern: { Regex: LLAMA3_PATTERN }, behavior: 'Isolated', invert: false },
      { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
    ],
  };
  j.post_processor = {
    type: 'Sequence',
    processors: [
      { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
      {
        type: 'TemplateProcessing',
        single: [{ SpecialToken: { id: '<|begin_of_text|>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
        pair: [],
        special_tokens: { '<|begin_of_text|>': { id: '<|begin_of_text|>', ids: [278], tokens: ['<|begin_of_text|>'] } },
      },
    ],
  };
  j.model.ignore_merges = true;
  return j;
}

describe("Llama 3's Split regex in JS", () => {
  it('splits like Oniguruma: caseless contractions, digits in threes, Unicode whitespace', () => {
    const re = splitRegex(LLAMA3_PATTERN);
    const text = "I'LL go 12345 times!!\n\n  ok";
    expect([...text.matchAll(re)].map((m) => m[0])).toEqual(['I', "'LL", ' go', ' ', '123', '45', ' times', '!!\n\n', ' ', ' ok']);
    // U+0085 is whitespace to Oniguruma (not to JS's \s); U+FEFF is not (JS's \s says it is).
    expect([...'x\u0085\u0085y'.matchAll(re)].map((m) => m[0])).toEqual(['x', '\u0085', '\u0085y']);
    expect([...'x\ufeff\ufeffy'.matchAll(re)].map((m) => m[0])).toEqual(['x', '\ufeff\ufeff', 'y']);
  });

  it('refuses what JS cannot express', () => {
    expect(() => splitRegex('(?i:[a-z])')).toThrow(UnsupportedTokenizerError);
    expect(() => splitRegex('a++(?<=x)\\')).toThrow(/no JS equivalent/);
  });
});

describe('Llama-3-style tokenizer.json (Split + ByteLevel, ignore_merges)', () => {
  const tok = loadHfTokenizer(llama3Json()) as ByteLevelBpeTokenizer;

  it('loads as byte-level BPE with <|begin_of_text|> first and <|end_of_text|> as eos', () => {
    expect(tok).toBeInstanceOf(ByteLevelBpeTokenizer);
    expect(tok.specialIds).toEqual({ bos: 278, eos: 279 });
    expect(tok.encode('the')[0]).toEqual({ text: '<|begin_of_text|>', id: 278, start: null, end: null });
  });

  it('cuts numbers into threes before BPE, with offsets into the input', () => {
    const toks = tok.encode('cat 1212', { addSpecialTokens: false });
    // Pre-tokens "cat", " ", "121", "2": the merge (1, 2) cannot join the last two digits,
    // as it would in GPT-2's single pre-token "1212" (12, 12).
    expect(toks.map((t) => [t.text, t.start, t.end])).toEqual([
      ['c', 0, 1],
      ['at', 1, 3],
      ['Ġ', 3, 4],
      ['12', 4, 6],
      ['1', 6, 7],
      ['2', 7, 8],
    ]);
    expect(loadHfTokenizer(fixture('tiny-gpt2.json')).encode('1212').map((t) => t.text)).toEqual(['12', '12']);
  });

  it('never throws, keeps the offset contract and round-trips on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })), (s) => {
        fc.pre(!s.includes('<|'));
        const toks = tok.encode(s);
        expect(offsetProblems(s, toks)).toEqual([]);
        expect(tok.decode(toks.map((t) => t.id))).toBe(s);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a Split with another behaviour', () => {
    const j = llama3Json();
    j.pre_tokenizer.pretokenizers[0].behavior = 'Removed';
    expect(() => loadHfTokenizer(j)).toThrow(/behavior "Isolated"/);
  });
});
