/**
 * What one attention run produces, as the store holds it, and the one function that builds it
 * from a model's trace (resultFromTrace: the worker and the lessons both use it). The model
 * worker's protocol (src/app/worker/protocol.ts) sends exactly this type, so the app passes a
 * result from the worker to the store without copying; it is defined here so the store never
 * imports src/app.
 */
import type { CorefMeta, ModelBundle } from '../checkpoints/bundle.ts';
import type { TransformerTrace } from '../models/transformer.ts';
import { readWords, skippableIds, tokenLabel, type Token, type UnseenWord } from '../tokenizers/index.ts';

export type { CorefMeta, UnseenWord };

/** One token as the explorer shows it. */
export interface ResultToken {
  text: string; // vocabulary string ("##ing", "[CLS]")
  start: number | null; // UTF-16 offsets into the input text; null for added tokens
  end: number | null;
  unknown: boolean; // the tokenizer emitted its unknown token
  unseen: boolean; // part of a word the vocabulary has no whole entry for (unknown, or split into pieces)
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
  coreference?: CorefMeta; // what the card measured about pronouns
  heads?: NamedHead[];
  unseenWords: UnseenWord[]; // words the model never saw whole, in order
  predictions: Prediction[]; // what the masked-LM head puts at a typed [MASK] or (coref) a pronoun
  maskable: boolean; // an encoder with an LM head and a [MASK] token: hiding a word asks it to fill the blank
  ms: number; // time of tokenizing and the forward pass
  threads?: number; // threads that could split large matrix products (the model worker's gemm pool)
}

/** One word the model's LM head proposes for a position, with its probability. */
export interface Fill {
  text: string;
  p: number;
}

export interface Prediction {
  position: number; // token index
  why: 'mask' | 'pronoun'; // a typed [MASK], or a pronoun of a model trained to name its antecedent
  fills: Fill[]; // most probable first, over the whole vocabulary
  inSentence: Fill[]; // for a pronoun: every word of the sentence, most probable first (empty for a [MASK])
}

/** Pronouns whose antecedent the coref model names, and the Explorer follows by default. */
export const PRONOUNS: ReadonlySet<string> = new Set(['it', 'he', 'she', 'they', 'him', 'her', 'them', 'its', 'his', 'their']);

type TextBundle = Extract<ModelBundle, { kind: 'text' }>;

/** Token positions whose LM prediction the page shows: typed [MASK]s, and pronouns for a model that names antecedents. */
export function predictionPositions(bundle: TextBundle, tokens: readonly Token[]): Array<{ position: number; why: Prediction['why'] }> {
  const { model, tokenizer, meta } = bundle;
  if (!tokenizer || model.config.causal || model.config.lmHead === 'none') return [];
  const mask = tokenizer.specialIds.mask;
  const out: Array<{ position: number; why: Prediction['why'] }> = [];
  tokens.forEach((t, i) => {
    if (mask !== undefined && t.id === mask) out.push({ position: i, why: 'mask' });
    else if (meta.coreference?.answers && PRONOUNS.has(t.text.toLowerCase())) out.push({ position: i, why: 'pronoun' });
  });
  return out;
}

/**
 * The k most probable words at each position of `at`, from softmax rows (row r for at[r], or
 * rows[r] when given), and for a pronoun the probability of each word of the sentence itself
 * (what the app reads the model's answer from: the nouns it could mean).
 */
export function topWords(bundle: TextBundle, probs: Float32Array, at: ReturnType<typeof predictionPositions>, tokens: readonly Token[], k = 5, rows?: readonly number[]): Prediction[] {
  const V = bundle.model.config.vocabSize;
  const skip = bundle.tokenizer ? skippableIds(bundle.tokenizer.specialIds) : new Set<number>();
  const sentenceIds = [...new Set(tokens.filter((t) => t.start !== null && !skip.has(t.id)).map((t) => t.id))];
  const word = (id: number) => bundle.tokenizer?.idToToken(id) ?? String(id);
  return at.map(({ position, why }, i) => {
    const r = rows ? rows[i] : i;
    const row = probs.subarray(r * V, (r + 1) * V);
    const ids = Array.from(row.keys()).filter((id) => !skip.has(id)).sort((a, b) => row[b] - row[a]).slice(0, k);
    const inSentence = why === 'pronoun' ? [...sentenceIds].sort((a, b) => row[b] - row[a]).map((id) => ({ text: word(id), p: row[id] })) : [];
    return { position, why, fills: ids.map((id) => ({ text: word(id), p: row[id] })), inSentence };
  });
}

/**
 * What the Explorer shows, from one traced forward pass over `tokens` (the model's own
 * encoding of `text`, special tokens included): every head's weights packed
 * [layer][head][query][key], the tokens with their unseen-word flags, and what the card says.
 */
export function resultFromTrace(bundle: TextBundle, text: string, tokens: readonly Token[], trace: TransformerTrace, predictions: Prediction[] = []): AttentionResult {
  const { nLayers, nHeads, causal } = bundle.model.config;
  const T = tokens.length;
  const attention = new Float32Array(nLayers * nHeads * T * T); // (nLayers, nHeads, T, T)
  trace.layers.forEach((layer, l) => layer.heads.forEach((h, k) => attention.set(h.weights.data, (l * nHeads + k) * T * T))); // weights (T, T)
  const special = bundle.tokenizer ? skippableIds(bundle.tokenizer.specialIds) : new Set<number>();
  const reading = readWords(text, tokens, bundle.tokenizer?.specialIds ?? {});
  const result: AttentionResult = {
    modelId: bundle.id,
    text,
    tokens: tokens.map((t, i) => ({
      text: t.text, start: t.start, end: t.end, unknown: t.unknown === true, unseen: reading.unseen[i], special: t.start === null || special.has(t.id),
    })),
    nLayers,
    nHeads,
    causal,
    attention,
    unseenWords: reading.words,
    predictions,
    maskable: !causal && bundle.model.config.lmHead !== 'none' && bundle.tokenizer?.specialIds.mask !== undefined,
    ms: 0,
  };
  const { meta } = bundle;
  if (meta.coreferenceHead) result.coreferenceHead = [...meta.coreferenceHead];
  if (meta.bestPronounHead) result.bestPronounHead = [...meta.bestPronounHead];
  if (meta.coreference) result.coreference = meta.coreference;
  // card.json is data, not code: keep only the named heads that exist in this model.
  const named = (meta.heads ?? []).filter(
    (h) => Number.isInteger(h?.layer) && Number.isInteger(h?.head) && h.layer >= 0 && h.layer < nLayers && h.head >= 0 && h.head < nHeads && typeof h.role === 'string',
  );
  if (named.length) result.heads = named.map((h) => ({ layer: h.layer, head: h.head, role: h.role, ...(typeof h.evidence === 'string' ? { evidence: h.evidence } : {}) }));
  return result;
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

/** Figure labels of a result's tokens: unseen words' tokens as typed, with "?" (src/tokenizers/unseen.ts). */
export function resultLabels(r: Pick<AttentionResult, 'text' | 'tokens'>): string[] {
  return r.tokens.map((t) => tokenLabel(r.text, t, t.unseen));
}
