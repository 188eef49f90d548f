/**
 * Surface variation that leaves the meaning of a case alone: "since"/"as" for "because",
 * "seemed"/"looked" for "was", "very"/"really"/"so"/"too", "did not"/"couldn't"/"doesn't",
 * and a "yesterday" or "in the park" before the reason or at the end. The judge set varies
 * sentences the same way, so the model must not lean on one spelling of a frame.
 */
import type { Rng } from '../../runtime/index.ts';
import type { Relation } from './world.ts';

export type Copula = 'be' | 'seem' | 'look' | 'feel' | 'get' | 'become';

export interface Style {
  connective: 'because' | 'since' | 'as';
  copula: Copula;
  present: boolean; // "doesn't fit ... because it is too big"
  intensifier: '' | 'too' | 'so' | 'very' | 'really';
  negation: "didn't" | 'did not' | "couldn't" | 'could not' | "doesn't"; // cross, fit, lift
  into: boolean; // "fit into" instead of "fit in"
  adjunct: string; // '' or a time or place phrase
  adjunctEarly: boolean; // before the connective rather than at the end
}

/** Picks one value by weight; weights need not sum to 1. */
export function weighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of options) total += w;
  let r = rng.next() * total;
  for (const [v, w] of options) {
    r -= w;
    if (r < 0) return v;
  }
  return options[options.length - 1][0];
}

export const ADJUNCTS = ['yesterday', 'today', 'in the morning', 'in the park', 'in the garden'] as const;

/**
 * A style for one sentence of a relation. `wide` (the training corpus) adds copulas the
 * judge set may not use ("felt", "got", "became"), so the model sees more ways to say it.
 */
export function sampleStyle(rng: Rng, relation: Relation, wide: boolean): Style {
  const blocked = relation === 'cross' || relation === 'fit' || relation === 'lift';
  const negation: Style['negation'] =
    relation === 'lift'
      ? weighted(rng, [["couldn't", 0.85], ['could not', 0.15]] as const)
      : weighted(rng, [["didn't", 0.45], ['did not', 0.15], ["couldn't", 0.2], ['could not', 0.05], ["doesn't", 0.15]] as const);
  const present = blocked && negation === "doesn't" && rng.next() < 0.7;
  const copula: Copula = present
    ? weighted(rng, [['be', 0.7], ['seem', 0.15], ['look', 0.15]] as const)
    : weighted(rng, [['be', 0.7], ['seem', 0.12], ['look', 0.12], ['feel', wide ? 0.03 : 0], ['get', wide ? 0.02 : 0], ['become', wide ? 0.01 : 0]] as const);
  const intensifier: Style['intensifier'] = blocked
    ? weighted(rng, [['too', 0.55], ['so', 0.2], ['very', 0.1], ['really', 0.1], ['', 0.05]] as const)
    : weighted(rng, [['', 0.62], ['very', 0.1], ['really', 0.1], ['so', 0.1], ['too', 0.08]] as const);
  const adjunct = rng.next() < 0.45 ? rng.pick(present ? ADJUNCTS.slice(1) : ADJUNCTS) : '';
  return {
    connective: weighted(rng, [['because', 0.6], ['since', 0.2], ['as', 0.2]] as const),
    copula,
    present,
    intensifier,
    negation,
    into: rng.next() < 0.1,
    adjunct,
    adjunctEarly: rng.next() < 0.45,
  };
}

const PAST: Record<Copula, [string, string]> = {
  be: ['was', 'were'], seem: ['seemed', 'seemed'], look: ['looked', 'looked'],
  feel: ['felt', 'felt'], get: ['got', 'got'], become: ['became', 'became'],
};
const PRESENT: Record<Copula, [string, string]> = {
  be: ['is', 'are'], seem: ['seems', 'seem'], look: ['looks', 'look'],
  feel: ['feels', 'feel'], get: ['gets', 'get'], become: ['becomes', 'become'],
};

/** The copula agreeing with a singular or plural subject. */
export function copulaWord(style: Style, plural: boolean): string {
  return (style.present ? PRESENT : PAST)[style.copula][plural ? 1 : 0];
}

/** The negated auxiliary, agreeing in number ("doesn't" becomes "don't" for plurals). */
export function negationWord(style: Style, plural: boolean): string {
  return style.negation === "doesn't" && plural ? "don't" : style.negation;
}
