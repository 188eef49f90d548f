/**
 * Every word the coref world can write, for building a tokenizer's vocabulary before any
 * sentence is generated. The lists come from the lexicon; TEMPLATE_WORDS are the words the
 * templates spell out themselves. A test generates a large corpus and checks that it uses
 * exactly these words, so this list cannot drift from the templates unnoticed.
 */
import * as lex from './lexicon.ts';
import { NOUNS } from './world.ts';

/** Words written by the templates rather than taken from a lexicon list. */
export const TEMPLATE_WORDS = [
  // determiners, pronouns and possessives
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'its', 'their', 'I',
  // connectives and clause words
  'because', 'since', 'as', 'so', 'and', 'but', 'when', 'after', 'while',
  // copulas, negation, intensifiers
  'was', 'were', 'is', 'are', "wasn't", "weren't", 'seemed', 'seems', 'seem', 'looked', 'looks',
  'look', 'felt', 'got', 'became', "didn't", 'did', 'not', "couldn't", 'could', "doesn't",
  "don't", 'too', 'very', 'really',
  // the relations' own verbs and prepositions
  'cross', 'crossed', 'fit', 'lift', 'in', 'into', 'on', 'at', 'by', 'of', 'to', 'over', 'along',
  'jumped', 'put', 'finally', 'quickly',
  // adjuncts
  'yesterday', 'today', 'morning', 'park', 'garden',
  // facts
  'animal', 'animals', 'woman', 'man', 'girl', 'boy', 'heavy',
  // the seed sentences and the two banks
  'love', 'loves', 'deep', 'learning', 'translating', 'French', 'bank', 'money', 'deposited',
  'depositing', 'deposit', 'kept', 'went', 'worked', 'gave', 'closed', 'open', 'busy', 'crowded',
  'river', 'sat', 'stood', 'lay', 'walked', 'slept', 'drank', 'water', 'ran', 'muddy', 'wet',
  'green', 'steep', 'flooded', 'near', 'drove', 'car', 'stayed', 'under', 'sofa', 'fence', 'tree',
  'raining', 'snowing', 'late',
  // punctuation
  '.', ',', '?',
] as const;

/** Sentence-initial capitalised forms the templates produce (questions start with Who, What). */
const STARTERS = ['The', 'A', 'An', 'He', 'She', 'Who', 'What'];

/** All words (and punctuation marks) the generator can emit, sorted. */
export function worldVocabulary(): string[] {
  const out = new Set<string>([...TEMPLATE_WORDS, ...STARTERS]);
  for (const n of NOUNS.values()) {
    out.add(n.word);
    if (n.plural) out.add(n.plural);
    for (const t of n.traits) out.add(t);
  }
  const lists: readonly (readonly string[])[] = [
    lex.ANIMATE_PREDICATES, lex.HUMAN_PREDICATES, lex.CROSS_REASONS, lex.SCENE_VERBS,
    lex.HUMAN_VERBS, lex.PAIR_VERBS, lex.FIT_BIG, lex.FIT_SMALL, lex.LIFT_WEAK, lex.LIFT_HEAVY,
    lex.WINOGRAD_VERBS.flat(),
  ];
  for (const list of lists) for (const phrase of list) for (const w of phrase.split(' ')) out.add(w);
  return [...out].sort();
}
