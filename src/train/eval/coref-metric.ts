/**
 * The coreference metric of ../shared/coref/README.md (after Clark et al. 2019): attention
 * from a word is the mean of its tokens' rows, attention to a word the sum over its tokens'
 * columns; a case is right for a head when the pronoun gives its antecedent more attention
 * than the distractor. Every head of every layer is scored, per kind.
 */
import { transformerForward, type TransformerModel } from '../../models/transformer.ts';
import { noGrad } from '../../runtime/index.ts';
import type { Token, Tokenizer } from '../../tokenizers/index.ts';

export type Span = readonly [start: number, end: number];

export interface CorefCase {
  kind: string;
  sentence: string;
  pronoun: Span;
  antecedent: Span;
  distractor: Span;
}

/** Token indices whose characters lie inside the span (special tokens have none). */
export function tokensOf(tokens: readonly Token[], span: Span): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (t.start !== null && t.end !== null && t.start >= span[0] && t.end <= span[1] && t.end > t.start) out.push(i);
  });
  return out;
}

/** Attention from one word to another in a (T, T) matrix: mean over source rows, sum over target columns. */
export function wordAttention(weights: Float32Array, T: number, from: readonly number[], to: readonly number[]): number {
  let total = 0;
  for (const i of from) for (const j of to) total += weights[i * T + j];
  return total / from.length;
}

export interface CaseScores {
  /** [layer][head]: attention from the pronoun to the antecedent minus to the distractor. */
  margin: number[][];
}

/** Scores one case on every head. Throws if a span covers no token (a tokenizer mismatch). */
export function scoreCase(model: TransformerModel, tokenizer: Tokenizer, c: CorefCase): CaseScores {
  const tokens = tokenizer.encode(c.sentence);
  const [p, a, d] = [c.pronoun, c.antecedent, c.distractor].map((s) => tokensOf(tokens, s));
  if (!p.length || !a.length || !d.length) throw new Error(`coref metric: a span of "${c.sentence}" covers no token`);
  const trace = noGrad(() => transformerForward(model, [tokens.map((t) => t.id)], { trace: true, logits: false }).trace!);
  const T = tokens.length;
  return {
    margin: trace.layers.map((layer) =>
      layer.heads.map((h) => wordAttention(h.weights.data, T, p, a) - wordAttention(h.weights.data, T, p, d)),
    ),
  };
}

export interface HeadReport {
  /** [layer][head] -> kind -> accuracy in [0, 1]. */
  accuracy: Array<Array<Record<string, number>>>;
  counts: Record<string, number>;
}

/** Accuracy of every head on every kind of case. */
export function headAccuracies(model: TransformerModel, tokenizer: Tokenizer, cases: readonly CorefCase[]): HeadReport {
  const { nLayers, nHeads } = model.config;
  const right = Array.from({ length: nLayers }, () => Array.from({ length: nHeads }, () => ({}) as Record<string, number>));
  const counts: Record<string, number> = {};
  for (const c of cases) {
    counts[c.kind] = (counts[c.kind] ?? 0) + 1;
    const { margin } = scoreCase(model, tokenizer, c);
    margin.forEach((row, l) => row.forEach((m, h) => {
      right[l][h][c.kind] = (right[l][h][c.kind] ?? 0) + (m > 0 ? 1 : 0);
    }));
  }
  const accuracy = right.map((row) => row.map((byKind) => Object.fromEntries(Object.keys(counts).map((k) => [k, (byKind[k] ?? 0) / counts[k]]))));
  return { accuracy, counts };
}

/** The README's bar: at least 90% on every kind but winograd, at least 75% on winograd. */
export function threshold(kind: string): number {
  return kind === 'winograd' ? 0.75 : 0.9;
}

/**
 * The head whose worst kind clears its threshold by the most (ties: higher mean accuracy):
 * the head a model card names as its coreference head.
 */
export function bestCorefHead(report: HeadReport): { layer: number; head: number; worstMargin: number; mean: number } {
  let best = { layer: 0, head: 0, worstMargin: -Infinity, mean: -Infinity };
  report.accuracy.forEach((row, layer) => row.forEach((byKind, head) => {
    const kinds = Object.keys(byKind);
    const worstMargin = Math.min(...kinds.map((k) => byKind[k] - threshold(k)));
    const mean = kinds.reduce((s, k) => s + byKind[k], 0) / kinds.length;
    if (worstMargin > best.worstMargin || (worstMargin === best.worstMargin && mean > best.mean)) best = { layer, head, worstMargin, mean };
  }));
  return best;
}

/** [layer][head]: each head's accuracy averaged over the kinds (what the app ranks heads by). */
export function meanByHead(report: HeadReport): number[][] {
  return report.accuracy.map((row) => row.map((byKind) => {
    const v = Object.values(byKind);
    return v.length ? Number((v.reduce((a, b) => a + b, 0) / v.length).toFixed(4)) : 0;
  }));
}

/** True when every kind clears the README's bar. */
export function meetsBar(accuracy: Record<string, number>): boolean {
  return Object.entries(accuracy).every(([k, v]) => v >= threshold(k));
}
