import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHfTokenizer } from '../../src/tokenizers/hf-json.ts';
import { offsetProblems } from '../../src/tokenizers/offsets.ts';
import { byteLevelBpeFromVocabMerges, wordPieceFromVocabTxt } from '../../src/tokenizers/vocab-files.ts';

// The same tiny GPT-2 and BERT vocabularies as hf-json.test.ts, rewritten at test time in the
// older layouts: vocab.json + merges.txt, and vocab.txt + tokenizer_config.json.
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/tokenizers/${name}`, import.meta.url), 'utf8');
const gpt2Json = JSON.parse(fixture('tiny-gpt2.json'));
const bertJson = JSON.parse(fixture('tiny-bert.json'));
const gpt2Cases = JSON.parse(fixture('tiny-gpt2.expected.json')) as Array<{ text: string }>;

/** GPT-2's vocab.json (with <|endoftext|> in it, as released) and merges.txt. */
function gpt2Files(json: typeof gpt2Json): { vocabJson: string; mergesTxt: string } {
  const added = Object.fromEntries((json.added_tokens as Array<{ content: string; id: number }>).map((t) => [t.content, t.id]));
  return {
    vocabJson: JSON.stringify({ ...json.model.vocab, ...added }),
    mergesTxt: ['#version: 0.2', ...json.model.merges, ''].join('\n'),
  };
}

/** vocab.txt: the tokens in id order, one a line. */
function bertVocabTxt(json: typeof bertJson): string {
  const vocab = json.model.vocab as Record<string, number>;
  return Object.keys(vocab).sort((a, b) => vocab[a] - vocab[b]).join('\n') + '\n';
}

describe('GPT-2 vocab.json + merges.txt', () => {
  const { vocabJson, mergesTxt } = gpt2Files(gpt2Json);
  const fromFiles = byteLevelBpeFromVocabMerges(vocabJson, mergesTxt, { model_max_length: 1024 });
  const fromJson = loadHfTokenizer(gpt2Json);

  it('has the same vocab and special ids as the tokenizer.json', () => {
    expect(fromFiles.vocabSize).toBe(fromJson.vocabSize);
    expect(fromFiles.specialIds).toEqual(fromJson.specialIds);
  });

  it('encodes every fixture sentence exactly like the tokenizer.json (ids and offsets)', () => {
    for (const c of gpt2Cases) expect(fromFiles.encode(c.text), JSON.stringify(c.text)).toEqual(fromJson.encode(c.text));
    expect(fromFiles.encode('the<|endoftext|>cat')).toEqual(fromJson.encode('the<|endoftext|>cat'));
  });

  it('encodes random text exactly like the tokenizer.json, offsets intact', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })), (s) => {
        const toks = fromFiles.encode(s);
        expect(toks).toEqual(fromJson.encode(s));
        expect(offsetProblems(s, toks)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('honours add_prefix_space and add_bos_token from tokenizer_config.json', () => {
    const t = byteLevelBpeFromVocabMerges(vocabJson, mergesTxt, { add_prefix_space: true, add_bos_token: true });
    expect(t.encode('the cat').map((x) => [x.text, x.start, x.end])).toEqual([
      ['<|endoftext|>', null, null],
      ['Ġthe', 0, 3],
      ['Ġcat', 3, 7],
    ]);
  });

  it('reads merges.txt with Windows line ends and no #version line', () => {
    const crlf = mergesTxt.split('\n').slice(1).join('\r\n');
    expect(byteLevelBpeFromVocabMerges(vocabJson, crlf).encode('The cat sat')).toEqual(fromJson.encode('The cat sat'));
  });

  it('names the line of a malformed merges.txt and a bad vocab.json', () => {
    expect(() => byteLevelBpeFromVocabMerges(vocabJson, '#version: 0.2\na b c\n')).toThrow(/merges.txt line 2/);
    expect(() => byteLevelBpeFromVocabMerges('["a"]', mergesTxt)).toThrow(/vocab.json/);
  });
});

describe('BERT vocab.txt + tokenizer_config.json', () => {
  const vocabTxt = bertVocabTxt(bertJson);
  const fromJson = loadHfTokenizer(bertJson);

  it('with do_lower_case true (the default) encodes like the uncased tokenizer.json', () => {
    for (const cfg of [{}, { do_lower_case: true, strip_accents: null }]) {
      const t = wordPieceFromVocabTxt(vocabTxt, cfg);
      for (const text of ['The CAT sat.', 'Café NAÏVE unwanted', "Didn't the cat play?"]) {
        expect(t.encode(text)).toEqual(fromJson.encode(text));
      }
    }
  });

  it('with do_lower_case false keeps case and accents, so "The" is unknown to a lowercase vocab', () => {
    const t = wordPieceFromVocabTxt(vocabTxt, { do_lower_case: false });
    expect(t.options).toMatchObject({ lowercase: false, stripAccents: false });
    const toks = t.encode('The cat', { addSpecialTokens: false });
    expect(toks.map((x) => [x.text, x.start, x.end, x.unknown ?? false])).toEqual([
      ['[UNK]', 0, 3, true],
      ['cat', 4, 7, false],
    ]);
    // strip_accents can be asked for without lowercasing.
    expect(wordPieceFromVocabTxt(vocabTxt, { do_lower_case: false, strip_accents: true }).options.stripAccents).toBe(true);
  });

  it('reads special token names (strings or AddedToken objects) and added_tokens_decoder', () => {
    const renamed = vocabTxt.replace('[CLS]\n', '<cls>\n');
    const t = wordPieceFromVocabTxt(renamed, {
      cls_token: { content: '<cls>', __type: 'AddedToken' },
      added_tokens_decoder: { '99': { content: '<new>', special: false } },
    });
    const toks = t.encode('cat <new>');
    expect(toks.map((x) => x.text)).toEqual(['<cls>', 'cat', '<new>', '[SEP]']);
    expect(toks[2]).toMatchObject({ id: 99, start: 4, end: 9 });
  });

  it('turns off CJK splitting with tokenize_chinese_chars false and refuses do_basic_tokenize false', () => {
    expect(wordPieceFromVocabTxt(vocabTxt, { tokenize_chinese_chars: false }).options.handleChineseChars).toBe(false);
    expect(() => wordPieceFromVocabTxt(vocabTxt, { do_basic_tokenize: false })).toThrow(/do_basic_tokenize/);
    expect(() => wordPieceFromVocabTxt(vocabTxt, { do_lower_case: 'yes' })).toThrow(/do_lower_case must be true or false/);
  });
});
