/**
 * Multi-head attention recomputed from the weights for the lesson: the heads' outputs side
 * by side, their concatenation, W_O; what each head does on a sentence (shares of attention
 * to the previous token, the next, itself, the delimiters, the same word); and how far apart
 * the contextual vectors of "bank" sit in its two senses, layer by layer.
 */
import { tokensOf } from '../../src/train/eval/coref-metric.ts';
import type { TransformerModel, TransformerTrace } from '../../src/models/transformer.ts';
import { concatCols, linear, noGrad, type Tensor, cosine } from '../../src/runtime/index.ts';
import type { Tokenizer } from '../../src/tokenizers/index.ts';
import { transformerForward } from '../../src/models/transformer.ts';

/** Concatenates every head's output of a layer (T, nHeads * dHead) and applies W_O. */
export function concatAndProject(model: TransformerModel, trace: TransformerTrace, layer: number): { concat: Tensor; projected: Tensor } {
  const a = model.weights.blocks[layer].attn;
  return noGrad(() => {
    const concat = concatCols(trace.layers[layer].heads.map((h) => h.out)); // (T, nHeads * dHead)
    return { concat, projected: linear(concat, a.wo, a.bo) };
  });
}

export { cosine };

/**
 * The word's vector at every depth: the embeddings (depth 0), then each layer's output;
 * a word of several tokens is the mean of its tokens' rows.
 */
export function wordVectorsByDepth(model: TransformerModel, tokenizer: Tokenizer, sentence: string, span: readonly [number, number]): Float32Array[] {
  const tokens = tokenizer.encode(sentence);
  const idx = tokensOf(tokens, span);
  if (idx.length === 0) throw new Error(`no token covers “${sentence.slice(span[0], span[1])}”`);
  const trace = noGrad(() => transformerForward(model, [tokens.map((t) => t.id)], { trace: true, logits: false }).trace!);
  const d = model.config.dModel;
  const mean = (m: Tensor) => {
    const v = new Float32Array(d);
    for (const i of idx) for (let j = 0; j < d; j++) v[j] += m.data[i * d + j] / idx.length;
    return v;
  };
  return [mean(trace.embeddings), ...trace.layers.map((l) => mean(l.output))];
}

export interface SenseExample {
  sentence: string;
  sense: string;
  span: readonly [number, number];
}

/** Per depth: mean cosine within each sense and across senses (every pair once). */
export function senseDrift(model: TransformerModel, tokenizer: Tokenizer, examples: readonly SenseExample[]): { within: number[]; across: number[] } {
  const vecs = examples.map((e) => wordVectorsByDepth(model, tokenizer, e.sentence, e.span));
  const depths = vecs[0]?.length ?? 0;
  const within: number[] = [];
  const across: number[] = [];
  for (let l = 0; l < depths; l++) {
    let w = 0;
    let wn = 0;
    let a = 0;
    let an = 0;
    for (let i = 0; i < examples.length; i++) {
      for (let j = i + 1; j < examples.length; j++) {
        const c = cosine(vecs[i][l], vecs[j][l]);
        if (examples[i].sense === examples[j].sense) {
          w += c;
          wn++;
        } else {
          a += c;
          an++;
        }
      }
    }
    within.push(wn ? w / wn : Number.NaN);
    across.push(an ? a / an : Number.NaN);
  }
  return { within, across };
}

/** Where "bank" is in a sentence, or null. */
export function bankSpan(s: string): [number, number] | null {
  const m = /\bbank\b/i.exec(s);
  return m ? [m.index, m.index + 4] : null;
}

/** Per depth, the cosine between the "bank" vectors of two sentences; or why it cannot be measured. */
export function bankPair(model: TransformerModel, tokenizer: Tokenizer, first: string, second: string): { cos: number[] } | { error: string } {
  const sa = bankSpan(first);
  const sc = bankSpan(second);
  if (!sa || !sc) return { error: 'Both sentences need the word “bank”.' };
  try {
    const va = wordVectorsByDepth(model, tokenizer, first, sa);
    const vc = wordVectorsByDepth(model, tokenizer, second, sc);
    return { cos: va.map((v, l) => cosine(v, vc[l])) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
