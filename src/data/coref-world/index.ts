/**
 * The coref world: a small, typed world of people, animals, objects and places, and a
 * deterministic generator of its sentences, used to train the project's default text model
 * (a small BERT-style encoder, masked-language modelling only) and to judge whether one of
 * its heads resolves pronouns.
 *
 * Why the corpus looks the way it does. The model gets no loss on attention; a head comes to
 * route a pronoun to its antecedent only if predicting masked words needs that route. So:
 *
 * - The pronoun's form depends on the antecedent the predicate selects. In "The man didn't
 *   cross the street because [MASK] was too tired" the answer is "he", and with "too wide"
 *   it is "it"; "Mary thanked John because [MASK] was helpful" needs "he" (helpful points at
 *   the one thanked). Half of the corpus's cases (`contrast`) pair candidates that
 *   differ in gender, number or animacy this way, in every relation (cross, fit, lift, scene,
 *   Winograd verbs), so a masked pronoun is predictable only through its antecedent.
 * - The other half are cases like the judge's: both candidates take the same pronoun ("it",
 *   or "he" for two men) and only the predicate decides. There a masked predicate or noun
 *   needs the pronoun's referent, which teaches which predicates fit which things.
 * - Follow-ups restate the antecedent ("... because it was too wide. The street was too
 *   wide.") or ask for it ("Who was grateful? Mary."), so a masked noun there is predicted
 *   only by resolving the pronoun first; reversed sentences ("The street was too wide, so the
 *   animal didn't cross it.") put the pronoun in the other clause and role.
 * - Plain facts ("The cat is an animal.", "The street is wide.", "Mary is a woman."),
 *   possessives ("The aunt hugged her niece."), pronouns in "and"/"when"/"after" clauses and
 *   small stories tie each noun to its sort, gender and predicates. "bank" appears in many
 *   money contexts and many river contexts, and the weather "it" ("She drove the car because
 *   it was raining.") names nothing, so it is never labelled.
 *
 * Every case is a frame of typed slots (world.ts) whose pronoun has exactly one referent by
 * the world's facts (`referents`), so no labelled sentence is ambiguous, and the antecedent is
 * first or second equally often, so "pick the nearer candidate" scores 50%.
 */
export {
  generateCorpus, generateCorpusLines, generateLabelled, generateBankSenses, generateDummyIt,
  labelledTsv, sentencesOf, sampleTrainingCases, type TrainingCaseOptions,
  CORPUS_TEMPLATES, DEFAULT_MIX, DEFAULT_KIND_MIX,
  type CorefExample, type CorpusLine, type CorpusOptions, type CorpusTemplate, type LabelledOptions,
} from './generator.ts';
export { KINDS, sampleFrame, type Kind, type FrameRequest } from './frames.ts';
export { parseCase, type ParsedCase } from './parse.ts';
export { worldVocabulary } from './vocabulary.ts';
export { tokens, words, type Span, type Token } from './text.ts';
export {
  NOUNS, appliesTo, formFits, mentionOf, predicateFits, referents,
  type Frame, type Mention, type Noun, type Pronoun, type Relation, type Role,
} from './world.ts';
