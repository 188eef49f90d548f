/**
 * Turns a sentence spec (who does what to what, in lexicon words) into an English sentence,
 * its French translation and the gold word alignment between them. Both languages are
 * written from the same spec, so the alignment is known exactly: each English word gets an
 * id, and each French word lists the ids it translates.
 *
 * Alignment conventions (what the lesson compares learned attention against):
 * - a French article with no English determiner ("j'aime l'apprentissage profond", "je bois
 *   du lait") aligns to the English noun it introduces;
 * - do-support aligns to the French verb ("does love" -> "aime") and "not" to both halves
 *   of "ne ... pas";
 * - an object pronoun aligns to its clitic, which French moves before the verb ("je t'aime").
 */
import {
  ADJ_BY_EN, DETERMINERS, ETRE, NOUN_BY_EN, PREPOSITIONS, PRONOUNS, VERB_BY_EN,
  type Adjective, type Det, type Gender, type Noun, type PrepKey, type PronounKey,
} from './lexicon.ts';
import { applyElision, joinFrench, startsWithVowel, startsWithVowelLetter } from './french.ts';

/** A noun phrase: a pronoun, a (determiner, adjectives, noun), or two phrases joined by "and". */
export type NounPhrase =
  | { pronoun: PronounKey }
  | { noun: string; det: Det; plural?: boolean; adjs?: readonly string[] }
  | { and: readonly NounPhrase[] };

/** One clause. verb 'be' takes `adjs` or `pp`; any other verb takes `object` and maybe `pp`. */
export interface Clause {
  subject: NounPhrase;
  verb: string; // English base form, or 'be'
  negated?: boolean;
  object?: NounPhrase;
  adjs?: readonly string[]; // "is big and red"
  pp?: { prep: PrepKey; np: NounPhrase };
}

/** A sentence: one clause, or several joined by "and". */
export interface SentenceSpec {
  clauses: readonly Clause[];
}

/** One English sentence, its French translation and the gold alignment. */
export interface TranslationPair {
  en: string;
  fr: string;
  enTokens: string[];
  frTokens: string[];
  alignment: Array<[number, number]>; // [enIndex, frIndex], sorted
}

/** What a phrase contributes to agreement: person (0..4 as Verb.fr), gender, number. */
interface Agr {
  person: 0 | 1 | 2 | 3 | 4;
  gender: Gender;
  plural: boolean;
}

/** How a bare object's French article is chosen (from the verb) and whether negation applies. */
interface NpContext {
  bare: 'generic' | 'partitive' | null;
  negated: boolean;
}

const PLAIN: NpContext = { bare: null, negated: false };

/** Collects both token lists as the clause is written; ids tie French words to English ones. */
class Builder {
  readonly en: string[] = [];
  private readonly enIds: number[] = [];
  readonly fr: string[] = [];
  private readonly frIds: number[][] = [];
  private ids = 0;

  id(): number {
    return this.ids++;
  }
  e(word: string, id: number): void {
    this.en.push(word);
    this.enIds.push(id);
  }
  f(word: string, ...ids: number[]): void {
    this.fr.push(word);
    this.frIds.push(ids);
  }

  finish(): TranslationPair {
    const enTokens = this.en.map((w, i) => (w === 'a' && startsWithVowelLetter(this.en[i + 1] ?? '') ? 'an' : w));
    const { tokens: frTokens, links } = applyElision(this.fr, this.frIds);
    const enOf = new Map<number, number[]>();
    this.enIds.forEach((id, i) => enOf.set(id, [...(enOf.get(id) ?? []), i]));
    const alignment: Array<[number, number]> = [];
    links.forEach((ids, j) => {
      for (const id of ids) for (const i of enOf.get(id) ?? []) alignment.push([i, j]);
    });
    alignment.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    return { en: enTokens.join(' '), fr: joinFrench(frTokens), enTokens, frTokens, alignment };
  }
}

function lookup<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const x = map.get(key);
  if (x === undefined) throw new Error(`translation: unknown ${what} "${key}"`);
  return x;
}

/** The French form of an adjective agreeing with a noun (and bel/vieil/nouvel before a vowel). */
export function agreeAdj(adj: Adjective, gender: Gender, plural: boolean, nextFr?: string): string {
  if (adj.beforeVowel && gender === 'm' && !plural && nextFr !== undefined && startsWithVowel(nextFr)) {
    return adj.beforeVowel;
  }
  return adj.fr[(plural ? 2 : 0) + (gender === 'f' ? 1 : 0)];
}

function nounDet(b: Builder, noun: Noun, det: Det, plural: boolean, ctx: NpContext, nounId: number): void {
  const g = noun.gender;
  if (det === 'bare') {
    if (ctx.bare === 'partitive') {
      if (ctx.negated) b.f('de', nounId); // je ne bois pas de lait
      else if (plural) throw new Error('translation: bare plural partitive (des) is not in the grammar');
      else if (g === 'm') b.f('du', nounId);
      else {
        b.f('de', nounId);
        b.f('la', nounId);
      }
    } else if (ctx.bare === 'generic') {
      b.f(plural ? 'les' : g === 'm' ? 'le' : 'la', nounId);
    } else throw new Error(`translation: "${noun.en}" needs a determiner here`);
    return;
  }
  const d = DETERMINERS[det];
  const en = d.en[plural ? 1 : 0];
  const fr = d.fr[plural ? 2 : g === 'm' ? 0 : 1];
  if (en === null || fr === null) throw new Error(`translation: "${det}" cannot be ${plural ? 'plural' : 'singular'}`);
  const id = b.id();
  b.e(en, id);
  // After a negated verb the indefinite article becomes "de": "je n'ai pas de voiture".
  b.f(det === 'a' && ctx.negated ? 'de' : fr, id);
}

function renderNp(b: Builder, np: NounPhrase, ctx: NpContext): Agr {
  if ('pronoun' in np) {
    const p = PRONOUNS[np.pronoun];
    const id = b.id();
    b.e(p.en, id);
    b.f(p.fr, id);
    return { person: p.person, gender: p.gender, plural: p.plural };
  }
  if ('and' in np) {
    let gender: Gender = 'f';
    np.and.forEach((item, k) => {
      if (k > 0) {
        const id = b.id();
        b.e('and', id);
        b.f('et', id);
      }
      // One masculine noun makes the group masculine: "le chat et la vache sont blancs".
      if (renderNp(b, item, ctx).gender === 'm') gender = 'm';
    });
    return { person: 4, gender, plural: true };
  }
  const noun = lookup(NOUN_BY_EN, np.noun, 'noun');
  const plural = np.plural ?? false;
  if (plural && (noun.enPl === null || noun.frPl === null)) throw new Error(`translation: "${noun.en}" has no plural`);
  const adjs = (np.adjs ?? []).map((w) => lookup(ADJ_BY_EN, w, 'adjective'));
  const nounId = b.id();
  const adjIds = adjs.map(() => b.id());
  nounDet(b, noun, np.det, plural, ctx, nounId);
  adjs.forEach((adj, k) => b.e(adj.en, adjIds[k]));
  b.e(plural ? noun.enPl! : noun.en, nounId);
  const frNoun = plural ? noun.frPl! : noun.fr;
  adjs.forEach((adj, k) => {
    if (adj.pos === 'pre') b.f(agreeAdj(adj, noun.gender, plural, frNoun), adjIds[k]);
  });
  b.f(frNoun, nounId);
  adjs.forEach((adj, k) => {
    if (adj.pos !== 'pre') b.f(agreeAdj(adj, noun.gender, plural), adjIds[k]);
  });
  return { person: plural ? 4 : 2, gender: noun.gender, plural };
}

function renderClause(b: Builder, c: Clause): void {
  const subj = renderNp(b, c.subject, PLAIN);
  const thirdSg = subj.person === 2;
  const notId = c.negated ? b.id() : -1;
  if (c.verb === 'be') {
    const id = b.id();
    b.e(subj.person === 0 ? 'am' : thirdSg ? 'is' : 'are', id);
    if (c.negated) {
      b.e('not', notId);
      b.f('ne', notId);
    }
    b.f(ETRE[subj.person], id);
    if (c.negated) b.f('pas', notId);
    (c.adjs ?? []).forEach((w, k) => {
      const adj = lookup(ADJ_BY_EN, w, 'adjective');
      if (k > 0) {
        const andId = b.id();
        b.e('and', andId);
        b.f('et', andId);
      }
      const adjId = b.id();
      b.e(adj.en, adjId);
      b.f(agreeAdj(adj, subj.gender, subj.plural), adjId);
    });
  } else {
    const verb = lookup(VERB_BY_EN, c.verb, 'verb');
    const verbId = b.id();
    if (c.negated) {
      b.e(thirdSg ? 'does' : 'do', verbId);
      b.e('not', notId);
      b.f('ne', notId);
    }
    const obj = c.object;
    if (obj === undefined) throw new Error(`translation: "${c.verb}" needs an object`);
    const objId = 'pronoun' in obj ? b.id() : -1;
    if ('pronoun' in obj) {
      if (!verb.clitic) throw new Error(`translation: "${c.verb}" takes no object pronoun`);
      b.f(PRONOUNS[obj.pronoun].frObj, objId); // French puts the object pronoun before the verb
    }
    b.e(c.negated ? verb.en[0] : verb.en[thirdSg ? 1 : 0], verbId);
    b.f(verb.fr[subj.person], verbId);
    if (c.negated) b.f('pas', notId);
    if ('pronoun' in obj) b.e(PRONOUNS[obj.pronoun].enObj, objId);
    else renderNp(b, obj, { bare: verb.bare, negated: c.negated ?? false });
  }
  if (c.pp) {
    const id = b.id();
    b.e(c.pp.prep, id);
    b.f(PREPOSITIONS[c.pp.prep].fr, id);
    renderNp(b, c.pp.np, PLAIN);
  }
}

/** Writes a spec in both languages with its gold alignment; throws on words not in the lexicon. */
export function renderSpec(spec: SentenceSpec): TranslationPair {
  const b = new Builder();
  spec.clauses.forEach((c, k) => {
    if (k > 0) {
      const id = b.id();
      b.e('and', id);
      b.f('et', id);
    }
    renderClause(b, c);
  });
  return b.finish();
}
