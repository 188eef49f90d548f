/**
 * The coreference metric as ../shared/coref/README.md defines it: rows averaged over the
 * pronoun's tokens, columns summed over each candidate's tokens, right when the antecedent
 * gets more; and the choice of the head whose worst kind clears its bar by the most.
 */
import { describe, expect, it } from 'vitest';
import { bestCorefHead, threshold, tokensOf, wordAttention, type HeadReport } from '../../src/train/eval/coref-metric.ts';
import type { Token } from '../../src/tokenizers/index.ts';

const tok = (text: string, start: number | null, end: number | null): Token => ({ text, id: 0, start, end });

describe('coref metric', () => {
  it('maps a character span to the tokens inside it, never to special tokens', () => {
    // "[CLS] the ele ##phant ran [SEP]" over "the elephant ran"
    const tokens = [tok('[CLS]', null, null), tok('the', 0, 3), tok('ele', 4, 7), tok('##phant', 7, 12), tok('ran', 13, 16), tok('[SEP]', null, null)];
    expect(tokensOf(tokens, [4, 12])).toEqual([2, 3]);
    expect(tokensOf(tokens, [0, 3])).toEqual([1]);
    expect(tokensOf(tokens, [17, 20])).toEqual([]);
  });

  it('averages over source tokens and sums over target tokens', () => {
    const T = 3;
    // rows: token 0 -> [0.5, 0.3, 0.2]; token 1 -> [0.1, 0.1, 0.8]
    const w = Float32Array.of(0.5, 0.3, 0.2, 0.1, 0.1, 0.8, 0, 0, 1);
    expect(wordAttention(w, T, [0, 1], [2])).toBeCloseTo((0.2 + 0.8) / 2, 6);
    expect(wordAttention(w, T, [0], [1, 2])).toBeCloseTo(0.5, 6);
  });

  it('picks the head whose worst kind clears its threshold by the most', () => {
    const report: HeadReport = {
      counts: { seed: 4, winograd: 10 },
      accuracy: [
        [{ seed: 1, winograd: 0.7 }, { seed: 0.95, winograd: 0.8 }],
        [{ seed: 0.9, winograd: 1 }, { seed: 0.5, winograd: 0.5 }],
      ],
    };
    expect(threshold('winograd')).toBe(0.75);
    expect(threshold('fit')).toBe(0.9);
    // margins: (0,0) -0.05; (0,1) min(0.05, 0.05) = 0.05; (1,0) min(0, 0.25) = 0
    expect(bestCorefHead(report)).toMatchObject({ layer: 0, head: 1 });
  });
});

describe('public.tsv layout', () => {
  it('reads ../shared/coref/public.tsv: every kind, spans on the right words', async () => {
    const { readFileSync } = await import('node:fs');
    const { sharedPath } = await import('../helpers/shared.ts');
    const { parseCorefTsv } = await import('../../src/train/eval/coref-cases.ts');
    const cases = parseCorefTsv(readFileSync(sharedPath('coref', 'public.tsv'), 'utf8'));
    expect(cases.length).toBe(224);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['seed', 'animacy', 'gender', 'number', 'cross', 'fit', 'winograd']));
    const seed = cases[1];
    expect(seed.sentence.slice(...seed.pronoun)).toBe('it');
    expect(seed.sentence.slice(...seed.antecedent)).toBe('animal');
    expect(seed.sentence.slice(...seed.distractor)).toBe('street');
  });

  it('rejects malformed lines with their line number', async () => {
    const { parseCorefTsv } = await import('../../src/train/eval/coref-cases.ts');
    const header = 'id\tkind\tsentence\tpronoun_start\tpronoun_end\tantecedent_start\tantecedent_end\tdistractor_start\tdistractor_end';
    expect(() => parseCorefTsv(`${header}\n0\tseed\tIt ran.\t0\t2\t0\t2\t5\t99`)).toThrow(/line 2: a span lies outside/);
    expect(() => parseCorefTsv('nope')).toThrow(/header/);
  });
});
