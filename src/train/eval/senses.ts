/**
 * Contextual vectors: the final hidden state of a word in context. Two senses of one word
 * ("bank" of money, "bank" of a river) should sit closer within a sense than across senses.
 * Measured as mean cosine similarity over all pairs of occurrences.
 */
import { transformerForward, type TransformerModel } from '../../models/transformer.ts';
import { cosine, noGrad } from '../../runtime/index.ts';
import type { Tokenizer } from '../../tokenizers/index.ts';
import { tokensOf, type Span } from './coref-metric.ts';

export interface SenseExample {
  sentence: string;
  sense: string;
  span: Span; // the word whose vector is compared
}

/** The word's final hidden state (mean over its tokens). */
export function contextualVector(model: TransformerModel, tokenizer: Tokenizer, sentence: string, span: Span): Float64Array {
  const tokens = tokenizer.encode(sentence);
  const idx = tokensOf(tokens, span);
  if (idx.length === 0) throw new Error(`contextual vector: no token covers [${span[0]}, ${span[1]}) in "${sentence}"`);
  const hidden = noGrad(() => transformerForward(model, [tokens.map((t) => t.id)], { logits: false }).hidden);
  const d = hidden.shape[1];
  const v = new Float64Array(d);
  for (const i of idx) for (let j = 0; j < d; j++) v[j] += hidden.data[i * d + j] / idx.length;
  return v;
}

/** Mean cosine within each sense and across the two senses (every pair counted once). */
export function senseSimilarity(model: TransformerModel, tokenizer: Tokenizer, examples: readonly SenseExample[]): { within: Record<string, number>; across: number } {
  const vecs = examples.map((e) => ({ sense: e.sense, v: contextualVector(model, tokenizer, e.sentence, e.span) }));
  const sums = new Map<string, [number, number]>();
  let across = 0;
  let acrossN = 0;
  for (let i = 0; i < vecs.length; i++) {
    for (let j = i + 1; j < vecs.length; j++) {
      const c = cosine(vecs[i].v, vecs[j].v);
      if (vecs[i].sense === vecs[j].sense) {
        const s = sums.get(vecs[i].sense) ?? [0, 0];
        sums.set(vecs[i].sense, [s[0] + c, s[1] + 1]);
      } else {
        across += c;
        acrossN++;
      }
    }
  }
  return { within: Object.fromEntries([...sums].map(([k, [t, n]]) => [k, t / n])), across: acrossN ? across / acrossN : Number.NaN };
}
