/**
 * The two products of the coref world: a training corpus of plain sentences for masked-
 * language modelling, and labelled coreference cases (pronoun, antecedent and distractor
 * spans, like ../shared/coref/public.tsv) to judge a trained model on sentences it never saw.
 * Both are pure functions of a seed.
 */
import { Rng } from '../../runtime/index.ts';
import * as extra from './extras.ts';
import { KINDS, sampleFrame, type Kind } from './frames.ts';
import { renderFrame, renderQuestion, renderRestatement, renderReverse } from './render.ts';
import { bankSentence, dummyItSentence, type Sense } from './senses.ts';
import { Line, type Span } from './text.ts';
import { sampleStyle, weighted } from './variation.ts';
import type { Frame, Role } from './world.ts';

/** One labelled case. Spans are [start, end) character offsets into `sentence`. */
export interface CorefExample {
  id: number;
  kind: Kind;
  sentence: string;
  pronoun: Span;
  antecedent: Span;
  distractor: Span;
  frame: Frame; // the typed facts that decide the case
}

export interface LabelledOptions {
  kinds?: readonly Kind[]; // default: all seven, in turn
  exclude?: ReadonlySet<string>; // sentences never to return, e.g. sentencesOf(training corpus)
}

/**
 * `count` distinct labelled cases, the kinds taken in turn, and within each kind the
 * antecedent alternately first and second, so "pick the nearer candidate" scores 50%.
 */
export function generateLabelled(seed: number, count: number, opts: LabelledOptions = {}): CorefExample[] {
  const rng = new Rng(seed);
  const kinds = opts.kinds ?? KINDS;
  const seen = new Set<string>();
  const perKind = new Map<Kind, number>();
  const out: CorefExample[] = [];
  for (let id = 0; id < count; id++) {
    const kind = kinds[id % kinds.length];
    const n = perKind.get(kind) ?? 0;
    perKind.set(kind, n + 1);
    const antecedent: Role = n % 2 === 0 ? 'subject' : 'object';
    for (let attempt = 0; ; attempt++) {
      if (attempt === 2000) throw new Error(`coref world: cannot find ${count} distinct ${kind} cases`);
      const frame = sampleFrame(rng, kind, { antecedent, contrast: false });
      const r = renderFrame(frame, sampleStyle(rng, frame.relation, false));
      if (seen.has(r.sentence) || opts.exclude?.has(r.sentence)) continue;
      seen.add(r.sentence);
      const [ante, dis] = antecedent === 'subject' ? [r.subject, r.object] : [r.object, r.subject];
      out.push({ id, kind, sentence: r.sentence, pronoun: r.pronoun, antecedent: ante, distractor: dis, frame });
      break;
    }
  }
  return out;
}

export interface TrainingCaseOptions {
  kinds?: Partial<Record<Kind, number>>; // overrides DEFAULT_KIND_MIX weights
  contrast?: number; // share whose two candidates take different pronouns (0.5)
  exclude?: ReadonlySet<string>; // sentences never to return (a judge set, public.tsv)
}

/**
 * `count` labelled cases for training, unlike generateLabelled's judge sets: kinds drawn by
 * weight, antecedent first or second at random, candidates that differ in pronoun `contrast`
 * of the time, and the corpus's wider styles. Repeats are allowed; excluded sentences never.
 */
export function sampleTrainingCases(seed: number, count: number, opts: TrainingCaseOptions = {}): CorefExample[] {
  const rng = new Rng(seed);
  const kindMix = Object.entries({ ...DEFAULT_KIND_MIX, ...opts.kinds }) as [Kind, number][];
  const contrast = opts.contrast ?? 0.5;
  const out: CorefExample[] = [];
  for (let attempt = 0; out.length < count; attempt++) {
    if (attempt > 100 * count) throw new Error('coref world: the exclusions leave no training case');
    const kind = weighted(rng, kindMix);
    const antecedent: Role = rng.next() < 0.5 ? 'subject' : 'object';
    const frame = sampleFrame(rng, kind, { antecedent, contrast: rng.next() < contrast });
    const r = renderFrame(frame, sampleStyle(rng, frame.relation, true));
    if (opts.exclude?.has(r.sentence)) continue;
    const [ante, dis] = antecedent === 'subject' ? [r.subject, r.object] : [r.object, r.subject];
    out.push({ id: out.length, kind, sentence: r.sentence, pronoun: r.pronoun, antecedent: ante, distractor: dis, frame });
  }
  return out;
}

/** The cases as public.tsv lays them out: a header, then one tab-separated row each. */
export function labelledTsv(cases: readonly CorefExample[]): string {
  const head = 'id\tkind\tsentence\tpronoun_start\tpronoun_end\tantecedent_start\tantecedent_end\tdistractor_start\tdistractor_end';
  const rows = cases.map((c) => [c.id, c.kind, c.sentence, ...c.pronoun, ...c.antecedent, ...c.distractor].join('\t'));
  return [head, ...rows].join('\n') + '\n';
}

/**
 * Every sentence of some corpus lines, split after "." and "?", so a judge set can exclude
 * a case even where the corpus wrote it with a follow-up:
 * `generateLabelled(seed, n, { exclude: sentencesOf(corpus) })`.
 */
export function sentencesOf(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) for (const s of line.split(/(?<=[.?]) /)) out.add(s);
  return out;
}

/** Templates for sentences that are not coreference cases, by name. */
const EXTRAS = {
  'fact-is-a': extra.factIsA,
  'fact-trait': extra.factTrait,
  possessive: extra.possessive,
  'and-pronoun': extra.andPronoun,
  'when-after': extra.whenAfter,
  'but-still': extra.butStill,
  story: extra.story,
  'seed-words': extra.seedWords,
  'bank-money': (rng: Rng, line: Line) => void line.add(bankSentence(rng, 'money').sentence),
  'bank-river': (rng: Rng, line: Line) => void line.add(bankSentence(rng, 'river').sentence),
  'dummy-it': (rng: Rng, line: Line) => void line.add(dummyItSentence(rng).sentence),
} as const satisfies Record<string, (rng: Rng, line: Line) => void>;

type ExtraTemplate = keyof typeof EXTRAS;

/** How a corpus line is built: a case (alone or followed up), or another sentence of the world. */
export type CorpusTemplate = 'case' | 'case+restate' | 'case+question' | 'case-reverse' | ExtraTemplate;

/** Default share of each template in the corpus (relative weights). */
export const DEFAULT_MIX: Readonly<Record<CorpusTemplate, number>> = {
  case: 0.4, // "The man didn't cross the street because he was too tired."
  'case+restate': 0.08, // "... because it was too wide. The street was too wide."
  'case+question': 0.04, // "... because she was grateful. Who was grateful? Mary."
  'case-reverse': 0.08, // "The street was too wide, so the animal didn't cross it."
  'fact-is-a': 0.06,
  'fact-trait': 0.07,
  possessive: 0.05,
  'and-pronoun': 0.04,
  'when-after': 0.03,
  'but-still': 0.02,
  story: 0.04,
  'seed-words': 0.015,
  'bank-money': 0.04,
  'bank-river': 0.04,
  'dummy-it': 0.015,
};

export const CORPUS_TEMPLATES = Object.keys(DEFAULT_MIX) as CorpusTemplate[];

/** Default share of each kind among the corpus's cases. */
export const DEFAULT_KIND_MIX: Readonly<Record<Kind, number>> = {
  seed: 0.04, animacy: 0.2, gender: 0.16, number: 0.16, cross: 0.16, fit: 0.12, winograd: 0.16,
};

const REVERSIBLE = new Set<Kind>(['cross', 'fit', 'winograd']);

export interface CorpusOptions {
  mix?: Partial<Record<CorpusTemplate, number>>; // overrides DEFAULT_MIX weights
  kinds?: Partial<Record<Kind, number>>; // overrides DEFAULT_KIND_MIX weights
  contrast?: number; // share of cases whose two candidates take different pronouns (0.5)
  exclude?: ReadonlySet<string>; // sentences never to emit, e.g. a judge set from generateLabelled
}

export interface CorpusLine {
  text: string;
  template: CorpusTemplate;
  kind: Kind | null; // the case's kind, for case templates
}

/** `count` corpus lines with the template (and kind) that wrote each. */
export function generateCorpusLines(seed: number, count: number, opts: CorpusOptions = {}): CorpusLine[] {
  const rng = new Rng(seed);
  const mix = Object.entries({ ...DEFAULT_MIX, ...opts.mix }) as [CorpusTemplate, number][];
  const kindMix = Object.entries({ ...DEFAULT_KIND_MIX, ...opts.kinds }) as [Kind, number][];
  const contrast = opts.contrast ?? 0.5;
  const out: CorpusLine[] = [];
  while (out.length < count) {
    const template = weighted(rng, mix);
    const line = new Line();
    let kind: Kind | null = null;
    if (template in EXTRAS) {
      EXTRAS[template as ExtraTemplate](rng, line);
    } else {
      // Reversed, only causes read well: "The box was too small, so the toy didn't fit in it."
      kind = weighted(rng, template === 'case-reverse' ? kindMix.filter(([k]) => REVERSIBLE.has(k)) : kindMix);
      const antecedent: Role = rng.next() < 0.5 ? 'subject' : 'object';
      const frame = sampleFrame(rng, kind, { antecedent, contrast: rng.next() < contrast });
      const style = sampleStyle(rng, frame.relation, true);
      if (template === 'case-reverse') {
        renderReverse(frame, style, line);
      } else {
        const { sentence } = renderFrame(frame, style, line);
        // A held-out case must not reach training even with a follow-up after it.
        if (opts.exclude?.has(sentence)) continue;
        if (template === 'case+restate') renderRestatement(frame, style, line);
        if (template === 'case+question') renderQuestion(frame, style, line);
      }
    }
    const text = line.toString();
    if (opts.exclude?.has(text)) continue;
    out.push({ text, template, kind });
  }
  return out;
}

/** `count` plain training sentences (a line may hold a case and its follow-up). */
export function generateCorpus(seed: number, count: number, opts: CorpusOptions = {}): string[] {
  return generateCorpusLines(seed, count, opts).map((l) => l.text);
}

/** Sentences using "bank" as money's or as a river's, alternating, with the span of "bank". */
export function generateBankSenses(seed: number, count: number): { sentence: string; sense: Sense; bank: Span }[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const sense: Sense = i % 2 === 0 ? 'money' : 'river';
    return { sense, ...bankSentence(rng, sense) };
  });
}

/**
 * Sentences whose "it" names nothing ("She drove the car because it was raining."): no
 * antecedent, so they are kept out of the coreference cases; `nearest` is the noun a
 * nearest-mention guess would wrongly pick.
 */
export function generateDummyIt(seed: number, count: number): { sentence: string; pronoun: Span; nearest: Span }[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => dummyItSentence(rng));
}
