/**
 * What a model card says about pronouns (card.json's `coreference` block), read and checked on
 * its own, without the checkpoint loader, so pages that only show cards stay small.
 */
import { CheckpointError } from './errors.ts';

/** A card's coreference measurement, as the app shows it beside the model and its heads. */
export interface CorefMeta {
  head: [number, number]; // the named head (0-based): trained to link pronouns, or the best one
  how: 'attention loss' | 'none'; // how that head got there
  meetsBar: boolean; // ../shared/coref/README.md's bar, on every set the card measured
  measuredOn: string; // e.g. "generated sentences it never saw", "public.tsv"
  cases: number;
  accuracy: Record<string, number>; // the named head, per kind
  everyHeadMean: number[][]; // [layer][head]: mean accuracy over kinds on the same cases
  answers: boolean; // the masked-LM head names the antecedent at a visible pronoun
  answerAccuracy?: number; // how often that answer gives the antecedent more probability than the distractor, mean over kinds, same cases
  /** The route through the predicate: the head whose predicate row best picks the antecedent, and the head whose pronoun row reads the predicate most. */
  route?: { cases: number; predicateRow: { head: [number, number]; value: number }; pronounToPredicate: { head: [number, number]; value: number } };
}

const isHeadValue = (v: unknown): boolean => {
  const x = v as { head?: unknown; value?: unknown } | null;
  return !!x && Array.isArray(x.head) && x.head.length === 2 && x.head.every((n) => Number.isInteger(n) && n >= 0) && typeof x.value === 'number';
};

const isGrid = (g: unknown): g is number[][] => Array.isArray(g) && g.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'number' && x >= 0 && x <= 1));

/** Reads card.coreference, refusing anything malformed (card.json is data, not code). */
export function parseCoreference(raw: unknown): CorefMeta | undefined {
  if (raw === undefined) return undefined;
  const c = raw as Partial<CorefMeta>;
  const ok = Array.isArray(c.head) && c.head.length === 2 && c.head.every((n) => Number.isInteger(n) && n >= 0)
    && (c.how === 'attention loss' || c.how === 'none') && typeof c.meetsBar === 'boolean' && typeof c.measuredOn === 'string'
    && Number.isInteger(c.cases) && typeof c.accuracy === 'object' && c.accuracy !== null
    && Object.values(c.accuracy).every((x) => typeof x === 'number') && isGrid(c.everyHeadMean) && typeof c.answers === 'boolean';
  if (!ok) throw new CheckpointError('card.json: coreference is malformed');
  if (c.answerAccuracy !== undefined && !(typeof c.answerAccuracy === 'number' && c.answerAccuracy >= 0 && c.answerAccuracy <= 1)) throw new CheckpointError('card.json: coreference.answerAccuracy is malformed');
  const meta: CorefMeta = { head: [c.head![0], c.head![1]], how: c.how!, meetsBar: c.meetsBar!, measuredOn: c.measuredOn!, cases: c.cases!, accuracy: { ...c.accuracy! }, everyHeadMean: c.everyHeadMean!, answers: c.answers! };
  if (c.answerAccuracy !== undefined) meta.answerAccuracy = c.answerAccuracy;
  if (c.route !== undefined) {
    if (!(Number.isInteger(c.route?.cases) && isHeadValue(c.route?.predicateRow) && isHeadValue(c.route?.pronounToPredicate))) throw new CheckpointError('card.json: coreference.route is malformed');
    meta.route = c.route;
  }
  return meta;
}
