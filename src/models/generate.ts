/**
 * Token-by-token generation with a decoder: the distribution over the next token at the
 * last position, greedy choice or sampling with a temperature.
 */
import { argmax, noGrad, type Rng } from '../runtime/index.ts';
import { transformerForward, type TransformerModel } from './transformer.ts';

/** Softmax of logits / temperature, computed in double precision. */
export function nextTokenProbabilities(logits: Float32Array, temperature = 1): Float64Array {
  if (!(temperature > 0)) throw new RangeError(`temperature must be > 0, got ${temperature}`);
  let max = -Infinity;
  for (const v of logits) if (v > max) max = v;
  const p = new Float64Array(logits.length);
  let z = 0;
  for (let i = 0; i < logits.length; i++) {
    p[i] = Math.exp((logits[i] - max) / temperature);
    z += p[i];
  }
  for (let i = 0; i < p.length; i++) p[i] /= z;
  return p;
}

/** The runtime's topK (src/runtime/numeric.ts), re-exported for the callers that rank logits here. */
export { topK } from '../runtime/index.ts';

/** Logits at the last position of a single sequence, cropped to the model's window. */
export function lastLogits(model: TransformerModel, ids: readonly number[]): Float32Array {
  const { config: cfg } = model;
  // Learned position tables end at maxPositions: keep the most recent window (as minGPT does).
  const window = cfg.positions === 'learned' ? ids.slice(-cfg.maxPositions) : ids;
  const out = noGrad(() => transformerForward(model, [window]).output);
  const V = cfg.vocabSize;
  return out.data.slice((window.length - 1) * V, window.length * V);
}

export interface GenerateOptions {
  maxNew: number;
  temperature?: number; // 0 or absent: greedy
  rng?: Rng; // needed when sampling
  stopAt?: number; // an end-of-sequence id
}

/** Extends `prompt` by up to maxNew tokens; returns only the new ids. */
export function generate(model: TransformerModel, prompt: readonly number[], o: GenerateOptions): number[] {
  if (!model.config.causal || model.config.lmHead === 'none') throw new Error('generate: needs a causal language model');
  if (prompt.length === 0) throw new Error('generate: needs at least one prompt token');
  const ids = [...prompt];
  const out: number[] = [];
  for (let s = 0; s < o.maxNew; s++) {
    const logits = lastLogits(model, ids);
    let next: number;
    if (!o.temperature) {
      next = argmax(logits);
    } else {
      if (!o.rng) throw new Error('generate: sampling needs an rng');
      const p = nextTokenProbabilities(logits, o.temperature);
      let u = o.rng.next();
      next = p.length - 1;
      for (let i = 0; i < p.length; i++) {
        u -= p[i];
        if (u < 0) {
          next = i;
          break;
        }
      }
    }
    ids.push(next);
    out.push(next);
    if (next === o.stopAt) break;
  }
  return out;
}
