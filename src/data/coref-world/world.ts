/**
 * The typed coref world: nouns with sort, gender and number; which pronoun can name a
 * mention; which predicate can describe it; and `referents`, which says, from these facts
 * alone, whom the pronoun of a sentence frame can mean. The generator keeps only frames
 * whose pronoun has exactly one referent, so every labelled case is resolvable by
 * construction, and the tests check each case with the same typed facts.
 */
import {
  ANIMALS, ANIMATE_PREDICATES, FEMALE_NAMES, FEMALE_NOUNS, FIT_BIG, FIT_CONTAINERS, FIT_ITEMS,
  FIT_SMALL, HEAVY_OBJECTS, HUMAN_PREDICATES, LIFT_HEAVY, LIFT_WEAK, MALE_NAMES, MALE_NOUNS,
  PEOPLE, PLACES, SCENE_OBJECTS, WINOGRAD_VERBS,
} from './lexicon.ts';

export type Sort = 'person' | 'animal' | 'object' | 'place';
/** 'either': a person noun that takes he or she ("the teacher"); 'neuter': it. */
export type Gender = 'female' | 'male' | 'either' | 'neuter';

export interface Noun {
  word: string; // singular form
  plural: string | null; // null where the world never uses the plural
  sort: Sort;
  gender: Gender;
  proper: boolean; // a name: no article
  traits: readonly string[]; // predicates only this object or place has
}

/** One noun as a sentence uses it. */
export interface Mention {
  noun: Noun;
  plural: boolean;
}

export type Pronoun = 'he' | 'she' | 'it' | 'they';
export type Role = 'subject' | 'object';
/** How the two candidates are related; it decides which predicates point where. */
export type Relation = 'scene' | 'cross' | 'fit' | 'lift' | 'social';

/**
 * "SUBJECT VERB OBJECT because PRONOUN was PREDICATE", as facts. The subject is always
 * written first, so `antecedent === 'subject'` means the antecedent is the nearer-to-start
 * candidate.
 */
export interface Frame {
  relation: Relation;
  verb: string; // scene or social verb ("sat on", "thanked"); '' where the relation names it
  subject: Mention;
  object: Mention;
  objectDet: 'the' | 'poss'; // "lift her niece" writes the subject's possessive
  pronoun: Pronoun;
  predicate: string;
  antecedent: Role;
}

function add(map: Map<string, Noun>, noun: Omit<Noun, 'traits'> & { traits?: readonly string[] }): void {
  const old = map.get(noun.word);
  map.set(noun.word, { ...noun, traits: [...(old?.traits ?? []), ...(noun.traits ?? [])], plural: noun.plural ?? old?.plural ?? null });
}

function buildNouns(): Map<string, Noun> {
  const m = new Map<string, Noun>();
  const person = { sort: 'person', proper: false } as const;
  for (const w of FEMALE_NAMES) add(m, { word: w, plural: null, sort: 'person', gender: 'female', proper: true });
  for (const w of MALE_NAMES) add(m, { word: w, plural: null, sort: 'person', gender: 'male', proper: true });
  for (const [w, p] of Object.entries(FEMALE_NOUNS)) add(m, { ...person, word: w, plural: p, gender: 'female' });
  for (const [w, p] of Object.entries(MALE_NOUNS)) add(m, { ...person, word: w, plural: p, gender: 'male' });
  for (const [w, p] of Object.entries(PEOPLE)) add(m, { ...person, word: w, plural: p, gender: 'either' });
  const thing = { gender: 'neuter', proper: false } as const;
  for (const [w, p] of Object.entries(ANIMALS)) add(m, { ...thing, word: w, plural: p, sort: 'animal' });
  for (const [w, t] of Object.entries(PLACES)) add(m, { ...thing, word: w, plural: null, sort: 'place', traits: t });
  for (const [w, t] of Object.entries(SCENE_OBJECTS)) add(m, { ...thing, word: w, plural: null, sort: 'object', traits: t });
  for (const [w, p] of Object.entries(FIT_ITEMS)) add(m, { ...thing, word: w, plural: p, sort: 'object' });
  for (const w of FIT_CONTAINERS) add(m, { ...thing, word: w, plural: null, sort: 'object' });
  // Heavy things outside the scene lists get "heavy" as their one trait ("The piano is heavy.").
  for (const w of HEAVY_OBJECTS) add(m, { ...thing, word: w, plural: null, sort: 'object', traits: SCENE_OBJECTS[w] ? [] : ['heavy'] });
  return m;
}

/** Every noun and name of the world, by singular form. */
export const NOUNS: ReadonlyMap<string, Noun> = buildNouns();

/** The noun a word names, singular or plural, or undefined. */
export function mentionOf(word: string): Mention | undefined {
  return SURFACES.get(word);
}

const SURFACES = new Map<string, Mention>();
for (const noun of NOUNS.values()) {
  SURFACES.set(noun.word, { noun, plural: false });
  if (noun.plural && noun.plural !== noun.word) SURFACES.set(noun.plural, { noun, plural: true });
}

export function noun(word: string): Noun {
  const n = NOUNS.get(word);
  if (!n) throw new Error(`coref world: no noun "${word}"`);
  return n;
}

/** A noun used in the singular, or in the plural when `plural` and the world has one. */
export function mention(word: string, plural = false): Mention {
  const n = noun(word);
  if (plural && !n.plural) throw new Error(`coref world: "${word}" has no plural here`);
  return { noun: n, plural };
}

/** The written form of a mention ("cat", "cats", "Mary"). */
export function surface(m: Mention): string {
  return m.plural ? (m.noun.plural as string) : m.noun.word;
}

/** Can this pronoun name this mention? Agreement in number, animacy and gender only. */
export function formFits(p: Pronoun, m: Mention): boolean {
  if (p === 'they') return m.plural;
  if (m.plural) return false;
  if (p === 'it') return m.noun.sort !== 'person';
  if (m.noun.sort !== 'person') return false;
  return m.noun.gender === 'either' || m.noun.gender === (p === 'he' ? 'male' : 'female');
}

/** The pronouns that can name a mention (two for "the teacher"). */
export function pronounsOf(m: Mention): Pronoun[] {
  return (['he', 'she', 'it', 'they'] as const).filter((p) => formFits(p, m));
}

export const OBJECT_FORM: Record<Pronoun, string> = { he: 'him', she: 'her', it: 'it', they: 'them' };
export const POSSESSIVE: Record<Pronoun, string> = { he: 'his', she: 'her', it: 'its', they: 'their' };

const WINOGRAD_BY_VERB = new Map(WINOGRAD_VERBS.map(([v, s, o]) => [v, { subject: s, object: o }]));

/** Predicates a person can have: any living thing's, social ones, Winograd ones, lift ones. */
export const PERSON_PREDICATES: ReadonlySet<string> = new Set<string>([
  ...ANIMATE_PREDICATES, ...HUMAN_PREDICATES, ...WINOGRAD_VERBS.flatMap(([, s, o]) => [s, o]),
  ...LIFT_WEAK, ...LIFT_HEAVY,
]);
const ANIMATE = new Set<string>(ANIMATE_PREDICATES);

/** Can this predicate describe this noun at all, whatever the sentence? */
export function appliesTo(predicate: string, n: Noun): boolean {
  if (n.sort === 'person') return PERSON_PREDICATES.has(predicate);
  if (n.sort === 'animal') return ANIMATE.has(predicate);
  return n.traits.includes(predicate);
}

const BIG = new Set<string>(FIT_BIG);
const SMALL = new Set<string>(FIT_SMALL);
const WEAK = new Set<string>(LIFT_WEAK);
const HEAVY = new Set<string>(LIFT_HEAVY);

/**
 * Does the frame's predicate point at this role? For "didn't fit in" and "couldn't lift"
 * and the Winograd verbs the role decides (too big: the thing inside; too weak: the
 * lifter; "thanked ... grateful": the subject); otherwise the noun itself must allow it.
 */
export function predicateFits(f: Frame, role: Role): boolean {
  const p = f.predicate;
  const subject = role === 'subject';
  if (f.relation === 'fit') return subject ? BIG.has(p) : SMALL.has(p);
  if (f.relation === 'lift') return subject ? WEAK.has(p) : HEAVY.has(p);
  const w = f.relation === 'social' ? WINOGRAD_BY_VERB.get(f.verb) : undefined;
  if (w && (p === w.subject || p === w.object)) return p === (subject ? w.subject : w.object);
  return appliesTo(p, f[role].noun);
}

/** The roles the frame's pronoun can refer to: form and predicate must both fit. */
export function referents(f: Frame): Role[] {
  return (['subject', 'object'] as const).filter((r) => formFits(f.pronoun, f[r]) && predicateFits(f, r));
}

/** The Winograd predicates of a verb, if it is one. */
export function winogradOf(verb: string): { subject: string; object: string } | undefined {
  return WINOGRAD_BY_VERB.get(verb);
}

/** "a" or "an" before a word, by its first letter (enough for this world's words). */
export function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
