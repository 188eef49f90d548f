/**
 * The shipped coref model: its card's every number is re-measured from the committed files
 * (as `npm run eval -- coref` does), the coreference verdict is judged against the bar of
 * ../shared/coref/README.md exactly as the card claims it, every lexicon word is known, and
 * "bank" sits closer within a sense than across senses. Reads ../shared and fails loudly
 * without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, type FileSource } from '../../src/checkpoints/bundle.ts';
import { threshold } from '../../src/train/eval/coref-metric.ts';
import { corefRecipe } from '../../src/train/recipes/coref-recipe.ts';
import { repoRoot, sharedPath } from '../helpers/shared.ts';

const dir = join(repoRoot, 'public/models/coref');
const files: FileSource = async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
const shared = (rel: string) => readFileSync(sharedPath(rel), 'utf8');
const card = JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8'));

describe('shipped coref model', () => {
  it('reproduces every number on its card', async () => {
    const evaluation = JSON.parse(JSON.stringify(await corefRecipe.evaluateShipped(files, shared)));
    expect(evaluation.public.everyHead).toEqual(card.evaluation.public.everyHead);
    expect(evaluation.public.accuracy).toEqual(card.evaluation.public.accuracy);
    expect(evaluation.seeds).toEqual(card.evaluation.seeds);
    expect(evaluation.bank).toEqual(card.evaluation.bank);
    expect(evaluation.heads).toEqual(card.evaluation.heads);
    expect(evaluation.coreferenceHead).toEqual(card.coreferenceHead);
  }, 120_000);

  it('claims to meet the coreference bar only if its head does, kind by kind', () => {
    const acc = card.evaluation.public.accuracy as Record<string, number>;
    const meets = Object.entries(acc).every(([kind, a]) => a >= threshold(kind));
    expect(card.evaluation.public.meetsBar).toBe(meets);
    expect(Object.keys(acc).sort()).toEqual(['animacy', 'cross', 'fit', 'gender', 'number', 'seed', 'winograd']);
  });

  it('tells the app not to present a head below the bar as a coreference head', async () => {
    const b = await loadBundle('coref', files);
    if (card.evaluation.public.meetsBar) {
      expect(b.meta.coreferenceHead).toEqual(card.coreferenceHead);
    } else {
      expect(b.meta.coreferenceHead).toBeUndefined();
      expect(b.meta.bestPronounHead).toEqual(card.coreferenceHead);
    }
    expect(b.meta.heads?.map((h) => h.role)).toEqual(card.heads.map((h: { role: string }) => h.role));
  });

  it('knows every word of lexicon.json and marks what it never saw', async () => {
    const b = await loadBundle('coref', files);
    if (b.kind !== 'text' || !b.tokenizer) throw new Error('coref: expected a text model with a tokenizer');
    const lexicon = JSON.parse(shared('coref/lexicon.json')) as { all_words: string[] };
    const unknown = lexicon.all_words.filter((w) => b.tokenizer!.encode(w, { addSpecialTokens: false }).some((t) => t.unknown));
    expect(unknown).toEqual([]);
    const odd = b.tokenizer.encode('The 🦊 zyxq ran.');
    expect(odd.some((t) => t.unknown)).toBe(true);
    expect(odd.filter((t) => !t.unknown).map((t) => t.text)).toContain('ran');
  });

  it('gives "bank" closer vectors within a sense than across the two senses', () => {
    const bank = card.evaluation.bank as { withinMoney: number; withinRiver: number; across: number };
    expect(bank.across).toBeLessThan(bank.withinMoney);
    expect(bank.across).toBeLessThan(bank.withinRiver);
  });
});
