/**
 * Named sentences for the lessons, written as specs so the grammar renders them like any
 * other: each shows one way French word order or form departs from English.
 */
import type { SentenceSpec } from './render.ts';

export const EXAMPLE_SPECS = {
  /** The course's headline: elisions (j', l'), a generic article, and adjective after noun. */
  iLoveDeepLearning: { clauses: [{ subject: { pronoun: 'i' }, verb: 'love', object: { noun: 'learning', det: 'bare', adjs: ['deep'] } }] },
  /** One adjective after its noun: the alignment crosses. */
  catSeesRedCar: { clauses: [{ subject: { noun: 'cat', det: 'the' }, verb: 'see', object: { noun: 'car', det: 'the', adjs: ['red'] } }] },
  /** Predicate adjectives agree: grand -> grande. */
  houseIsBig: { clauses: [{ subject: { noun: 'house', det: 'the' }, verb: 'be', adjs: ['big'] }] },
  /** Both orders in one phrase: grande before, rouge after. */
  bigRedCar: { clauses: [{ subject: { pronoun: 'she' }, verb: 'have', object: { noun: 'car', det: 'a', adjs: ['big', 'red'] } }] },
  /** The object pronoun moves before the verb: je t'aime. */
  iLoveYou: { clauses: [{ subject: { pronoun: 'i' }, verb: 'love', object: { pronoun: 'you' } }] },
  /** One English "not", two French words around the verb: ne ... pas. */
  notDrinkMilk: { clauses: [{ subject: { noun: 'cat', det: 'the' }, verb: 'drink', negated: true, object: { noun: 'milk', det: 'bare' } }] },
  /** bel before a vowel, l' before a silent h. */
  oldManBeautifulBird: { clauses: [{ subject: { noun: 'man', det: 'the', adjs: ['old'] }, verb: 'see', object: { noun: 'bird', det: 'a', adjs: ['beautiful'] }, pp: { prep: 'in', np: { noun: 'garden', det: 'the' } } }] },
} as const satisfies Record<string, SentenceSpec>;
