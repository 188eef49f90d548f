import { describe, expect, it } from 'vitest';
import { describeRow, isSpecialToken, topK } from '../../src/viz/summary.ts';

const tokens = ['[CLS]', 'the', 'animal', 'crossed', 'the', 'street', 'because', 'it', 'was', 'tired', '[SEP]'];
const row = [0.14, 0.01, 0.62, 0.02, 0.01, 0.11, 0.02, 0.03, 0.01, 0.02, 0.01];

describe('summary', () => {
  it('topK ranks largest first, ties by position, with skips', () => {
    expect(topK([0.1, 0.5, 0.5, 0.2], 3)).toEqual([
      { index: 1, value: 0.5 },
      { index: 2, value: 0.5 },
      { index: 3, value: 0.2 },
    ]);
    expect(topK(new Float32Array([3, 1, 2]), 2, (i) => i === 0).map((r) => r.index)).toEqual([2, 1]);
    expect(topK([NaN, 1], 5)).toEqual([{ index: 1, value: 1 }]);
  });

  it('describes a known row', () => {
    expect(describeRow(tokens, row, 7)).toBe("'it' attends most to 'animal' (0.62), then '[CLS]' (0.14).");
    expect(describeRow(tokens, row, 7, { skipSpecial: true })).toBe("'it' attends most to 'animal' (0.62), then 'street' (0.11).");
    expect(describeRow(tokens, new Float32Array(row), 7, { skipSpecial: true, k: 3 })).toBe(
      "'it' attends most to 'animal' (0.62), then 'street' (0.11) and 'it' (0.03).",
    );
    expect(describeRow(tokens, row, 7, { k: 1 })).toBe("'it' attends most to 'animal' (0.62).");
  });

  it('handles masked rows, special-only rows, cross-attention targets and bad lengths', () => {
    expect(describeRow(['a', 'b', 'c'], [1, 0, 0], 0)).toBe("'a' attends most to 'a' (1.00).");
    expect(describeRow(['[CLS]', '[SEP]'], [0.5, 0.5], 0, { skipSpecial: true })).toBe("'[CLS]' attends only to special tokens.");
    expect(describeRow(['le', 'chat'], [0.1, 0.9], 1, { targets: ['the', 'cat'] })).toBe("'chat' attends most to 'cat' (0.90), then 'the' (0.10).");
    expect(() => describeRow(['a', 'b'], [1], 0)).toThrow(/1 weights for 2 tokens/);
  });

  it('recognises special tokens of BERT and GPT', () => {
    for (const t of ['[CLS]', '[SEP]', '[PAD]', '[MASK]', '<s>', '</s>', '<|endoftext|>', '<pad>']) expect(isSpecialToken(t)).toBe(true);
    for (const t of ['it', '[', 'cls', '<', 'a<b>']) expect(isSpecialToken(t)).toBe(false);
  });
});
