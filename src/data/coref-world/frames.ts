/**
 * Samplers of sentence frames, one per kind of coreference case. A frame fixes the two
 * candidates, the relation between them, the pronoun and the predicate; `settle` keeps only
 * predicates that leave the pronoun exactly one referent (the requested antecedent), so
 * nothing ambiguous is ever produced.
 *
 * `contrast` asks for candidates whose pronouns differ ("The man didn't cross the street
 * because he was too tired" / "... because it was too wide"): the training corpus uses these
 * so that predicting a masked pronoun needs the candidate the predicate selects.
 */
import type { Rng } from '../../runtime/index.ts';
import {
  ANIMALS, ANIMATE_PREDICATES, CROSS_REASONS, FEMALE_NAMES, FEMALE_NOUNS, FIT_BIG, FIT_CONTAINERS,
  FIT_ITEMS, FIT_SMALL, HEAVY_OBJECTS, HUMAN_PREDICATES, HUMAN_VERBS, LIFT_HEAVY, LIFT_PAIRS,
  LIFT_WEAK, LIFTABLE_KIN, LIFTERS, MALE_NAMES, MALE_NOUNS, PAIR_VERBS, PEOPLE, PLACES,
  SCENE_OBJECTS, SCENE_VERBS, WINOGRAD_VERBS,
} from './lexicon.ts';
import { formFits, mention, pronounsOf, referents, type Frame, type Mention, type Role } from './world.ts';

/** The kinds of ../shared/coref/public.tsv, in its order. */
export const KINDS = ['seed', 'animacy', 'gender', 'number', 'cross', 'fit', 'winograd'] as const;
export type Kind = (typeof KINDS)[number];

export interface FrameRequest {
  antecedent: Role; // which candidate the pronoun must mean
  contrast: boolean; // candidates with different pronouns, where the kind allows it
}

type Draft = Omit<Frame, 'pronoun' | 'predicate'>;

/**
 * Completes a draft: the antecedent's pronoun and a predicate from `pool` (the one chosen
 * for the antecedent's role) under which the pronoun has that antecedent and no other.
 */
function settle(rng: Rng, d: Draft, pool: readonly string[]): Frame | null {
  const frame: Frame = { ...d, pronoun: rng.pick(pronounsOf(d[d.antecedent])), predicate: '' };
  const fits = pool.filter((predicate) => {
    frame.predicate = predicate;
    const r = referents(frame);
    return r.length === 1 && r[0] === d.antecedent;
  });
  if (fits.length === 0) return null;
  frame.predicate = rng.pick(fits);
  return frame;
}

const FEMALE_WORDS = Object.keys(FEMALE_NOUNS);
const MALE_WORDS = Object.keys(MALE_NOUNS);
const PEOPLE_WORDS = Object.keys(PEOPLE);
const ANIMAL_WORDS = Object.keys(ANIMALS);
const ITEM_WORDS = Object.keys(FIT_ITEMS);
const SCENE_WORDS = Object.keys(SCENE_OBJECTS);
const PLACE_WORDS = Object.keys(PLACES);
const PLURAL_PEOPLE = [...PEOPLE_WORDS, ...FEMALE_WORDS, ...MALE_WORDS].filter((w) => mention(w).noun.plural);

/** A name or a gendered noun of one gender. */
function gendered(rng: Rng, female: boolean, names: boolean): Mention {
  if (names) return mention(rng.pick(female ? FEMALE_NAMES : MALE_NAMES));
  return mention(rng.pick(female ? FEMALE_WORDS : MALE_WORDS));
}

/** Any person: a name, a gendered or open noun, singular or (sometimes) plural. */
function person(rng: Rng): Mention {
  const r = rng.next();
  if (r < 0.35) return gendered(rng, rng.next() < 0.5, true);
  if (r < 0.6) return gendered(rng, rng.next() < 0.5, false);
  if (r < 0.8) return mention(rng.pick(PEOPLE_WORDS));
  return mention(rng.pick(PLURAL_PEOPLE), true);
}

/** A living thing whose pronoun is not "it": a person, or animals in the plural. */
function notIt(rng: Rng): Mention {
  return rng.next() < 0.7 ? person(rng) : animal(rng, true);
}

const ANIMAL_PLURALS = ANIMAL_WORDS.filter((w) => ANIMALS[w] !== null);

/** An animal, singular or (from those with a plural of their own) plural. */
export function animal(rng: Rng, plural = false): Mention {
  return mention(rng.pick(plural ? ANIMAL_PLURALS : ANIMAL_WORDS), plural);
}

/** Draws until a mention no pronoun of `other` can name (and not the same noun). */
function distinctForms(draw: () => Mention, other: Mention): Mention {
  for (;;) {
    const m = draw();
    if (!pronounsOf(m).some((p) => formFits(p, other)) && m.noun !== other.noun) return m;
  }
}

/** Draws until a mention of a noun other than `other`'s. */
function differentNoun(draw: () => Mention, other: Mention): Mention {
  for (;;) {
    const m = draw();
    if (m.noun !== other.noun) return m;
  }
}

function seed(rng: Rng, q: FrameRequest): Frame | null {
  const cat = rng.next() < 0.5;
  const d: Draft = cat
    ? { relation: 'scene', verb: 'sat on', subject: mention('cat'), object: mention('mat'), objectDet: 'the', antecedent: q.antecedent }
    : { relation: 'cross', verb: '', subject: mention('animal'), object: mention('street'), objectDet: 'the', antecedent: q.antecedent };
  const own = cat ? ANIMATE_PREDICATES : CROSS_REASONS;
  return settle(rng, d, q.antecedent === 'subject' ? own : d.object.noun.traits);
}

function animacy(rng: Rng, q: FrameRequest): Frame | null {
  const subject = q.contrast ? notIt(rng) : animal(rng);
  const object = mention(rng.pick(SCENE_WORDS));
  const d: Draft = { relation: 'scene', verb: rng.pick(SCENE_VERBS), subject, object, objectDet: 'the', antecedent: q.antecedent };
  return settle(rng, d, q.antecedent === 'subject' ? ANIMATE_PREDICATES : object.noun.traits);
}

function cross(rng: Rng, q: FrameRequest): Frame | null {
  const subject = q.contrast ? notIt(rng) : animal(rng);
  const object = mention(rng.pick(PLACE_WORDS));
  const d: Draft = { relation: 'cross', verb: '', subject, object, objectDet: 'the', antecedent: q.antecedent };
  return settle(rng, d, q.antecedent === 'subject' ? CROSS_REASONS : object.noun.traits);
}

function fit(rng: Rng, q: FrameRequest): Frame | null {
  const subject = mention(rng.pick(ITEM_WORDS), q.contrast);
  const object = mention(rng.pick(FIT_CONTAINERS));
  const d: Draft = { relation: 'fit', verb: '', subject, object, objectDet: 'the', antecedent: q.antecedent };
  return settle(rng, d, q.antecedent === 'subject' ? FIT_BIG : FIT_SMALL);
}

/** Two people of different gender; the pronoun alone decides. */
function gender(rng: Rng, q: FrameRequest): Frame | null {
  const female = rng.next() < 0.5;
  const names = rng.next() < 0.5;
  // The training corpus also mixes a name with a noun ("Mary thanked the king").
  const mixed = q.contrast && rng.next() < 0.3;
  const subject = gendered(rng, female, names);
  const object = gendered(rng, !female, mixed ? !names : names);
  const d: Draft = { relation: 'social', verb: rng.pick(HUMAN_VERBS), subject, object, objectDet: 'the', antecedent: q.antecedent };
  return settle(rng, d, HUMAN_PREDICATES);
}

/** One candidate singular and one plural: "it"/"they" or "he"/"they". */
function number(rng: Rng, q: FrameRequest): Frame | null {
  const pluralFirst = rng.next() < 0.5;
  if (rng.next() < 0.6) {
    const one = animal(rng);
    const many = differentNoun(() => animal(rng, true), one);
    const [subject, object] = pluralFirst ? [many, one] : [one, many];
    const d: Draft = { relation: 'social', verb: rng.pick(PAIR_VERBS), subject, object, objectDet: 'the', antecedent: q.antecedent };
    return settle(rng, d, ANIMATE_PREDICATES);
  }
  const many = mention(rng.pick(PLURAL_PEOPLE), true);
  const one = differentNoun(() => mention(rng.pick(rng.next() < 0.6 ? PEOPLE_WORDS : [...FEMALE_WORDS, ...MALE_WORDS])), many);
  const [subject, object] = pluralFirst ? [many, one] : [one, many];
  const verb = rng.next() < 0.4 ? rng.pick(['followed', 'watched']) : rng.pick(HUMAN_VERBS);
  const d: Draft = { relation: 'social', verb, subject, object, objectDet: 'the', antecedent: q.antecedent };
  return settle(rng, d, HUMAN_PREDICATES);
}

/** Same pronoun for both (or, with contrast, different): only the predicate's role decides. */
function winograd(rng: Rng, q: FrameRequest): Frame | null {
  if (rng.next() < 0.4) return lift(rng, q);
  const [verb, subjectPred, objectPred] = rng.pick(WINOGRAD_VERBS);
  let subject: Mention;
  let object: Mention;
  if (q.contrast) {
    subject = person(rng);
    object = distinctForms(() => person(rng), subject);
  } else {
    const female = rng.next() < 0.5;
    const names = rng.next() < 0.7;
    subject = gendered(rng, female, names);
    object = differentNoun(() => gendered(rng, female, names), subject);
  }
  const d: Draft = { relation: 'social', verb, subject, object, objectDet: 'the', antecedent: q.antecedent };
  return settle(rng, d, [q.antecedent === 'subject' ? subjectPred : objectPred]);
}

/** "The aunt couldn't lift her niece because she was too weak / heavy." */
function lift(rng: Rng, q: FrameRequest): Frame | null {
  let subject: Mention;
  let object: Mention;
  let objectDet: Frame['objectDet'] = 'poss';
  if (!q.contrast) {
    const [a, b] = rng.pick(LIFT_PAIRS);
    [subject, object] = [mention(a), mention(b)];
  } else {
    subject = mention(rng.pick(LIFTERS));
    if (rng.next() < 0.5) {
      object = mention(rng.pick(HEAVY_OBJECTS));
      objectDet = 'the';
    } else {
      // A boy or girl lifts a brother or sister, not a son or niece.
      const young = subject.noun.word === 'boy' || subject.noun.word === 'girl';
      object = distinctForms(() => mention(rng.pick(young ? ['brother', 'sister'] : LIFTABLE_KIN)), subject);
    }
  }
  const d: Draft = { relation: 'lift', verb: '', subject, object, objectDet, antecedent: q.antecedent };
  return settle(rng, d, q.antecedent === 'subject' ? LIFT_WEAK : LIFT_HEAVY);
}

const SAMPLERS: Record<Kind, (rng: Rng, q: FrameRequest) => Frame | null> = {
  seed, animacy, gender, number, cross, fit, winograd,
};

/** Is this one of the seed examples' frames (the cat on the mat, the animal and the street)? */
export function isSeedFrame(f: Frame): boolean {
  const [s, o] = [f.subject.noun.word, f.object.noun.word];
  if (f.relation === 'cross') return s === 'animal' && o === 'street' && !f.subject.plural;
  return f.relation === 'scene' && s === 'cat' && o === 'mat' && f.verb === 'sat on' && !f.subject.plural;
}

/**
 * A resolvable frame of one kind; retries draws that leave no fitting predicate, and
 * leaves the seed examples' frames to the seed kind so each case has one kind.
 */
export function sampleFrame(rng: Rng, kind: Kind, q: FrameRequest): Frame {
  for (let attempt = 0; attempt < 100; attempt++) {
    const f = SAMPLERS[kind](rng, q);
    if (f && (kind === 'seed') === isSeedFrame(f)) return f;
  }
  throw new Error(`coref world: no resolvable ${kind} frame for ${q.antecedent} after 100 draws`);
}
