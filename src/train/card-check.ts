/**
 * Does a shipped model still measure what its card says? The one comparison behind
 * `npm run eval -- <id>` and test/models/cards.test.ts: a fresh `recipe.evaluateShipped`
 * against card.json's `evaluation`.
 */
import type { Evaluation } from './recipe.ts';

/**
 * Where a fresh evaluation differs from the card's, one line per difference
 * ("heldOut.accuracy: measured 0.97, card 0.98"); [] when they match. The evaluation first
 * goes through JSON as the card did (NaN becomes null, undefined fields drop out). Numbers
 * match to 6 significant digits, since the card holds the same floats; arrays need the same
 * length and objects the same keys.
 */
export function cardDifferences(measured: Evaluation, card: unknown): string[] {
  const out: string[] = [];
  collect(JSON.parse(JSON.stringify(measured)), card, '', out);
  return out;
}

/** True when cardDifferences finds none. */
export function matchesCard(measured: Evaluation, card: unknown): boolean {
  return cardDifferences(measured, card).length === 0;
}

function collect(a: unknown, b: unknown, path: string, out: string[]): void {
  const at = path || '(evaluation)';
  if (typeof a === 'number' && typeof b === 'number') {
    if (a !== b && !(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)))) out.push(`${at}: measured ${a}, card ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${at}: measured ${a.length} entries, card ${b.length}`);
    else a.forEach((x, i) => collect(x, b[i], `${path}[${i}]`, out));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const key = (k: string) => (path ? `${path}.${k}` : k);
    const only = (x: object, y: object) => Object.keys(x).filter((k) => !Object.hasOwn(y, k)).sort();
    for (const k of only(ra, rb)) out.push(`${key(k)}: measured but not on the card`);
    for (const k of only(rb, ra)) out.push(`${key(k)}: on the card but not measured`);
    for (const k of Object.keys(ra).sort()) if (Object.hasOwn(rb, k)) collect(ra[k], rb[k], key(k), out);
    return;
  }
  if (a !== b) out.push(`${at}: measured ${JSON.stringify(a)}, card ${JSON.stringify(b)}`);
}
