/**
 * Reads a sentence of the shared template back into a frame and resolves it:
 *   "The aunt couldn't lift her niece since she was so heavy." -> winograd, she -> niece.
 * Used to check that outside cases (../shared/coref/public.tsv, or a sentence a user types)
 * are sentences of this world, and to find a pronoun's candidates without labels.
 */
import { HUMAN_VERBS, PAIR_VERBS, SCENE_VERBS } from './lexicon.ts';
import { isSeedFrame, type Kind } from './frames.ts';
import { tokens, type Span, type Token } from './text.ts';
import { formFits, mentionOf, referents, winogradOf, type Frame, type Mention, type Pronoun, type Relation } from './world.ts';

export interface ParsedCase {
  kind: Kind;
  frame: Frame;
  pronoun: Span;
  antecedent: Span;
  distractor: Span;
}

const CONNECTIVES = new Set(['because', 'since', 'as']);
const PRONOUNS = new Set<string>(['he', 'she', 'it', 'they']);
const COPULAS = new Set(['was', 'were', 'is', 'are', 'seemed', 'seems', 'seem', 'looked', 'looks', 'look', 'felt', 'got', 'became']);
const INTENSIFIERS = new Set(['too', 'so', 'very', 'really']);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their']);
const DETERMINERS = new Set(['the', ...POSSESSIVES]);
const SOCIAL_VERBS = new Set<string>([...HUMAN_VERBS, ...PAIR_VERBS]);
const SCENE = new Set<string>(SCENE_VERBS);

/** A candidate noun of the left clause: its token index and mention. */
interface Found {
  at: number;
  m: Mention;
}

/** Kind of a resolved frame, by the same rules the generator's kinds follow. */
function kindOf(f: Frame): Kind {
  if (isSeedFrame(f)) return 'seed';
  if (f.relation === 'cross') return 'cross';
  if (f.relation === 'scene') return 'animacy';
  if (f.relation === 'fit') return 'fit';
  if (f.relation === 'lift') return 'winograd';
  if (formFits(f.pronoun, f.subject) && formFits(f.pronoun, f.object)) return 'winograd';
  return f.subject.plural !== f.object.plural ? 'number' : 'gender';
}

function relationOf(left: Token[], subject: Found, object: Found): { relation: Relation; verb: string } | null {
  const words = left.map((t) => t.text.toLowerCase());
  if (words.includes('cross')) return { relation: 'cross', verb: '' };
  if (words.includes('fit')) return { relation: 'fit', verb: '' };
  if (words.includes('lift')) return { relation: 'lift', verb: '' };
  const between = words.slice(subject.at + 1, object.at).filter((w) => !DETERMINERS.has(w)).join(' ');
  if (SCENE.has(between)) return { relation: 'scene', verb: between };
  if (SOCIAL_VERBS.has(between) || winogradOf(between)) return { relation: 'social', verb: between };
  return null;
}

/**
 * The case a sentence states, or null when it is not "X VERB Y [adjunct] because PRONOUN
 * COPULA [intensifier] PREDICATE [adjunct]." with two candidates of this world and exactly
 * one resolution.
 */
export function parseCase(sentence: string): ParsedCase | null {
  const toks = tokens(sentence);
  const c = toks.findIndex((t, i) => i > 0 && CONNECTIVES.has(t.text));
  if (c < 0 || c + 3 >= toks.length) return null;
  const pronoun = toks[c + 1];
  if (!PRONOUNS.has(pronoun.text) || !COPULAS.has(toks[c + 2].text)) return null;
  const p = INTENSIFIERS.has(toks[c + 3].text) ? c + 4 : c + 3;
  if (p >= toks.length) return null;
  const left = toks.slice(0, c);
  const found: Found[] = [];
  left.forEach((t, at) => {
    const m = mentionOf(t.text);
    if (m) found.push({ at, m });
  });
  if (found.length !== 2) return null;
  const [subject, object] = found;
  const rel = relationOf(left, subject, object);
  if (!rel) return null;
  const before = left[object.at - 1]?.text.toLowerCase() ?? '';
  const frame: Frame = {
    ...rel,
    subject: subject.m,
    object: object.m,
    objectDet: POSSESSIVES.has(before) ? 'poss' : 'the',
    pronoun: pronoun.text as Pronoun,
    predicate: toks[p].text,
    antecedent: 'subject',
  };
  const r = referents(frame);
  if (r.length !== 1) return null;
  frame.antecedent = r[0];
  const spans: [Span, Span] = [left[subject.at].span, left[object.at].span];
  const [antecedent, distractor] = r[0] === 'subject' ? spans : [spans[1], spans[0]];
  return { kind: kindOf(frame), frame, pronoun: pronoun.span, antecedent, distractor };
}
