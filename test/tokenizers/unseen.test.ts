/** Unseen words: [UNK], or a word split into pieces, flagged the same way everywhere. */
import { describe, expect, it } from 'vitest';
import { describeUnseen, readWords, tokenLabels, type Token } from '../../src/tokenizers/index.ts';

const tok = (text: string, id: number, start: number | null, end: number | null, unknown = false): Token => ({ text, id, start, end, ...(unknown ? { unknown } : {}) });

describe('readWords', () => {
  it('flags a word split into pieces and an unknown token, and nothing else', () => {
    const text = 'The qu 🙂.';
    const tokens = [tok('[CLS]', 1, null, null), tok('the', 5, 0, 3), tok('q', 6, 4, 5), tok('##u', 7, 5, 6), tok('[UNK]', 0, 7, 9, true), tok('.', 8, 9, 10), tok('[SEP]', 2, null, null)];
    const r = readWords(text, tokens, { cls: 1, sep: 2, unk: 0 });
    expect(r.unseen).toEqual([false, false, true, true, true, false, false]);
    expect(r.words).toEqual([
      { text: 'qu', start: 4, end: 6, pieces: 2, unknown: false },
      { text: '🙂', start: 7, end: 9, pieces: 1, unknown: true },
    ]);
    expect(tokenLabels(text, tokens, { cls: 1, sep: 2, unk: 0 })).toEqual(['[CLS]', 'the', 'q?', 'u?', '🙂?', '.', '[SEP]']);
    expect(describeUnseen(r.words)).toBe('“qu” (2 pieces), “🙂” (unknown token)');
  });

  it("keeps BERT's split of didn't whole and a typed [MASK] out of every word", () => {
    const text = "didn't [MASK]";
    const tokens = [tok('didn', 5, 0, 4), tok("'", 6, 4, 5), tok('t', 7, 5, 6), tok('[MASK]', 3, 7, 13)];
    expect(readWords(text, tokens, { mask: 3 }).unseen).toEqual([false, false, false, false]);
  });

  it('reads byte-level tokens with their leading space as one word each', () => {
    const text = 'a cat';
    const tokens = [tok('a', 1, 0, 1), tok('Ġcat', 2, 1, 5)];
    expect(readWords(text, tokens).unseen).toEqual([false, false]);
  });
});
