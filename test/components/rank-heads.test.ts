/**
 * Ranking heads for one word: words group their tokens by character offsets, attention from
 * a word is the mean of its rows and to a word the sum of its columns, and the most decisive
 * head comes first.
 */
import { describe, expect, it } from 'vitest';
import { isCandidate, rankHeads, wordsOf } from '../../src/components/explorer/rank-heads.ts';
import type { AttentionResult } from '../../src/store/index.ts';

/** "it saw ham": tokens [CLS] it saw h ##am [SEP]; 1 layer, 2 heads. */
function fixture(): AttentionResult {
  const text = 'it saw ham';
  const tokens = [
    { text: '[CLS]', start: null, end: null, unknown: false, unseen: false, special: true },
    { text: 'it', start: 0, end: 2, unknown: false, unseen: false, special: false },
    { text: 'saw', start: 3, end: 6, unknown: false, unseen: false, special: false },
    { text: 'h', start: 7, end: 8, unknown: false, unseen: false, special: false },
    { text: '##am', start: 8, end: 10, unknown: false, unseen: false, special: false },
    { text: '[SEP]', start: null, end: null, unknown: false, unseen: false, special: true },
  ];
  const T = tokens.length;
  const attention = new Float32Array(2 * T * T);
  // head 0: "it" looks at "saw" (0.6) and at "h" + "##am" (0.1 + 0.1)
  attention[1 * T + 2] = 0.6;
  attention[1 * T + 3] = 0.1;
  attention[1 * T + 4] = 0.1;
  // head 1: "it" looks at "ham" (0.5 + 0.4), "saw" 0.05
  attention[T * T + 1 * T + 3] = 0.5;
  attention[T * T + 1 * T + 4] = 0.4;
  attention[T * T + 1 * T + 2] = 0.05;
  return { modelId: 'x', text, tokens, nLayers: 1, nHeads: 2, causal: false, attention, unseenWords: [], predictions: [], maskable: false, ms: 0 };
}

describe('rankHeads', () => {
  it('groups word pieces into words and ranks heads by how decisively they pick', () => {
    const r = fixture();
    const words = wordsOf(r);
    expect(words.map((w) => [w.text, w.tokens])).toEqual([['it', [1]], ['saw', [2]], ['ham', [3, 4]]]);
    expect(isCandidate(words[0])).toBe(false); // a pronoun is not a candidate
    const ranking = rankHeads(r, words[0], [words[1], words[2]]);
    expect(ranking[0]).toMatchObject({ layer: 0, head: 1, best: 1 });
    expect(ranking[0].toCandidates[1]).toBeCloseTo(0.9, 5);
    expect(ranking[0].margin).toBeCloseTo(0.85, 5);
    expect(ranking[1]).toMatchObject({ head: 0, best: 0 });
    expect(ranking[1].margin).toBeCloseTo(0.4, 5);
  });
});
