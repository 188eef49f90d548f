/**
 * Every measurement on a coref model's card, deterministic for given weights: every head's
 * accuracy per kind on generated held-out cases and on public.tsv, the named coreference head
 * (the trained one, fixed before measuring, or else the best on the held-out cases), heads
 * that meet the bar without being trained to, the model's own answer at the pronoun, the
 * route through the predicate, named heads, the two senses of "bank" and vocabulary coverage.
 */
import * as world from '../../data/coref-world/index.ts';
import type { TransformerModel } from '../../models/transformer.ts';
import type { Tokenizer } from '../../tokenizers/index.ts';
import { answerAccuracy, routing, type RoutedCase } from '../eval/coref-answer.ts';
import { parseCorefTsv } from '../eval/coref-cases.ts';
import { bestCorefHead, headAccuracies, meanByHead, meetsBar as meets, scoreCase, type HeadReport } from '../eval/coref-metric.ts';
import { namedHeads, roleShares } from '../eval/head-roles.ts';
import { senseSimilarity } from '../eval/senses.ts';
import type { Evaluation, SharedFiles } from '../recipe.ts';

export interface CorefEvalPlan {
  judgeSeed: number;
  judgePerKind: number;
  /** The head an attention loss trained (0-based), or null: then the best held-out head is named. */
  trainedHead: [number, number] | null;
  /** Measure the masked-LM head's answer at the pronoun (the noun target). */
  answers: boolean;
}

const round = (x: number) => Number(x.toFixed(4));
const roundAll = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));

/** The judge's cases with the span of the word that decides each (the predicate's last word). */
function routedCases(cases: readonly world.CorefExample[]): RoutedCase[] {
  const out: RoutedCase[] = [];
  for (const c of cases) {
    if (!['animacy', 'cross', 'fit', 'winograd'].includes(c.kind)) continue;
    const word = c.frame.predicate.split(' ').pop() as string;
    const at = c.sentence.indexOf(` ${word}`, c.pronoun[1]);
    if (at >= 0) out.push({ ...c, predicate: [at + 1, at + 1 + word.length] });
  }
  return out;
}

/** The route through the predicate in two numbers: the best predicate row, and the most the pronoun reads the predicate. */
function routeSummary(r: ReturnType<typeof routing>) {
  const best = (g: number[][]) => g.flatMap((row, l) => row.map((v, h) => ({ head: [l, h] as [number, number], value: round(v) }))).reduce((a, b) => (b.value > a.value ? b : a));
  return { cases: r.cases, predicateRow: best(r.predicateRow), pronounToPredicate: best(r.pronounToPredicate) };
}

/** Heads other than `except` that meet the bar on the held-out cases: they learned it unasked. */
function headsMeetingBar(report: HeadReport, except: [number, number] | null) {
  const out: { layer: number; head: number; accuracy: Record<string, number> }[] = [];
  report.accuracy.forEach((row, layer) => row.forEach((acc, head) => {
    if (except && except[0] === layer && except[1] === head) return;
    if (meets(acc)) out.push({ layer, head, accuracy: roundAll(acc) });
  }));
  return out;
}

export function evaluateCoref(model: TransformerModel, tokenizer: Tokenizer, shared: SharedFiles, plan: CorefEvalPlan): Evaluation {
  const judgeCases = world.generateLabelled(plan.judgeSeed, plan.judgePerKind * world.KINDS.length);
  const judge = headAccuracies(model, tokenizer, judgeCases);
  const best = bestCorefHead(judge);
  const [layer, head] = plan.trainedHead ?? [best.layer, best.head];
  const publicCases = parseCorefTsv(shared('coref/public.tsv'));
  const pub = headAccuracies(model, tokenizer, publicCases);
  const heldChosen = roundAll(judge.accuracy[layer][head]);
  const publicChosen = roundAll(pub.accuracy[layer][head]);
  const seeds = publicCases.filter((c) => c.kind === 'seed').map((c) => ({
    sentence: c.sentence,
    antecedent: c.sentence.slice(...c.antecedent),
    margin: round(scoreCase(model, tokenizer, c).margin[layer][head]),
  }));
  const bank = world.generateBankSenses(5, 40).map((b) => ({ sentence: b.sentence, sense: b.sense, span: b.bank }));
  const lexicon = JSON.parse(shared('coref/lexicon.json')) as { all_words: string[] };
  const unknown = lexicon.all_words.filter((w) => tokenizer.encode(w, { addSpecialTokens: false }).some((t) => t.unknown));
  const senses = senseSimilarity(model, tokenizer, bank);
  const route = routing(model, tokenizer, routedCases(judgeCases));
  const answer = plan.answers ? answerAccuracy(model, tokenizer, judgeCases) : null;
  const meanOf = (r: Record<string, number>) => round(Object.values(r).reduce((a, b) => a + b, 0) / Object.values(r).length);
  const grid = (g: number[][]) => g.map((row) => row.map(round));
  return {
    coreferenceHead: [layer, head],
    // What the app shows (src/checkpoints/bundle.ts CorefMeta), judged on sentences the model never saw.
    coreference: {
      head: [layer, head],
      how: plan.trainedHead ? 'attention loss' : 'none',
      meetsBar: meets(heldChosen) && meets(publicChosen),
      measuredOn: 'generated sentences it never saw',
      cases: judgeCases.length,
      accuracy: heldChosen,
      everyHeadMean: meanByHead(judge),
      answers: plan.answers,
      ...(answer ? { answerAccuracy: meanOf(answer.prefers) } : {}),
      publicAccuracy: publicChosen,
      unaskedHeads: headsMeetingBar(judge, plan.trainedHead),
      route: routeSummary(route),
    },
    heldOut: { cases: judgeCases.length, seed: plan.judgeSeed, accuracy: heldChosen, everyHead: judge.accuracy.map((row) => row.map(roundAll)) },
    public: { cases: publicCases.length, accuracy: publicChosen, meetsBar: meets(publicChosen), everyHead: pub.accuracy.map((row) => row.map(roundAll)) },
    ...(answer ? { answer: { cases: answer.cases, top1: roundAll(answer.top1), prefers: roundAll(answer.prefers) } } : {}),
    routing: { cases: route.cases, predicateRow: grid(route.predicateRow), pronounRow: grid(route.pronounRow), pronounToPredicate: grid(route.pronounToPredicate) },
    seeds,
    heads: namedHeads(roleShares(model, tokenizer, world.generateCorpus(17, 200)), 0.4).map((h) => ({ ...h, share: round(h.share) })),
    bank: { sentences: bank.length, withinMoney: round(senses.within.money), withinRiver: round(senses.within.river), across: round(senses.across) },
    vocabulary: { size: tokenizer.vocabSize, lexiconWords: lexicon.all_words.length, unknownLexiconWords: unknown },
  };
}

/**
 * For a text model not trained on coreference (tiny-gpt): every head on public.tsv, the best
 * one named, in the card's `coreference` block, so the app can say plainly whether any head
 * links pronouns. The best of all heads on the same cases it is judged on, which flatters it.
 */
export function corefOnPublic(model: TransformerModel, tokenizer: Tokenizer, shared: SharedFiles) {
  const cases = parseCorefTsv(shared('coref/public.tsv'));
  const report = headAccuracies(model, tokenizer, cases);
  const best = bestCorefHead(report);
  const accuracy = roundAll(report.accuracy[best.layer][best.head]);
  return {
    head: [best.layer, best.head],
    how: 'none',
    meetsBar: meets(accuracy),
    measuredOn: 'sentences of public.tsv (the best of all heads on them)',
    cases: cases.length,
    accuracy,
    everyHeadMean: meanByHead(report),
    answers: false,
  };
}
