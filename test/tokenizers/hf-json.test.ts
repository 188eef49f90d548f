import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ByteLevelBpeTokenizer } from '../../src/tokenizers/bpe.ts';
import { BYTE_TO_CHAR } from '../../src/tokenizers/byte-level.ts';
import { UnsupportedTokenizerError, loadHfTokenizer } from '../../src/tokenizers/hf-json.ts';
import { offsetProblems } from '../../src/tokenizers/offsets.ts';
import { WordPieceTokenizer } from '../../src/tokenizers/wordpiece.ts';

// Fixtures written by scripts/gen_tokenizer_fixtures.py: a hand-picked 21-merge GPT-2-style
// tokenizer and a 38-token BERT one, with outputs from Python ports of GPT-2's encoder.py and
// BERT's tokenization.py (independent of the TypeScript under test).
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/tokenizers/${name}`, import.meta.url), 'utf8');
const gpt2Json = JSON.parse(fixture('tiny-gpt2.json'));
const bertJson = JSON.parse(fixture('tiny-bert.json'));
const gpt2Cases = JSON.parse(fixture('tiny-gpt2.expected.json')) as Array<{
  text: string;
  tokens: Array<{ text: string; id: number; start: number; end: number }>;
}>;
const bertCases = JSON.parse(fixture('tiny-bert.expected.json')) as Array<{ text: string; tokens: string[]; ids: number[] }>;

const gpt2 = loadHfTokenizer(gpt2Json) as ByteLevelBpeTokenizer;
const bert = loadHfTokenizer(JSON.stringify(bertJson)) as WordPieceTokenizer;

describe('bytes_to_unicode', () => {
  it('maps printable bytes to themselves and the rest above U+0100', () => {
    expect(BYTE_TO_CHAR['A'.charCodeAt(0)]).toBe('A');
    expect(BYTE_TO_CHAR[0x20]).toBe('Ġ'); // the famous GPT-2 space
    expect(BYTE_TO_CHAR[0x0a]).toBe('Ċ');
    expect(BYTE_TO_CHAR[0xa0]).toBe('ł'); // the second byte of a no-break space
    expect(BYTE_TO_CHAR[0xad]).toBe('Ń'); // the last of the 68 shifted bytes: U+0100 + 67
    expect(new Set(BYTE_TO_CHAR).size).toBe(256);
  });

  it('agrees with the fixture vocab: ids 0..255 in GPT-2 encoder.json order', () => {
    expect(gpt2.tokenToId('!')).toBe(0);
    expect(gpt2.tokenToId('Ġ')).toBe(220); // GPT-2's real id for a lone space
    for (let b = 0; b < 256; b++) expect(gpt2.tokenToId(BYTE_TO_CHAR[b])).toBeLessThan(256);
  });
});

describe('tiny GPT-2 tokenizer.json, step by step', () => {
  it('loads as byte-level BPE with GPT-2 settings', () => {
    expect(gpt2).toBeInstanceOf(ByteLevelBpeTokenizer);
    expect(gpt2.kind).toBe('byte-level-bpe');
    expect(gpt2.vocabSize).toBe(256 + 21 + 1);
    expect(gpt2.specialIds).toEqual({ bos: 277, eos: 277 });
  });

  it('merges " the" in three ranked steps', () => {
    // Bytes: Ġ t h e. Ranks: (Ġ,t)=0 < (h,e)=1 < (t,h)=14, so Ġt first, then he, then (Ġt,he)=2.
    expect(gpt2.bpe('Ġthe')).toEqual(['Ġthe']);
    // Without the leading space "t h e": (h,e)=1 beats (t,h)=14, so "th" never forms.
    expect(gpt2.bpe('the')).toEqual(['t', 'he']);
    // "there" = t h e r e: he (1), then e r (15) is blocked because e already merged into "he".
    expect(gpt2.bpe('there')).toEqual(['t', 'he', 'r', 'e']);
  });

  it('splits with the GPT-2 regex before merging', () => {
    const toks = gpt2.encode("It's the cat");
    expect(toks.map((t) => t.text)).toEqual(['I', 't', "'s", 'Ġthe', 'Ġcat']);
    expect(toks.map((t) => [t.start, t.end])).toEqual([[0, 1], [1, 2], [2, 4], [4, 8], [8, 12]]);
  });

  it('gives a token holding part of a character the span of the whole character', () => {
    // 😀 = F0 9F 98 80; the merge (ð, Ł) = (F0, 9F) makes "ðŁ", the other two bytes stay alone.
    const toks = gpt2.encode('Hi 😀!');
    expect(toks.map((t) => t.text)).toEqual(['H', 'i', 'Ġ', 'ðŁ', 'ĺ', 'Ģ', '!']);
    expect(toks.slice(3, 6).map((t) => [t.start, t.end])).toEqual([[3, 5], [3, 5], [3, 5]]);
    expect(gpt2.decode(toks.map((t) => t.id))).toBe('Hi 😀!');
  });

  it('matches the Python encoder.py port on every fixture sentence (ids and offsets)', () => {
    for (const c of gpt2Cases) {
      const toks = gpt2.encode(c.text);
      expect(toks, JSON.stringify(c.text)).toEqual(c.tokens);
      expect(gpt2.decode(toks.map((t) => t.id))).toBe(c.text);
      expect(offsetProblems(c.text, toks)).toEqual([]);
    }
  });

  it('matches <|endoftext|> as one token before BPE, and drops it on decode unless asked', () => {
    const toks = gpt2.encode('the<|endoftext|>cat');
    expect(toks.map((t) => t.text)).toEqual(['t', 'he', '<|endoftext|>', 'c', 'at']);
    expect(toks[2]).toMatchObject({ id: 277, start: 3, end: 16 });
    const ids = toks.map((t) => t.id);
    expect(gpt2.decode(ids)).toBe('thecat');
    expect(gpt2.decode(ids, { skipSpecialTokens: false })).toBe('the<|endoftext|>cat');
  });

  it('reads merges written as pairs (tokenizers >= 0.20) like "a b" strings', () => {
    const json = structuredClone(gpt2Json);
    json.model.merges = json.model.merges.map((m: string) => m.split(' '));
    const t = loadHfTokenizer(json);
    expect(t.encode('The cat sat').map((x) => x.id)).toEqual(gpt2.encode('The cat sat').map((x) => x.id));
  });

  it('honours add_prefix_space (zero-width prefix) and trim_offsets', () => {
    const json = structuredClone(gpt2Json);
    json.pre_tokenizer.add_prefix_space = true;
    json.post_processor.trim_offsets = true;
    const t = loadHfTokenizer(json);
    const toks = t.encode('the cat');
    expect(toks.map((x) => x.text)).toEqual(['Ġthe', 'Ġcat']);
    // The added space comes from no input character; trimmed offsets leave spaces out.
    expect(toks.map((x) => [x.start, x.end])).toEqual([[0, 3], [4, 7]]);
  });
});

describe('tiny BERT tokenizer.json', () => {
  it('loads as WordPiece with the BERT normalizer and [CLS]/[SEP] template', () => {
    expect(bert).toBeInstanceOf(WordPieceTokenizer);
    expect(bert.specialIds).toEqual({ unk: 1, cls: 2, sep: 3, pad: 0, mask: 4 });
    expect(bert.options).toMatchObject({ lowercase: true, stripAccents: true, handleChineseChars: true });
  });

  it.each(bertCases.map((c) => [c.text, c] as const))('%j matches tokenization.py', (text, c) => {
    const toks = bert.encode(text, { addSpecialTokens: false });
    expect(toks.map((t) => t.text)).toEqual(c.tokens);
    expect(toks.map((t) => t.id)).toEqual(c.ids);
    expect(offsetProblems(text, toks)).toEqual([]);
  });

  it('wraps the text in [CLS] ... [SEP] with null offsets', () => {
    const toks = bert.encode('The cat.');
    expect(toks.map((t) => [t.text, t.start, t.end])).toEqual([
      ['[CLS]', null, null],
      ['the', 0, 3],
      ['cat', 4, 7],
      ['.', 7, 8],
      ['[SEP]', null, null],
    ]);
  });

  it('maps pieces of normalized words back to the original characters', () => {
    const text = 'Café NAÏVE unwanted';
    const toks = bert.encode(text, { addSpecialTokens: false });
    expect(toks.map((t) => [t.text, text.slice(t.start ?? 0, t.end ?? 0)])).toEqual([
      ['cafe', 'Café'],
      ['naive', 'NAÏVE'],
      ['un', 'un'],
      ['##want', 'want'],
      ['##ed', 'ed'],
    ]);
    // A decomposed accent stays inside its letter's token.
    expect(bert.encode('cafe\u0301', { addSpecialTokens: false })[0]).toMatchObject({ start: 0, end: 5 });
  });

  it('flags words the vocab cannot piece', () => {
    const toks = bert.encode('zebra cat', { addSpecialTokens: false });
    expect(toks[0]).toEqual({ text: '[UNK]', id: 1, start: 0, end: 5, unknown: true });
    expect(toks[1].unknown).toBeUndefined();
  });

  it('decodes pieces back to words', () => {
    const ids = bert.encode("Didn't the cat play? unwanted").map((t) => t.id);
    expect(bert.decode(ids)).toBe("didn't the cat play? unwanted");
    expect(bert.decode(ids, { skipSpecialTokens: false })).toBe("[CLS] didn't the cat play? unwanted [SEP]");
  });

  it('reads BertProcessing as well as TemplateProcessing', () => {
    const json = structuredClone(bertJson);
    json.post_processor = { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] };
    expect(loadHfTokenizer(json).encode('cat').map((t) => t.id)).toEqual([2, 6, 3]);
  });
});

describe('unsupported tokenizer.json', () => {
  const withChange = (base: object, change: (j: Record<string, any>) => void): object => {
    const j = structuredClone(base) as Record<string, any>;
    change(j);
    return j;
  };
  const cases: Array<[string, object, RegExp]> = [
    ['Unigram model', withChange(gpt2Json, (j) => (j.model = { type: 'Unigram', vocab: [] })), /unsupported model type "Unigram"/],
    ['WordLevel model', withChange(bertJson, (j) => (j.model.type = 'WordLevel')), /unsupported model type "WordLevel"/],
    ['Metaspace BPE', withChange(gpt2Json, (j) => (j.pre_tokenizer = { type: 'Metaspace' })), /pre_tokenizer "Metaspace"/],
    ['byte_fallback BPE', withChange(gpt2Json, (j) => (j.model.byte_fallback = true)), /byte_fallback/],
    ['BPE with a normalizer', withChange(gpt2Json, (j) => (j.normalizer = { type: 'NFC' })), /normalizer "NFC"/],
    ['BPE dropout', withChange(gpt2Json, (j) => (j.model.dropout = 0.1)), /dropout/],
    ['WordPiece with NFD', withChange(bertJson, (j) => (j.normalizer = { type: 'NFD' })), /normalizer "NFD"/],
    ['WordPiece with Whitespace', withChange(bertJson, (j) => (j.pre_tokenizer = { type: 'Whitespace' })), /BertPreTokenizer/],
    ['unknown post_processor', withChange(bertJson, (j) => (j.post_processor = { type: 'Fancy' })), /post_processor type "Fancy"/],
    ['no model', { version: '1.0' }, /no "model"/],
  ];
  it.each(cases)('%s is refused with a clear error', (_name, json, message) => {
    expect(() => loadHfTokenizer(json)).toThrow(UnsupportedTokenizerError);
    expect(() => loadHfTokenizer(json)).toThrow(message);
  });
});
