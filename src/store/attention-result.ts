/**
 * What one attention run produces, as the store holds it. The model worker's protocol
 * (src/app/worker/protocol.ts) sends exactly this type, so the app passes a result from the
 * worker to the store without copying; it is defined here so the store never imports src/app.
 */

/** One token as the explorer shows it. */
export interface ResultToken {
  text: string; // vocabulary string ("##ing", "[CLS]")
  start: number | null; // UTF-16 offsets into the input text; null for added tokens
  end: number | null;
  unknown: boolean; // the tokenizer had no entry: the model never saw this word
  special: boolean; // added by the tokenizer ([CLS], [SEP], BOS), not from the text
}

/** A head the model's card names (e.g. "coreference", "previous token"). */
export interface NamedHead {
  layer: number;
  head: number;
  role: string;
  evidence?: string;
}

export interface AttentionResult {
  modelId: string;
  text: string; // the input text the offsets refer to
  tokens: ResultToken[];
  nLayers: number;
  nHeads: number;
  causal: boolean; // a decoder: every row is zero right of the diagonal
  /** Every head's weights, (nLayers, nHeads, T, T) row-major: [layer][head][query][key]. */
  attention: Float32Array;
  coreferenceHead?: [number, number]; // a head the card shows resolving pronouns
  bestPronounHead?: [number, number]; // the card's best head at pronouns when it does not meet the bar
  heads?: NamedHead[];
  unknownWords: string[]; // source words the tokenizer could not read, each once
  ms: number; // time of tokenizing and the forward pass
}

/** The (T, T) weights of one head, a view into result.attention (no copy). */
export function headWeights(result: AttentionResult, layer: number, head: number): Float32Array {
  if (!(layer >= 0 && layer < result.nLayers && head >= 0 && head < result.nHeads)) {
    throw new RangeError(`headWeights: layer ${layer}, head ${head} is outside ${result.nLayers} layers x ${result.nHeads} heads`);
  }
  const T = result.tokens.length;
  const offset = (layer * result.nHeads + head) * T * T;
  return result.attention.subarray(offset, offset + T * T);
}
