import { describe, expect, it } from 'vitest';
import { loadHfTokenizer, wordPieceToHf } from '../../src/tokenizers/hf-json.ts';
import { offsetProblems } from '../../src/tokenizers/offsets.ts';
import type { Token } from '../../src/tokenizers/types.ts';
import { WordPieceTokenizer } from '../../src/tokenizers/wordpiece.ts';
import { buildWordPieceVocab } from '../../src/tokenizers/wordpiece-vocab.ts';

const corpus = [
  'The cat sat on the mat.',
  'The dog sat on the rug.',
  'The cat chased the dog because it was hungry.',
  "The dog didn't chase the cat.",
  'A bird sang.',
];
const vocab = buildWordPieceVocab(corpus, { minCount: 2 });
const tok = new WordPieceTokenizer(vocab);

const texts = (toks: Token[]): string[] => toks.map((t) => t.text);
const sources = (text: string, toks: Token[]): string[] => toks.map((t) => text.slice(t.start ?? 0, t.end ?? 0));

describe('buildWordPieceVocab', () => {
  it('puts special tokens first, then characters, "##" characters and frequent words', () => {
    expect(vocab.slice(0, 5)).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
    expect(vocab).toContain('a');
    expect(vocab).toContain('##a');
    expect(vocab).toContain('~'); // printable ASCII is always there
    expect(vocab).not.toContain('A'); // lowercased away
    expect(vocab).toContain('the');
    expect(vocab).toContain('dog');
    expect(vocab).not.toContain('bird'); // seen once: left to be pieced
    expect(vocab.indexOf('the')).toBeLessThan(vocab.indexOf('dog')); // more frequent first
    expect(new Set(vocab).size).toBe(vocab.length);
  });

  it('is deterministic and honours maxWords', () => {
    expect(buildWordPieceVocab(corpus)).toEqual(vocab);
    const small = buildWordPieceVocab(corpus, { maxWords: 1 });
    expect(small.filter((t) => t.length > 1 && !t.startsWith('##') && !t.startsWith('['))).toEqual(['the']);
  });
});

describe('WordPieceTokenizer on a built vocab', () => {
  it('keeps whole words, pieces rare ones letter by letter, with offsets', () => {
    const text = 'The bird sat.';
    const toks = tok.encode(text);
    expect(texts(toks)).toEqual(['[CLS]', 'the', 'b', '##i', '##r', '##d', 'sat', '.', '[SEP]']);
    expect(sources(text, toks.slice(1, -1))).toEqual(['The', 'b', 'i', 'r', 'd', 'sat', '.']);
    expect(toks[0]).toMatchObject({ id: tok.specialIds.cls, start: null, end: null });
    expect(toks.some((t) => t.unknown)).toBe(false);
  });

  it('splits contractions at the apostrophe like BERT', () => {
    // "didn" is seen once in the corpus, below minCount, so it is spelled out.
    expect(texts(tok.encode("didn't", { addSpecialTokens: false }))).toEqual(['d', '##i', '##d', '##n', "'", 't']);
    const all = new WordPieceTokenizer(buildWordPieceVocab(corpus, { minCount: 1 }));
    expect(texts(all.encode("didn't", { addSpecialTokens: false }))).toEqual(['didn', "'", 't']);
  });

  it('marks characters outside the alphabet as unknown words, with their span', () => {
    const text = 'the Ωmega cat';
    const toks = tok.encode(text, { addSpecialTokens: false });
    expect(toks[1]).toEqual({ text: '[UNK]', id: tok.specialIds.unk, start: 4, end: 9, unknown: true });
    expect(toks.filter((t) => t.unknown)).toHaveLength(1);
  });

  it('handles emoji, accents and CJK', () => {
    const text = 'Café 😀 中文!';
    const toks = tok.encode(text, { addSpecialTokens: false });
    expect(texts(toks)).toEqual(['c', '##a', '##f', '##e', '[UNK]', '[UNK]', '[UNK]', '!']);
    expect(sources(text, toks)).toEqual(['C', 'a', 'f', 'é', '😀', '中', '文', '!']);
    expect(offsetProblems(text, toks)).toEqual([]);
  });

  it('turns a word over 100 characters into one [UNK] (BERT max_input_chars_per_word)', () => {
    expect(texts(tok.encode('a'.repeat(100), { addSpecialTokens: false }))).toHaveLength(100);
    const long = tok.encode('x' + 'a'.repeat(100) + ' cat', { addSpecialTokens: false });
    expect(long[0]).toMatchObject({ text: '[UNK]', start: 0, end: 101, unknown: true });
    expect(long[1].text).toBe('cat');
  });

  it('encodes empty and blank text to the special tokens alone', () => {
    expect(texts(tok.encode(''))).toEqual(['[CLS]', '[SEP]']);
    expect(tok.encode(' \n\t ', { addSpecialTokens: false })).toEqual([]);
  });

  it('recognises [MASK] written in the text', () => {
    const text = 'the cat sat on the [MASK].';
    const toks = tok.encode(text, { addSpecialTokens: false });
    expect(toks[5]).toEqual({ text: '[MASK]', id: tok.specialIds.mask, start: 19, end: 25 });
    expect(toks[6]).toMatchObject({ text: '.', start: 25 });
  });

  it('gives both letters of a one-to-two lowercasing the source letter (no strip accents)', () => {
    const t = new WordPieceTokenizer([...vocab, '##\u0307'], { lowercase: true, stripAccents: false });
    const toks = t.encode('\u0130', { addSpecialTokens: false }); // İ -> i + combining dot
    expect(texts(toks)).toEqual(['i', '##\u0307']);
    expect(toks.map((x) => [x.start, x.end])).toEqual([[0, 1], [0, 1]]);
    expect(offsetProblems('\u0130', toks)).toEqual([]);
  });

  it('keeps case when lowercase is off', () => {
    const cased = new WordPieceTokenizer(buildWordPieceVocab(corpus, { lowercase: false }), { lowercase: false });
    expect(texts(cased.encode('The the', { addSpecialTokens: false }))).toEqual(['The', 'the']);
  });

  it('decodes back to the normalized text', () => {
    const ids = tok.encode("The bird didn't sit.").map((t) => t.id);
    expect(tok.decode(ids)).toBe("the bird didn't sit.");
  });

  it('refuses a vocab without [UNK], and takes other names for the special tokens', () => {
    expect(() => new WordPieceTokenizer(['a', 'b'])).toThrow(/unknown token "\[UNK\]"/);
    const t = new WordPieceTokenizer(['<unk>', 'a'], { specialTokens: { unk: '<unk>' } });
    expect(t.specialIds).toEqual({ unk: 0 });
    expect(t.encode('a b')).toEqual([
      { text: 'a', id: 1, start: 0, end: 1 },
      { text: '<unk>', id: 0, start: 2, end: 3, unknown: true },
    ]);
  });
});

describe('WordPiece files', () => {
  const sample = "The cat didn't sit on the zebra's mat, 中文 😀 [MASK].";

  it('round-trips through vocab.txt', () => {
    const txt = tok.toVocabTxt();
    expect(txt.split('\n')[0]).toBe('[PAD]');
    const back = WordPieceTokenizer.fromVocabTxt(txt.replaceAll('\n', '\r\n'));
    expect(back.vocabSize).toBe(tok.vocabSize);
    expect(back.encode(sample)).toEqual(tok.encode(sample));
  });

  it('round-trips through a Hugging Face tokenizer.json', () => {
    const json = wordPieceToHf(tok);
    expect(json.model).toMatchObject({ type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##' });
    expect(json.normalizer).toMatchObject({ type: 'BertNormalizer', lowercase: true });
    expect(json.post_processor).toMatchObject({ type: 'TemplateProcessing' });
    const back = loadHfTokenizer(JSON.stringify(json)) as WordPieceTokenizer;
    expect(back.kind).toBe('wordpiece');
    expect(back.specialIds).toEqual(tok.specialIds);
    expect(back.encode(sample)).toEqual(tok.encode(sample));
    expect(back.toVocabTxt()).toBe(tok.toVocabTxt());
  });
});
