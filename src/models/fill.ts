/**
 * What a masked-LM says belongs at one position: the softmax of its logits there, ranked.
 * For a [MASK] this is BERT's fill-in; for the coref model's visible pronoun it is the noun
 * the model thinks the pronoun means (it was trained to predict that noun there).
 */
import { noGrad, softmax } from '../runtime/index.ts';
import { transformerForward, type TransformerModel } from './transformer.ts';

export interface Fill {
  id: number;
  p: number; // softmax probability over the whole vocabulary
}

/** Probabilities over the vocabulary at `position` of the id sequence. */
export function fillDistribution(model: TransformerModel, ids: readonly number[], position: number): Float32Array {
  if (model.config.lmHead === 'none') throw new Error('fill: this model has no language-model head');
  if (position < 0 || position >= ids.length) throw new RangeError(`fill: position ${position} is outside ${ids.length} tokens`);
  return noGrad(() => softmax(transformerForward(model, [ids], { headRows: [position] }).output).data);
}

/** The k most probable ids at `position`, highest first; `allowed` restricts the candidates. */
export function topFills(model: TransformerModel, ids: readonly number[], position: number, k: number, allowed?: (id: number) => boolean): Fill[] {
  const p = fillDistribution(model, ids, position);
  const order = Array.from(p.keys()).filter((i) => allowed?.(i) ?? true);
  order.sort((a, b) => p[b] - p[a]);
  return order.slice(0, k).map((id) => ({ id, p: p[id] }));
}
