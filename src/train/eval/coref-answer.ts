/**
 * Two measurements beside the attention metric:
 * - the model's own answer: what its masked-LM head predicts at a visible pronoun (the coref
 *   recipe trains it to predict the antecedent noun there), right when the antecedent is the
 *   top word of the vocabulary, and "prefers" when it is more probable than the distractor;
 * - the route through the predicate (../shared/coref/RECIPES.md, "Why"): per head, whether the
 *   predicate's row picks the antecedent, whether the pronoun's row does, and how much of the
 *   pronoun's attention lands on the predicate.
 */
import { fillDistribution } from '../../models/fill.ts';
import { transformerForward, type TransformerModel } from '../../models/transformer.ts';
import { argmax, noGrad } from '../../runtime/index.ts';
import type { Tokenizer } from '../../tokenizers/index.ts';
import { tokensOf, wordAttention, type CorefCase, type Span } from './coref-metric.ts';

export interface AnswerReport {
  cases: number;
  top1: Record<string, number>; // per kind: the antecedent is the most probable word at the pronoun
  prefers: Record<string, number>; // per kind: p(antecedent) > p(distractor)
}

function spanIds(tokenizer: Tokenizer, c: CorefCase) {
  const tokens = tokenizer.encode(c.sentence);
  const [p, a, d] = [c.pronoun, c.antecedent, c.distractor].map((s) => tokensOf(tokens, s));
  if (!p.length || !a.length || !d.length) throw new Error(`coref answer: a span of "${c.sentence}" covers no token`);
  return { tokens, ids: tokens.map((t) => t.id), p, a, d };
}

/** Per kind, how often the prediction at the (visible) pronoun names the antecedent. */
export function answerAccuracy(model: TransformerModel, tokenizer: Tokenizer, cases: readonly CorefCase[]): AnswerReport {
  const count: Record<string, number> = {};
  const top1: Record<string, number> = {};
  const prefers: Record<string, number> = {};
  for (const c of cases) {
    const { ids, p, a, d } = spanIds(tokenizer, c);
    const probs = fillDistribution(model, ids, p[0]);
    const best = argmax(probs);
    count[c.kind] = (count[c.kind] ?? 0) + 1;
    top1[c.kind] = (top1[c.kind] ?? 0) + (best === ids[a[0]] ? 1 : 0);
    prefers[c.kind] = (prefers[c.kind] ?? 0) + (probs[ids[a[0]]] > probs[ids[d[0]]] ? 1 : 0);
  }
  const rate = (r: Record<string, number>) => Object.fromEntries(Object.keys(count).map((k) => [k, (r[k] ?? 0) / count[k]]));
  return { cases: cases.length, top1: rate(top1), prefers: rate(prefers) };
}

export interface RoutingReport {
  cases: number;
  predicateRow: number[][]; // [layer][head]: the predicate's row gives the antecedent more than the distractor
  pronounRow: number[][]; // [layer][head]: the pronoun's row does
  pronounToPredicate: number[][]; // [layer][head]: mean share of the pronoun's attention on the predicate
}

/** A case with the span of its predicate word (the word after the pronoun that decides it). */
export interface RoutedCase extends CorefCase {
  predicate: Span;
}

/** Where the referent is picked: on the predicate's row or on the pronoun's row. */
export function routing(model: TransformerModel, tokenizer: Tokenizer, cases: readonly RoutedCase[]): RoutingReport {
  const { nLayers, nHeads } = model.config;
  const grid = () => Array.from({ length: nLayers }, () => new Array<number>(nHeads).fill(0));
  const [pred, pron, mass] = [grid(), grid(), grid()];
  for (const c of cases) {
    const { tokens, ids, p, a, d } = spanIds(tokenizer, c);
    const q = tokensOf(tokens, c.predicate);
    const T = ids.length;
    const trace = noGrad(() => transformerForward(model, [ids], { trace: true, logits: false }).trace!);
    trace.layers.forEach((layer, l) => layer.heads.forEach((h, hd) => {
      const w = h.weights.data;
      pred[l][hd] += wordAttention(w, T, q, a) > wordAttention(w, T, q, d) ? 1 : 0;
      pron[l][hd] += wordAttention(w, T, p, a) > wordAttention(w, T, p, d) ? 1 : 0;
      mass[l][hd] += wordAttention(w, T, p, q);
    }));
  }
  const n = Math.max(1, cases.length);
  const avg = (g: number[][]) => g.map((row) => row.map((x) => x / n));
  return { cases: cases.length, predicateRow: avg(pred), pronounRow: avg(pron), pronounToPredicate: avg(mass) };
}
