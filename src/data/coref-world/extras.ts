/**
 * The rest of the world's sentences, beside the coreference cases: simple facts ("The cat is
 * an animal.", "The street is wide.", "Mary is a woman."), possessives, pronouns in other
 * clauses, small stories and the seed sentences' words. Facts give the model each word's
 * sort, gender and predicates to attend back to. (The two banks and the weather "it" live in
 * senses.ts.)
 */
import type { Rng } from '../../runtime/index.ts';
import {
  ANIMATE_PREDICATES, FEMALE_NAMES, FEMALE_NOUNS, FIT_CONTAINERS, FIT_ITEMS, FIT_SMALL,
  HEAVY_OBJECTS, HUMAN_PREDICATES, HUMAN_VERBS, MALE_NAMES, MALE_NOUNS, PAIR_VERBS, PEOPLE, PLACES,
  SCENE_OBJECTS, SCENE_VERBS,
} from './lexicon.ts';
import { animal } from './frames.ts';
import { writeMention } from './render.ts';
import type { Line } from './text.ts';
import { ADJUNCTS, weighted } from './variation.ts';
import { article, mention, OBJECT_FORM, POSSESSIVE, pronounsOf, type Mention, type Pronoun } from './world.ts';

const SCENE_WORDS = Object.keys(SCENE_OBJECTS);
const PLACE_WORDS = Object.keys(PLACES);
const FEMALE_WORDS = Object.keys(FEMALE_NOUNS);
const MALE_WORDS = Object.keys(MALE_NOUNS);
/** Gendered nouns for children and young people: "a girl"/"a boy" rather than "a woman". */
const YOUNG = new Set(['girl', 'daughter', 'sister', 'princess', 'niece', 'granddaughter', 'boy', 'son', 'brother', 'prince', 'nephew', 'grandson']);

/** Whom a person has: "her mother", "his neighbor". */
const RELATIVES = [
  'mother', 'father', 'sister', 'brother', 'aunt', 'uncle', 'grandmother', 'grandfather', 'daughter',
  'son', 'niece', 'nephew', 'grandson', 'granddaughter', 'wife', 'husband', 'friend', 'neighbor', 'teacher', 'coach',
];

/** A singular person with the pronoun that names them. */
export function someone(rng: Rng): { m: Mention; p: Pronoun } {
  const r = rng.next();
  const female = rng.next() < 0.5;
  const m =
    r < 0.5 ? mention(rng.pick(female ? FEMALE_NAMES : MALE_NAMES))
    : r < 0.8 ? mention(rng.pick(female ? FEMALE_WORDS : MALE_WORDS))
    : mention(rng.pick(Object.keys(PEOPLE)));
  return { m, p: rng.pick(pronounsOf(m)) };
}

/** Any living mention (person or animal, singular or plural) with its pronoun. */
function living(rng: Rng): { m: Mention; p: Pronoun } {
  if (rng.next() < 0.55) return someone(rng);
  const m = animal(rng, rng.next() < 0.35);
  return { m, p: m.plural ? 'they' : 'it' };
}

function pastBe(m: Mention): string {
  return m.plural ? 'were' : 'was';
}

/** Ends a sentence with "yesterday", "in the park"... some of the time, as the cases do. */
export function maybeAdjunct(rng: Rng, line: Line, chance = 0.3): void {
  if (rng.next() < chance) line.add(rng.pick(ADJUNCTS));
}

/** "The cat is an animal." "A fox is an animal." "Mary is a woman." "The king is a man." */
export function factIsA(rng: Rng, line: Line): void {
  const r = rng.next();
  if (r < 0.45) {
    const a = animal(rng, rng.next() < 0.2);
    if (a.noun.word === 'animal') return factIsA(rng, line);
    if (a.plural) writeMention(line, a);
    else writeMention(line, a, rng.next() < 0.5 ? 'the' : article(a.noun.word));
    line.add(a.plural ? 'are animals' : 'is an animal');
  } else {
    const female = rng.next() < 0.5;
    const m = mention(rng.pick(r < 0.75 ? (female ? FEMALE_NAMES : MALE_NAMES) : female ? FEMALE_WORDS : MALE_WORDS));
    writeMention(line, m);
    const young = m.noun.proper ? rng.next() < 0.4 : YOUNG.has(m.noun.word);
    line.add('is a');
    line.add(young ? (female ? 'girl' : 'boy') : female ? 'woman' : 'man');
  }
  line.mark('.');
}

/** "The street is wide." "The box wasn't empty." "The cats were hungry." "Mary seemed grateful." */
export function factTrait(rng: Rng, line: Line): void {
  const r = rng.next();
  let m: Mention;
  let pred: string;
  if (r < 0.45) {
    const word = rng.pick(rng.next() < 0.7 ? SCENE_WORDS : PLACE_WORDS);
    m = mention(word);
    pred = rng.pick(SCENE_OBJECTS[word] ?? PLACES[word]);
  } else if (r < 0.55) {
    m = mention(rng.pick(HEAVY_OBJECTS));
    pred = 'heavy';
  } else {
    m = living(rng).m;
    pred = rng.pick(m.noun.sort === 'person' ? HUMAN_PREDICATES : ANIMATE_PREDICATES);
  }
  writeMention(line, m);
  const plural = m.plural;
  line.add(weighted(rng, [[plural ? 'are' : 'is', 3], [pastBe(m), 3], [plural ? "weren't" : "wasn't", 1], ['seemed', 1], ['looked', 1]] as const));
  line.add(weighted(rng, [['', 6], ['very', 1], ['really', 1], ['so', 1], ['too', 1]] as const));
  line.add(pred);
  maybeAdjunct(rng, line, 0.15);
  line.mark('.');
}

/** "Mary hugged her mother." "The dog played with its ball." "The cats slept on their rug." */
export function possessive(rng: Rng, line: Line): void {
  if (rng.next() < 0.45) {
    const { m, p } = someone(rng);
    writeMention(line, m);
    line.add(rng.pick(HUMAN_VERBS));
    line.add(POSSESSIVE[p]);
    line.add(rng.pick(RELATIVES));
  } else {
    const { m, p } = living(rng);
    writeMention(line, m);
    line.add(rng.pick(SCENE_VERBS));
    line.add(POSSESSIVE[p]);
    line.add(rng.pick(SCENE_WORDS));
  }
  maybeAdjunct(rng, line);
  line.mark('.');
}

/** Two living mentions that no one pronoun can name both of. */
function twoForms(rng: Rng): [{ m: Mention; p: Pronoun }, { m: Mention; p: Pronoun }] {
  const a = living(rng);
  for (;;) {
    const b = living(rng);
    if (b.m.noun !== a.m.noun && !pronounsOf(b.m).some((x) => pronounsOf(a.m).includes(x))) return [a, b];
  }
}

function relate(a: Mention, b: Mention, rng: Rng): string {
  return a.noun.sort === 'person' && b.noun.sort === 'person' ? rng.pick(HUMAN_VERBS) : rng.pick(PAIR_VERBS);
}

/** "Mary met John and she thanked him." "The cats followed the dog and they chased it." */
export function andPronoun(rng: Rng, line: Line): void {
  const [a, b] = twoForms(rng);
  writeMention(line, a.m);
  line.add(relate(a.m, b.m, rng));
  writeMention(line, b.m);
  line.add(rng.next() < 0.7 ? 'and' : 'but');
  line.add(a.p);
  line.add(relate(a.m, b.m, rng));
  line.add(OBJECT_FORM[b.p]);
  line.mark('.');
}

/** "Mary was happy when she met John." "The dog was tired after it crossed the river." */
export function whenAfter(rng: Rng, line: Line): void {
  const [a, b] = twoForms(rng);
  writeMention(line, a.m);
  line.add(pastBe(a.m));
  if (rng.next() < 0.5) {
    line.add(rng.pick(a.m.noun.sort === 'person' ? HUMAN_PREDICATES : ANIMATE_PREDICATES));
    line.add('when');
    line.add(a.p);
    line.add(relate(a.m, b.m, rng));
    writeMention(line, b.m);
  } else {
    line.add(rng.pick(['tired', 'hungry', 'thirsty', 'sleepy', 'happy']));
    line.add('after');
    line.add(a.p);
    line.add('crossed');
    writeMention(line, mention(rng.pick(PLACE_WORDS)));
  }
  line.mark('.');
}

/** "The street was wide but the dog crossed it." "The box was small but the toy fit in it." */
export function butStill(rng: Rng, line: Line): void {
  if (rng.next() < 0.5) {
    const place = rng.pick(PLACE_WORDS);
    writeMention(line, mention(place));
    line.add(`was ${rng.pick(PLACES[place])} but`);
    writeMention(line, living(rng).m);
    line.add('crossed it');
  } else {
    writeMention(line, mention(rng.pick(FIT_CONTAINERS)));
    line.add(`was ${rng.pick(FIT_SMALL.filter((w) => w !== 'full'))} but`);
    const item = Object.keys(FIT_ITEMS);
    writeMention(line, mention(rng.pick(item), rng.next() < 0.3));
    line.add('fit in it');
  }
  line.mark('.');
}

/** Small scenes with no pronoun: "The dog finally crossed the road in the park." */
export function story(rng: Rng, line: Line): void {
  writeMention(line, living(rng).m);
  const scene = (): void => {
    line.add(rng.pick(SCENE_VERBS));
    writeMention(line, mention(rng.pick(SCENE_WORDS)));
  };
  const r = rng.next();
  if (r < 0.3) {
    line.add(`${rng.pick(['finally', 'quickly'])} crossed`);
    writeMention(line, mention(rng.pick(PLACE_WORDS)));
  } else if (r < 0.55) {
    line.add(rng.pick(['', 'finally', 'quickly']));
    scene();
  } else if (r < 0.7) {
    line.add('jumped over');
    writeMention(line, mention(rng.pick(['fence', 'wall', 'log', 'rock', 'bench'])));
  } else if (r < 0.85) {
    line.add(`put the ${rng.pick(Object.keys(FIT_ITEMS))} into`);
    writeMention(line, mention(rng.pick(FIT_CONTAINERS)));
  } else {
    scene();
    line.add('while');
    writeMention(line, living(rng).m);
    scene();
  }
  maybeAdjunct(rng, line);
  line.mark('.');
}

/** "I love deep learning." "She loves translating French." */
export function seedWords(rng: Rng, line: Line): void {
  const who = weighted(rng, [['I', 3], ['she', 1], ['he', 1], [rng.pick([...FEMALE_NAMES, ...MALE_NAMES]), 1]] as const);
  line.add(who);
  if (rng.next() < 0.25) line.add('really');
  line.add(who === 'I' ? 'love' : 'loves');
  line.add(rng.pick(['deep learning', 'translating French']));
  line.mark('.');
}
