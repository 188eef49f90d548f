/**
 * Reading a typed text with a model, the one way the worker and the lessons both do it:
 * check the input, tokenize with the model's own tokenizer (special tokens included, as in
 * training), run one traced forward pass (with the LM head only where a prediction is shown)
 * and build the Explorer's result. Mistakes of the input (empty text, too long, an image
 * model asked to read) throw AttentionInputError with a sentence a visitor can act on.
 */
import type { ModelBundle } from '../checkpoints/bundle.ts';
import { transformerForward, type TransformerTrace } from '../models/transformer.ts';
import { noGrad, softmax, type Tensor } from '../runtime/index.ts';
import type { Token } from '../tokenizers/index.ts';
import { predictionPositions, resultFromTrace, topWords, type AttentionResult } from './attention-result.ts';
import { SELECTION_CAP } from './slices/selection.ts';

/** A problem with what was asked (not a bug): its message is meant for the page. */
export class AttentionInputError extends Error {
  override name = 'AttentionInputError';
}

type TextBundle = Extract<ModelBundle, { kind: 'text' }>;

/** The longest sequence a model takes: its position table, and never more than the app can show. */
function tokenLimit(bundle: TextBundle): number {
  const max = bundle.model.config.maxPositions;
  return max > 0 ? Math.min(max, SELECTION_CAP.tokens) : SELECTION_CAP.tokens;
}

export interface TextRun {
  tokens: Token[];
  trace: TransformerTrace;
  logits: Tensor | null; // (T, vocab) when asked for every row
  result: AttentionResult;
}

/**
 * Tokenizes and runs `text` once. `allLogits` keeps the LM head's output for every token
 * (lessons that show next-token probabilities); otherwise it runs only where a prediction is shown.
 * @throws AttentionInputError for empty or too long text, an image model, a model without a tokenizer
 */
export function runText(bundle: ModelBundle, text: string, allLogits = false): TextRun {
  const t0 = performance.now();
  if (bundle.kind !== 'text') throw new AttentionInputError(`${bundle.id} is an image model: it attends over patches of a picture, not over words.`);
  const { model, tokenizer } = bundle;
  if (!tokenizer) throw new AttentionInputError(`${bundle.id} has no tokenizer, so it cannot read typed text.`);
  if (text.trim() === '') throw new AttentionInputError('There is no text to read: type a sentence first.');
  const tokens = tokenizer.encode(text);
  const T = tokens.length;
  if (T === 0) throw new AttentionInputError('None of this text could be turned into tokens: try a sentence with words.');
  const limit = tokenLimit(bundle);
  if (T > limit) {
    throw new AttentionInputError(
      `${bundle.id} reads at most ${limit} tokens at a time, and this text makes ${T}. Shorten it by about ${T - limit} tokens (a short word is one token).`,
    );
  }
  const at = predictionPositions(bundle, tokens);
  const wantLogits = allLogits || at.length > 0;
  return noGrad(() => {
    const rows = allLogits ? undefined : at.map((p) => p.position);
    const r = transformerForward(model, [tokens.map((t) => t.id)], { trace: true, logits: wantLogits, headRows: rows });
    const probs = at.length > 0 ? softmax(r.output).data : null;
    // With every row's logits, a prediction's row is its token position; otherwise its place in `at`.
    const predictions = probs ? topWords(bundle, probs, at, tokens, 5, allLogits ? at.map((p) => p.position) : undefined) : [];
    const result = resultFromTrace(bundle, text, tokens, r.trace!, predictions);
    result.ms = performance.now() - t0;
    return { tokens, trace: r.trace!, logits: allLogits ? r.output : null, result };
  });
}
