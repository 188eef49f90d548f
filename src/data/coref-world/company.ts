/**
 * A third candidate for a case: "The dog didn't cross the street with Mary because it was
 * too tired." The companion is one the predicate could describe (Mary can be tired) but the
 * pronoun cannot name (Mary is not "it"), so only the pronoun's form and the predicate
 * together pick the antecedent. With two candidates the predicate alone often decides; a
 * model can then resolve the case at the predicate and never look from the pronoun. With a
 * companion, the place where both constraints meet is the pronoun itself.
 */
import type { Rng } from '../../runtime/index.ts';
import { ANIMALS, FEMALE_NAMES, FEMALE_NOUNS, MALE_NAMES, MALE_NOUNS, PEOPLE } from './lexicon.ts';
import type { Style } from './variation.ts';
import { appliesTo, formFits, mention, surface, type Frame, type Mention } from './world.ts';

const LIVING_WORDS = [
  ...FEMALE_NAMES, ...MALE_NAMES, ...Object.keys(FEMALE_NOUNS), ...Object.keys(MALE_NOUNS),
  ...Object.keys(PEOPLE), ...Object.keys(ANIMALS),
];

/** Relations where a companion reads naturally ("sat on the mat with the boy"). */
export function takesCompany(f: Frame): boolean {
  return f.relation === 'scene' || f.relation === 'cross';
}

/**
 * A living mention, sometimes plural, that the pronoun cannot name and, where the predicate
 * can describe a living thing at all, that the predicate fits. Cases whose predicate fits no
 * living thing ("too wide") get a companion too, so its presence says nothing about the answer.
 */
export function companionFor(rng: Rng, f: Frame): Mention | null {
  const taken = new Set([f.subject.noun.word, f.object.noun.word]);
  for (let attempt = 0; attempt < 100; attempt++) {
    const word = rng.pick(LIVING_WORDS);
    if (taken.has(word)) continue;
    const base = mention(word);
    const m = base.noun.plural && rng.next() < 0.25 ? mention(word, true) : base;
    if (formFits(f.pronoun, m)) continue;
    if (attempt < 50 && !appliesTo(f.predicate, m.noun)) continue;
    return m;
  }
  return null;
}

/** The style with the companion as its early adjunct ("... the street with Mary because ..."). */
export function withCompany(style: Style, m: Mention): Style {
  const words = m.noun.proper ? surface(m) : `the ${surface(m)}`;
  return { ...style, adjunct: `with ${words}`, adjunctEarly: true };
}
