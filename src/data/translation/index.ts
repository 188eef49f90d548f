/**
 * A toy English -> French parallel corpus for the translation lessons (translate-rnn, a GRU
 * encoder-decoder with Bahdanau attention, and translate-transformer): a lexicon of about 150
 * words with French gender and agreement (lexicon.ts), a grammar of templates with slots
 * (sample.ts) that renders both languages and the gold word alignment at once (render.ts),
 * and French elision (french.ts).
 *
 * The point of the corpus is that French order is not English order, so attention must move:
 * most adjectives follow the noun ("the red car" -> "la voiture rouge", "deep learning" ->
 * "apprentissage profond") while a few precede it ("la grande voiture rouge"); object pronouns
 * precede the verb ("i love you" -> "je t'aime"); "not" becomes "ne ... pas" around the verb.
 *
 * Tokens are lowercase words with no final punctuation; elisions are their own tokens
 * ("j'" "aime" "l'" "apprentissage" "profond"), so every French word has an English source
 * to align to. Each English sentence has exactly one French translation, so exact match is a
 * fair score.
 */
export { generatePairs, heldOutPairs, samplePair, splitHeldOut, translationVocab, type TranslationOptions } from './generator.ts';
export { renderSpec, agreeAdj, type Clause, type NounPhrase, type SentenceSpec, type TranslationPair } from './render.ts';
export { sampleSpec, type Complexity } from './sample.ts';
export { EXAMPLE_SPECS } from './examples.ts';
export { joinFrench, splitFrench, startsWithVowel } from './french.ts';
export {
  ADJECTIVES, DETERMINERS, NOUNS, PREPOSITIONS, PRONOUNS, VERBS,
  type Adjective, type Det, type Gender, type Noun, type PrepKey, type Pronoun, type PronounKey, type Tag, type Verb,
} from './lexicon.ts';
