/**
 * Every case of ../shared/coref/public.tsv is a sentence of the coref world: `parseCase`
 * reads it with the world's own lists and finds the same kind, pronoun, antecedent and
 * distractor. The file is only read here, never copied into the generator.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS, parseCase } from '../../src/data/coref-world/index.ts';
import { sharedPath } from '../helpers/shared.ts';

describe('coref world: public.tsv', () => {
  const rows = readFileSync(sharedPath('coref', 'public.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));

  it('has only the kinds the generator makes', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(KINDS));
  });

  it('parses and resolves every case as public.tsv labels it', () => {
    const wrong = rows.filter(([, kind, sentence, ps, pe, as, ae, ds, de]) => {
      const p = parseCase(sentence);
      const want = [kind, [+ps, +pe], [+as, +ae], [+ds, +de]];
      return JSON.stringify(p && [p.kind, p.pronoun, p.antecedent, p.distractor]) !== JSON.stringify(want);
    });
    expect(wrong.map((r) => r[2])).toEqual([]);
  });
});
