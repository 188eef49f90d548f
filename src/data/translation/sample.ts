/**
 * Random sentence specs: the grammar's choices (template, words, determiners, negation) drawn
 * from a seeded Rng, within the lexicon's semantic tags. Complexity gates the constructions:
 *
 * 1. "SUBJ VERB OBJ" and "SUBJ is ADJ", at most one adjective: the red car -> la voiture
 *    rouge, and bare generic objects (i love deep learning -> j'aime l'apprentissage profond).
 * 2. adds a trailing prepositional phrase, "SUBJ is PREP NP", negation (ne ... pas), object
 *    pronouns (je t'aime), partitives (je bois du lait) and two adjectives (la grande voiture
 *    rouge): besides adjectives, object pronouns and "not" now move too.
 * 3. adds "and": two subjects, two objects, two predicate adjectives or two clauses.
 */
import type { Rng } from '../../runtime/index.ts';
import {
  ADJECTIVES, ADJ_BY_EN, NOUNS, NOUN_BY_EN, PREPOSITIONS, PRONOUNS, VERBS, fitsAny,
  type Adjective, type Det, type Noun, type PrepKey, type PronounKey, type Tag, type Verb,
} from './lexicon.ts';
import type { Clause, NounPhrase, SentenceSpec } from './render.ts';

export type Complexity = 1 | 2 | 3;

/** How often each choice is taken; the comments say which complexity unlocks it. */
const P = {
  copula: 0.3, // "X is ..." rather than a verb with an object
  copulaPp: 0.35, // (2+) of copulas: "is in the garden" rather than "is big"
  pronounSubject: 0.35,
  negated: 0.2, // (2+)
  cliticObject: 0.25, // (2+) an object pronoun, when the verb takes one
  bareObject: 0.5, // a bare object, when the verb and noun allow one (partitive: 2+)
  pp: 0.3, // (2+) a trailing "in the kitchen"
  oneAdj: 0.35,
  twoAdjs: 0.15, // (2+) a before-noun adjective and a colour
  andSubject: 0.12, // (3)
  andObject: 0.15, // (3) only bare generic objects: "i love music and art"
  andAdjs: 0.25, // (3) "is big and red"
  andClauses: 0.15, // (3)
};

const DET_WEIGHTS: ReadonlyArray<readonly [Exclude<Det, 'bare'>, number]> = [
  ['the', 8], ['a', 4], ['my', 1.2], ['your', 0.8], ['his', 0.5], ['her', 0.5], ['our', 0.5],
  ['their', 0.5], ['this', 2], ['two', 0.8], ['three', 0.6],
];
const DET_TOTAL = DET_WEIGHTS.reduce((s, [, w]) => s + w, 0);

const PRONOUN_KEYS = Object.keys(PRONOUNS) as PronounKey[];
const PREP_KEYS = Object.keys(PREPOSITIONS) as PrepKey[];
const COPULA_SUBJECT: readonly Tag[] = ['person', 'animal', 'thing', 'vehicle', 'plant', 'place', 'food', 'drink'];
const LOCATED_SUBJECT: readonly Tag[] = ['person', 'animal', 'thing', 'vehicle', 'food', 'drink'];

const nounCache = new Map<string, readonly Noun[]>();
/** Nouns with any of the wanted tags, cached because the same few lists are asked for often. */
function nounsFor(want: readonly Tag[]): readonly Noun[] {
  const key = want.join(' ');
  let list = nounCache.get(key);
  if (!list) nounCache.set(key, (list = NOUNS.filter((x) => fitsAny(x.tags, want))));
  return list;
}

function pickNoun(rng: Rng, want: readonly Tag[], used: Set<Noun>): Noun {
  const list = nounsFor(want);
  // "the cat sees the cat" reads as an error, so a clause uses a noun once where it can.
  let noun = rng.pick(list);
  for (let t = 0; t < 16 && used.has(noun); t++) noun = rng.pick(list);
  used.add(noun);
  return noun;
}

function sampleDet(rng: Rng, noun: Noun, allowA: boolean): { det: Det; plural: boolean } {
  const mass = noun.enPl === null;
  for (;;) {
    let r = rng.next() * DET_TOTAL;
    let det: Exclude<Det, 'bare'> = 'the';
    for (const [d, w] of DET_WEIGHTS) if ((r -= w) < 0) { det = d; break; }
    if ((mass || !allowA) && det === 'a') continue;
    if (mass && (det === 'two' || det === 'three')) continue;
    const plural = det === 'two' || det === 'three' || (!mass && det !== 'a' && rng.next() < 0.3);
    return { det, plural };
  }
}

const adjCache = new Map<Noun, readonly Adjective[]>();
function adjsFor(noun: Noun): readonly Adjective[] {
  let list = adjCache.get(noun);
  if (!list) adjCache.set(noun, (list = ADJECTIVES.filter((x) => fitsAny(noun.tags, x.fits))));
  return list;
}

/** None, one, or (complexity 2+) a before-noun adjective plus a colour: "the big red car". */
function sampleAdjs(rng: Rng, noun: Noun, c: Complexity): string[] {
  const fitting = adjsFor(noun);
  const r = rng.next();
  if (c >= 2 && r < P.twoAdjs) {
    const pre = fitting.filter((x) => x.pos === 'pre');
    const colour = fitting.filter((x) => x.pos === 'colour');
    if (pre.length > 0 && colour.length > 0) return [rng.pick(pre).en, rng.pick(colour).en];
  }
  return r < P.twoAdjs + P.oneAdj && fitting.length > 0 ? [rng.pick(fitting).en] : [];
}

/** A noun phrase with a determiner (never bare): subjects, places, and most objects. */
function fullNp(rng: Rng, want: readonly Tag[], used: Set<Noun>, c: Complexity, allowA = true): NounPhrase & { noun: string } {
  const noun = pickNoun(rng, want, used);
  return { noun: noun.en, ...sampleDet(rng, noun, allowA), adjs: sampleAdjs(rng, noun, c) };
}

// allowA: false for "X is ADJ", since "a city is small" reads as an odd generic claim.
function sampleSubject(rng: Rng, want: readonly Tag[], used: Set<Noun>, c: Complexity, allowA = true): NounPhrase {
  if (want.includes('person') && rng.next() < P.pronounSubject) return { pronoun: rng.pick(PRONOUN_KEYS) };
  if (c === 3 && rng.next() < P.andSubject) return { and: [fullNp(rng, want, used, c, allowA), fullNp(rng, want, used, c, allowA)] };
  return fullNp(rng, want, used, c, allowA);
}

/** A bare object: generic ("cats", "music") or partitive ("milk"); idea nouns are always bare. */
function bareNp(rng: Rng, noun: Noun, c: Complexity): NounPhrase {
  return { noun: noun.en, det: 'bare', plural: noun.enPl !== null, adjs: sampleAdjs(rng, noun, c) };
}

function sampleObject(rng: Rng, verb: Verb, subject: NounPhrase, used: Set<Noun>, c: Complexity, negated: boolean): NounPhrase {
  if (verb.clitic && c >= 2 && rng.next() < P.cliticObject) {
    // "i see me" would be the reflexive "je me vois", a different construction: leave it out.
    const self = 'pronoun' in subject ? subject.pronoun : null;
    return { pronoun: rng.pick(PRONOUN_KEYS.filter((k) => k !== self)) };
  }
  const noun = pickNoun(rng, verb.object, used);
  const mass = noun.enPl === null;
  const bare =
    noun.tags.includes('idea') ||
    (verb.bare === 'generic' && rng.next() < P.bareObject) ||
    (verb.bare === 'partitive' && mass && c >= 2 && rng.next() < P.bareObject);
  if (!bare) return { noun: noun.en, ...sampleDet(rng, noun, true), adjs: sampleAdjs(rng, noun, c) };
  const np = bareNp(rng, noun, c);
  // Negated "and" would need ni ... ni, so coordination stays in positive generic objects.
  if (c === 3 && verb.bare === 'generic' && !negated && rng.next() < P.andObject) {
    const second = pickNoun(rng, verb.object, used);
    return { and: [np, bareNp(rng, second, c)] };
  }
  return np;
}

function samplePp(rng: Rng, used: Set<Noun>, c: Complexity): { prep: PrepKey; np: NounPhrase } {
  const prep = rng.pick(PREP_KEYS);
  return { prep, np: fullNp(rng, PREPOSITIONS[prep].fits, used, c) };
}

/** Predicate adjectives that fit every noun of the subject (a pronoun counts as a person). */
function predicateAdjs(subject: NounPhrase): Adjective[] {
  const heads = 'pronoun' in subject ? [] : 'and' in subject ? subject.and : [subject];
  const inNp = new Set(heads.flatMap((h) => ('adjs' in h ? h.adjs ?? [] : [])).map((w) => ADJ_BY_EN.get(w)!.scale));
  return ADJECTIVES.filter((a) => {
    if (!a.predicative || inNp.has(a.scale)) return false; // not "the big car is small"
    if ('pronoun' in subject) return fitsAny(['person', 'adult'], a.fits);
    return heads.every((h) => 'noun' in h && fitsAny(NOUN_BY_EN.get(h.noun)!.tags, a.fits));
  });
}

function sampleCopula(rng: Rng, c: Complexity): Clause {
  const negated = c >= 2 && rng.next() < P.negated;
  const used = new Set<Noun>();
  if (c >= 2 && rng.next() < P.copulaPp) {
    const subject = sampleSubject(rng, LOCATED_SUBJECT, used, c);
    return { subject, verb: 'be', negated, pp: samplePp(rng, used, c) };
  }
  for (;;) {
    const subject = sampleSubject(rng, COPULA_SUBJECT, new Set(), c, false);
    const adjs = predicateAdjs(subject);
    if (adjs.length === 0) continue;
    const first = rng.pick(adjs);
    const colours = adjs.filter((a) => a.pos === 'colour' && first.pos !== 'colour');
    const both = c === 3 && colours.length > 0 && rng.next() < P.andAdjs;
    return { subject, verb: 'be', negated, adjs: both ? [first.en, rng.pick(colours).en] : [first.en] };
  }
}

function sampleClause(rng: Rng, c: Complexity): Clause {
  if (rng.next() < P.copula) return sampleCopula(rng, c);
  const verb = rng.pick(VERBS);
  const used = new Set<Noun>();
  const subject = sampleSubject(rng, verb.subject, used, c);
  const negated = c >= 2 && rng.next() < P.negated;
  const object = sampleObject(rng, verb, subject, used, c, negated);
  const clause: Clause = { subject, verb: verb.en[0], negated, object };
  if (c >= 2 && rng.next() < P.pp) clause.pp = samplePp(rng, used, c);
  return clause;
}

/** One random sentence spec at the given complexity (its length is checked by the caller). */
export function sampleSpec(rng: Rng, c: Complexity): SentenceSpec {
  if (c === 3 && rng.next() < P.andClauses) return { clauses: [sampleClause(rng, c), sampleClause(rng, c)] };
  return { clauses: [sampleClause(rng, c)] };
}
