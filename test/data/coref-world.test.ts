/**
 * The coref world's generator: deterministic, every kind and template produced, every
 * labelled case pointing at the right words with an antecedent the world's own lists allow
 * and a distractor they rule out, antecedent order balanced, held-out sets kept apart.
 */
import { describe, expect, it } from 'vitest';
import {
  CORPUS_TEMPLATES, KINDS, formFits, generateBankSenses, generateCorpus, generateCorpusLines,
  generateDummyIt, generateLabelled, labelledTsv, parseCase, referents, sentencesOf, type CorefExample,
  type Kind,
} from '../../src/data/coref-world/index.ts';
import * as lex from '../../src/data/coref-world/lexicon.ts';
import { surface } from '../../src/data/coref-world/world.ts';

const text = (s: string, span: [number, number]): string => s.slice(span[0], span[1]);
const has = (list: readonly string[] | Record<string, unknown>, w: string): boolean =>
  Array.isArray(list) ? list.includes(w) : Object.hasOwn(list, w);

const labelled = generateLabelled(11, 7 * 300);
const corpus = generateCorpusLines(5, 20_000);

/**
 * Checks a case against the lexicon's lists directly (not through `referents`): the
 * antecedent is what the predicate (or, for gender and number, the pronoun) allows and the
 * distractor is not.
 */
function checkFromLists(e: CorefExample): void {
  const f = e.frame;
  const ante = f[f.antecedent].noun.word;
  const dis = f[f.antecedent === 'subject' ? 'object' : 'subject'].noun.word;
  const p = f.predicate;
  const animalFirst = f.antecedent === 'subject';
  const kind: Kind = e.kind;
  if (f.relation === 'cross') {
    const place = animalFirst ? dis : ante;
    expect(has(lex.ANIMALS, animalFirst ? ante : dis)).toBe(true);
    if (animalFirst) expect(has(lex.CROSS_REASONS, p) && !has(lex.PLACES[place], p)).toBe(true);
    else expect(has(lex.PLACES[place], p) && !has(lex.ANIMATE_PREDICATES, p)).toBe(true);
  } else if (f.relation === 'scene') {
    const thing = animalFirst ? dis : ante;
    if (animalFirst) expect(has(lex.ANIMATE_PREDICATES, p) && !has(lex.SCENE_OBJECTS[thing], p)).toBe(true);
    else expect(has(lex.SCENE_OBJECTS[thing], p) && !has(lex.ANIMATE_PREDICATES, p)).toBe(true);
  } else if (f.relation === 'fit') {
    expect(has(lex.FIT_ITEMS, f.subject.noun.word) && has(lex.FIT_CONTAINERS, f.object.noun.word)).toBe(true);
    expect(has(animalFirst ? lex.FIT_BIG : lex.FIT_SMALL, p)).toBe(true);
  } else if (f.relation === 'lift') {
    expect(lex.LIFT_PAIRS.some(([a, b, pr]) => a === f.subject.noun.word && b === f.object.noun.word && pr === f.pronoun)).toBe(true);
    expect(has(animalFirst ? lex.LIFT_WEAK : lex.LIFT_HEAVY, p)).toBe(true);
  } else if (kind === 'winograd') {
    const entry = lex.WINOGRAD_VERBS.find(([v]) => v === f.verb);
    expect(entry?.[animalFirst ? 1 : 2]).toBe(p);
    expect(formFits(f.pronoun, f.subject) && formFits(f.pronoun, f.object)).toBe(true);
  } else if (kind === 'gender') {
    const male = [...lex.MALE_NAMES, ...Object.keys(lex.MALE_NOUNS)];
    const female = [...lex.FEMALE_NAMES, ...Object.keys(lex.FEMALE_NOUNS)];
    const [same, other] = f.pronoun === 'he' ? [male, female] : [female, male];
    expect(same.includes(ante) && other.includes(dis)).toBe(true);
    expect(has(lex.HUMAN_PREDICATES, p)).toBe(true);
  } else {
    expect(kind).toBe('number');
    expect(f[f.antecedent].plural).toBe(f.pronoun === 'they');
    expect(f.subject.plural).not.toBe(f.object.plural);
  }
}

describe('coref world: labelled cases', () => {
  it('is a pure function of the seed', () => {
    expect(generateLabelled(11, 50)).toEqual(labelled.slice(0, 50));
    expect(generateLabelled(12, 50).map((e) => e.sentence)).not.toEqual(labelled.slice(0, 50).map((e) => e.sentence));
  });

  it('produces every kind of public.tsv, in turn, with no sentence twice', () => {
    expect(new Set(labelled.map((e) => e.kind))).toEqual(new Set(KINDS));
    expect(new Set(labelled.map((e) => e.sentence)).size).toBe(labelled.length);
    expect(generateLabelled(3, 20, { kinds: ['fit'] }).every((e) => e.kind === 'fit')).toBe(true);
  });

  it('points its spans at the pronoun, the antecedent and the distractor', () => {
    for (const e of labelled) {
      const f = e.frame;
      const other = f.antecedent === 'subject' ? 'object' : 'subject';
      expect(text(e.sentence, e.pronoun)).toBe(f.pronoun);
      expect(text(e.sentence, e.antecedent)).toBe(surface(f[f.antecedent]));
      expect(text(e.sentence, e.distractor)).toBe(surface(f[other]));
      expect(e.antecedent[0] < e.distractor[0]).toBe(f.antecedent === 'subject');
      expect(e.pronoun[0]).toBeGreaterThan(Math.max(e.antecedent[1], e.distractor[1]));
    }
  });

  it('gives every pronoun exactly one referent, the antecedent, by the world lists', () => {
    for (const e of labelled) {
      expect(referents(e.frame)).toEqual([e.frame.antecedent]);
      checkFromLists(e);
    }
  });

  it('reads back: parsing each sentence finds the same kind and antecedent', () => {
    for (const e of labelled) {
      const p = parseCase(e.sentence);
      expect(p, e.sentence).not.toBeNull();
      expect([p?.kind, p?.antecedent, p?.distractor, p?.pronoun]).toEqual([e.kind, e.antecedent, e.distractor, e.pronoun]);
    }
  });

  it('puts the antecedent first in exactly half of each kind', () => {
    for (const kind of KINDS) {
      const of = labelled.filter((e) => e.kind === kind);
      expect(of.filter((e) => e.frame.antecedent === 'subject').length).toBe(of.length / 2);
    }
  });

  it('uses the judge set variations', () => {
    const all = labelled.map((e) => e.sentence).join('\n');
    for (const w of [' since ', ' as ', ' seemed ', ' looked ', ' very ', ' really ', ' so ', ' did not ', " doesn't ", " couldn't ", ' yesterday', ' in the morning', ' in the park', ' in the garden']) {
      expect(all, w).toContain(w);
    }
  });

  it('keeps a held-out set apart from a training corpus, follow-ups included', () => {
    const train = sentencesOf(corpus.map((l) => l.text));
    const clash = generateLabelled(2, 1400).filter((e) => train.has(e.sentence));
    expect(clash.length).toBeGreaterThan(0); // without `exclude`, some cases are shared
    const judge = generateLabelled(2, 1400, { exclude: train });
    expect(judge.filter((e) => train.has(e.sentence))).toEqual([]);
  });

  it('writes cases as public.tsv rows', () => {
    const [head, first] = labelledTsv(labelled.slice(0, 1)).split('\n');
    expect(head.split('\t')).toHaveLength(9);
    const cols = first.split('\t');
    expect(cols[2]).toBe(labelled[0].sentence);
    expect(text(cols[2], [+cols[5], +cols[6]])).toBe(text(labelled[0].sentence, labelled[0].antecedent));
  });
});

describe('coref world: corpus', () => {
  it('is a pure function of the seed', () => {
    expect(generateCorpus(5, 300)).toEqual(corpus.slice(0, 300).map((l) => l.text));
    expect(generateCorpus(6, 300)).not.toEqual(generateCorpus(5, 300));
  });

  it('uses every template and every kind', () => {
    expect(new Set(corpus.map((l) => l.template))).toEqual(new Set(CORPUS_TEMPLATES));
    expect(new Set(corpus.map((l) => l.kind).filter((k) => k !== null))).toEqual(new Set(KINDS));
  });

  it('states every case resolvably, the antecedent first about half the time', () => {
    const cases = corpus.filter((l) => l.template === 'case' || l.template === 'case+restate' || l.template === 'case+question');
    const parsed = cases.map((l) => parseCase(l.text.slice(0, l.text.indexOf('.') + 1)));
    expect(parsed.filter((p) => p === null)).toEqual([]);
    const first = parsed.filter((p) => p && p.antecedent[0] < p.distractor[0]).length / parsed.length;
    expect(first).toBeGreaterThan(0.46);
    expect(first).toBeLessThan(0.54);
    // About half the cases pair candidates of different pronouns, so a masked pronoun needs its antecedent.
    const contrast = parsed.filter((p) => p && !formFits(p.frame.pronoun, p.frame[p.frame.antecedent === 'subject' ? 'object' : 'subject'])).length;
    expect(contrast / parsed.length).toBeGreaterThan(0.4);
  });

  it('never emits an excluded case, even with a follow-up', () => {
    const judge = new Set(generateLabelled(9, 700, { kinds: ['seed'] }).map((e) => e.sentence));
    const lines = generateCorpus(5, 5000, { exclude: judge, mix: { case: 1, 'case+restate': 1 }, kinds: { seed: 1, animacy: 0, gender: 0, number: 0, cross: 0, fit: 0, winograd: 0 }, contrast: 0 });
    expect(lines.filter((l) => judge.has(l) || judge.has(l.slice(0, l.indexOf('.') + 1)))).toEqual([]);
    const unfiltered = generateCorpus(5, 5000, { mix: { case: 1, 'case+restate': 1 }, kinds: { seed: 1, animacy: 0, gender: 0, number: 0, cross: 0, fit: 0, winograd: 0 }, contrast: 0 });
    expect(unfiltered.some((l) => judge.has(l.slice(0, l.indexOf('.') + 1)))).toBe(true);
  });

  it('gives "bank" both senses and keeps the weather "it" unlabelled', () => {
    const banks = generateBankSenses(4, 400);
    for (const b of banks) {
      expect(text(b.sentence, b.bank)).toBe('bank');
      expect(/\briver\b/.test(b.sentence)).toBe(b.sense === 'river');
    }
    for (const d of generateDummyIt(4, 200)) {
      expect(text(d.sentence, d.pronoun)).toBe('it');
      expect(d.nearest[1]).toBeLessThan(d.pronoun[0]);
      expect(parseCase(d.sentence)).toBeNull();
    }
  });
});
