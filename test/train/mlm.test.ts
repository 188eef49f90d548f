/**
 * Masked-LM corruption: special tokens are never chosen, every sequence predicts at least
 * one token, the 80/10/10 split holds, boosted ids are chosen more often, and pronoun swaps
 * stay within their group.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/runtime/index.ts';
import { maskTokens, type MaskOptions } from '../../src/train/mlm.ts';

const base: MaskOptions = { maskId: 4, vocabSize: 50, special: new Set([0, 1, 2]), p: 0.15 };

describe('maskTokens', () => {
  it('never chooses special tokens and always predicts something', () => {
    const rng = new Rng(1);
    for (let n = 0; n < 500; n++) {
      const ids = [1, 10, 11, 12, 2, 0, 0];
      const { input, targets } = maskTokens(ids, rng, base);
      expect(targets.filter((t) => t !== -100).length).toBeGreaterThan(0);
      [0, 4, 5, 6].forEach((i) => {
        expect(targets[i]).toBe(-100);
        expect(input[i]).toBe(ids[i]);
      });
    }
  });

  it('masks 80%, replaces 10%, keeps 10% of chosen tokens', () => {
    const rng = new Rng(2);
    let chosen = 0, masked = 0, kept = 0;
    for (let n = 0; n < 4000; n++) {
      const ids = Array.from({ length: 20 }, (_, i) => 10 + i);
      const { input, targets } = maskTokens(ids, rng, base);
      targets.forEach((t, i) => {
        if (t === -100) return;
        chosen++;
        if (input[i] === 4) masked++;
        else if (input[i] === ids[i]) kept++;
      });
    }
    expect(chosen / (4000 * 20)).toBeCloseTo(0.15, 2);
    expect(masked / chosen).toBeCloseTo(0.8, 1);
    // random replacements can land on the original id now and then
    expect(kept / chosen).toBeGreaterThan(0.09);
    expect(kept / chosen).toBeLessThan(0.13);
  });

  it('chooses boosted ids at their own rate and swaps pronouns within their group', () => {
    const rng = new Rng(3);
    const o: MaskOptions = { ...base, boost: new Map([[20, 0.6]]), swapGroups: new Map([[20, [20, 21, 22]]]), swap: 0.5 };
    let chosen = 0, swapped = 0;
    for (let n = 0; n < 4000; n++) {
      const { input, targets } = maskTokens([10, 20, 11], rng, o);
      if (targets[1] === 20) {
        chosen++;
        if (input[1] === 21 || input[1] === 22) swapped++;
        expect([4, 20, 21, 22].includes(input[1]) || input[1] >= 3).toBe(true);
      }
    }
    expect(chosen / 4000).toBeGreaterThan(0.57);
    expect(swapped / chosen).toBeGreaterThan(0.45);
  });
});
