/**
 * Plain-language summaries of attention, for the text alternative beside each figure and for
 * screen readers: "'it' attends most to 'animal' (0.62), then 'street' (0.11)."
 */
import { topK as topIndices } from '../runtime/numeric.ts'; // the helper alone, not the whole runtime
import { quote } from './format.ts';

/** One ranked entry of a vector. */
export interface Ranked {
  index: number;
  value: number;
}

/**
 * The k largest entries with their values, largest first: the runtime's topK (ties keep the
 * earlier index first, NaN is never ranked, `skip(i)` leaves out special tokens or masked
 * positions).
 */
export function topK(values: ArrayLike<number>, k: number, skip?: (index: number) => boolean): Ranked[] {
  return topIndices(values, k, skip).map((index) => ({ index, value: values[index] }));
}

/** BERT's and GPT's bookkeeping tokens: [CLS], [SEP], [PAD], <s>, </s>, <|endoftext|> ... */
export function isSpecialToken(token: string): boolean {
  return /^\[[A-Z]+\]$/.test(token) || /^<\|?\/?[A-Za-z_]+\|?>$/.test(token);
}

export interface DescribeOptions {
  /** How many attended tokens to name (default 2). */
  k?: number;
  /** Leave out special tokens such as [CLS] and [SEP] (default false). */
  skipSpecial?: boolean;
  /** The attended tokens when they differ from the attending ones (cross-attention). */
  targets?: string[];
  /** Decimals of the weights in the text (default 2). */
  digits?: number;
}

/**
 * One sentence saying where token `from` puts its attention, e.g.
 * "'it' attends most to 'animal' (0.62), then 'street' (0.11)." `row` is that token's
 * attention weights over `tokens` (or over options.targets).
 */
export function describeRow(tokens: string[], row: readonly number[] | Float32Array, from: number, options: DescribeOptions = {}): string {
  const targets = options.targets ?? tokens;
  if (row.length !== targets.length) {
    throw new Error(`describeRow: the row has ${row.length} weights for ${targets.length} tokens`);
  }
  const who = quote(tokens[from] ?? `#${from}`);
  const digits = options.digits ?? 2;
  const skip = options.skipSpecial ? (i: number) => isSpecialToken(targets[i]) : undefined;
  // Zero weights are masked positions: "then 'x' (0.00)" would say something false.
  const ranked = topK(row, options.k ?? 2, skip).filter((r, n) => n === 0 || r.value > 0);
  if (ranked.length === 0) return row.length === 0 ? `${who} attends to nothing.` : `${who} attends only to special tokens.`;
  const named = ranked.map((r) => `${quote(targets[r.index])} (${r.value.toFixed(digits)})`);
  const [first, ...rest] = named;
  if (rest.length === 0) return `${who} attends most to ${first}.`;
  const tail = rest.length === 1 ? rest[0] : `${rest.slice(0, -1).join(', ')} and ${rest[rest.length - 1]}`;
  return `${who} attends most to ${first}, then ${tail}.`;
}
