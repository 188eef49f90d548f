/**
 * The two shipped coref models (npm run eval re-measures every number of their cards in
 * test/models/cards.test.ts). Here: each card's verdict is judged against the bar of
 * ../shared/coref/README.md exactly as the card claims it; `coref`'s named head is the one its
 * recipe trained and meets the bar on sentences it never saw and on public.tsv; `coref-mlm`
 * does not; the app is told which; training never sees a judged sentence; every lexicon word
 * is known. Reads ../shared and fails loudly without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, type FileSource } from '../../src/checkpoints/bundle.ts';
import * as world from '../../src/data/coref-world/index.ts';
import { parseCorefTsv } from '../../src/train/eval/coref-cases.ts';
import { threshold } from '../../src/train/eval/coref-metric.ts';
import { batchSentences } from '../../src/train/recipes/coref-batch.ts';
import { corefSettings, corefSetup } from '../../src/train/recipes/coref.ts';
import { repoRoot, sharedPath } from '../helpers/shared.ts';

const shared = (rel: string) => readFileSync(sharedPath(rel), 'utf8');
const filesOf = (id: string): FileSource => {
  const dir = join(repoRoot, 'public/models', id);
  return async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
};
const cardOf = (id: string) => JSON.parse(readFileSync(join(repoRoot, 'public/models', id, 'card.json'), 'utf8'));
const meets = (acc: Record<string, number>) => Object.entries(acc).every(([kind, a]) => a >= threshold(kind));
const KINDS = ['animacy', 'cross', 'fit', 'gender', 'number', 'seed', 'winograd'];

describe.each(['coref', 'coref-mlm'])('shipped %s model', (id) => {
  const card = cardOf(id);
  const c = card.coreference;

  it('claims to meet the bar exactly when its named head does, kind by kind, on both sets', () => {
    expect(Object.keys(c.accuracy).sort()).toEqual(KINDS);
    expect(Object.keys(c.publicAccuracy).sort()).toEqual(KINDS);
    expect(c.meetsBar).toBe(meets(c.accuracy) && meets(c.publicAccuracy));
    expect(card.evaluation.public.meetsBar).toBe(meets(card.evaluation.public.accuracy));
    const [l, h] = c.head;
    expect(card.evaluation.heldOut.everyHead[l][h]).toEqual(c.accuracy);
    expect(card.evaluation.public.everyHead[l][h]).toEqual(c.publicAccuracy);
  });

  it('tells the app whether to present its head as one that links pronouns', async () => {
    const b = await loadBundle(id, filesOf(id));
    expect(b.meta.coreference?.meetsBar).toBe(c.meetsBar);
    if (c.meetsBar) expect(b.meta.coreferenceHead).toEqual(c.head);
    else {
      expect(b.meta.coreferenceHead).toBeUndefined();
      expect(b.meta.bestPronounHead).toEqual(c.head);
    }
  });

  it('knows every word of lexicon.json and marks what it never saw', async () => {
    const b = await loadBundle(id, filesOf(id));
    if (b.kind !== 'text' || !b.tokenizer) throw new Error(`${id}: expected a text model with a tokenizer`);
    const lexicon = JSON.parse(shared('coref/lexicon.json')) as { all_words: string[] };
    expect(lexicon.all_words.filter((w) => b.tokenizer!.encode(w, { addSpecialTokens: false }).some((t) => t.unknown))).toEqual([]);
    const odd = b.tokenizer.encode('The 🦊 zyxq ran.');
    expect(odd.some((t) => t.unknown)).toBe(true);
  });

  it('gives "bank" closer vectors within a sense than across the two senses', () => {
    const bank = card.evaluation.bank as { withinMoney: number; withinRiver: number; across: number };
    expect(bank.across).toBeLessThan(bank.withinMoney);
    expect(bank.across).toBeLessThan(bank.withinRiver);
  });
});

describe('coref against coref-mlm', () => {
  it('coref: the head its recipe trained is the named one, and it meets the bar on unseen sentences and on public.tsv', () => {
    const c = cardOf('coref').coreference;
    const { layer, head } = corefSettings.attentionLoss;
    expect(c.head).toEqual([layer, head]);
    expect(c.how).toBe('attention loss');
    expect(c.cases).toBe(corefSettings.judgePerKind * 7);
    expect(meets(c.accuracy)).toBe(true);
    expect(meets(c.publicAccuracy)).toBe(true);
    expect(c.answers).toBe(true);
  });

  it('coref-mlm: no head links pronouns, and the card says how it was trained', () => {
    const c = cardOf('coref-mlm').coreference;
    expect(c.how).toBe('none');
    expect(c.meetsBar).toBe(false);
    expect(c.unaskedHeads).toEqual([]);
  });

  it("coref's training batches never contain a judged sentence (held-out or public.tsv)", () => {
    const pub = parseCorefTsv(shared('coref/public.tsv')).map((x) => x.sentence);
    const setup = corefSetup(corefSettings, pub);
    const judged = new Set([...setup.judge.map((j) => j.sentence), ...pub]);
    let checked = 0;
    for (let step = 0; step < 60; step++) {
      const { cases, lines } = batchSentences(corefSettings.batch, step, corefSettings.train.seed, setup.exclude);
      for (const s of world.sentencesOf([...cases.map((x) => x.sentence), ...lines])) {
        expect(judged.has(s), s).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1500);
    // The check has teeth: without the exclusions, judged sentences do come up.
    const open = Array.from({ length: 60 }, (_, step) => batchSentences(corefSettings.batch, step, corefSettings.train.seed, new Set()).cases).flat();
    expect(open.some((x) => judged.has(x.sentence))).toBe(true);
  });
});
