/**
 * Guards for the strings that come from outside (the URL, localStorage, a worker message):
 * ids that end up in fetch paths and the text that ends up in a model. Pure and free of
 * the store, so the model worker can import it without pulling in zustand.
 */
import { formatModelRef, tryParseModelRef } from '../checkpoints/model-ref.ts';
import { isSafeId } from '../checkpoints/safe-id.ts';

// The id rule lives on the checkpoints floor, where the model cache checks it too.
export { isSafeId, MAX_ID } from '../checkpoints/safe-id.ts';

/**
 * The Explorer's model, as a link may name it: a built-in id (lower-cased when that makes it
 * safe), or a hub repository or folder URL in its canonical form (src/checkpoints/model-ref.ts);
 * anything else is null.
 */
export function sanitizeModel(ref: unknown): string | null {
  const id = sanitizeId(ref);
  if (id || typeof ref !== 'string') return id;
  const parsed = tryParseModelRef(ref);
  return parsed ? formatModelRef(parsed) : null;
}

/** Longest text the explorer keeps (in code points): a pasted essay must not reach the model. */
export const MAX_TEXT = 500;

/** The id lower-cased when that makes it safe, else null. */
export function sanitizeId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const lower = id.toLowerCase();
  return isSafeId(lower) ? lower : null;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text the explorer may hold: at most MAX_TEXT code points (never splitting an emoji in
 * two) with lone surrogates replaced by U+FFFD, so it survives URL encoding unchanged.
 */
export function clipText(text: unknown, max = MAX_TEXT): string {
  if (typeof text !== 'string') return '';
  const whole = text.replace(LONE_SURROGATE, '\uFFFD');
  if (whole.length <= max) return whole; // fewer UTF-16 units than max: fewer code points too
  return Array.from(whole).slice(0, max).join('');
}

/** n when it is an integer in [min, max]; otherwise the fallback. */
export function intInRange(n: unknown, min: number, max: number, fallback: number): number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** n rounded down and clamped into [min, max]; NaN and non-numbers give min. */
export function clampInt(n: unknown, min: number, max: number): number {
  if (typeof n !== 'number' || Number.isNaN(n)) return min;
  return Math.min(max, Math.max(min, Math.floor(n)));
}
