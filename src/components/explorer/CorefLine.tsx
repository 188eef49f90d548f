/**
 * One line under the model picker that says, from the model's card, whether any head links
 * pronouns and how well, so nobody reads a head that picks the first noun as coreference.
 */
import type { CorefMeta } from '../../store/index.ts';
import './explorer.css';

/** A percentage; one decimal just below 100%, so 99.6% never reads as a perfect 100%. */
export const pct = (x: number) => (x >= 0.995 && x < 1 ? `${(x * 100).toFixed(1)}%` : `${Math.round(x * 100)}%`);

/** "Layer 4, head 1": 1-based, as every control of the course counts. */
export const headName = ([l, h]: readonly [number, number]) => `layer ${l + 1}, head ${h + 1}`;

/** The named head's mean accuracy over kinds and its weakest kind. */
function summary(c: CorefMeta): { mean: number; weakest: [string, number] } {
  const entries = Object.entries(c.accuracy);
  const mean = entries.reduce((s, [, v]) => s + v, 0) / Math.max(1, entries.length);
  const weakest = entries.reduce((a, b) => (b[1] < a[1] ? b : a), entries[0] ?? ['none', 0]);
  return { mean, weakest };
}

/** The sentence the Explorer shows for a model's coreference card; `brief` leaves out how the head got there. */
export function corefSentence(c: CorefMeta | undefined, brief = false): string {
  if (!c) return 'Pronouns: not measured for this model (its card has no coreference measurement).';
  const { mean, weakest } = summary(c);
  const where = `on ${c.cases} ${c.measuredOn}`;
  if (!c.meetsBar) return `No head links pronouns (best head ${headName(c.head)}: ${pct(mean)} ${where}; chance 50%).`;
  const how = c.how === 'attention loss'
    ? 'It was trained to point from a pronoun to the noun it refers to (an extra loss on this head, as in LISA); which noun, it works out from the sentence.'
    : 'No loss asked it to: it learned this by itself.';
  const weak = weakest[1] < mean - 0.02 ? `, weakest kind ${weakest[0]} ${pct(weakest[1])}` : '';
  const line = `Links pronouns: ${headName(c.head)}, right ${pct(mean)} of the time ${where} (chance 50%${weak}).`;
  return brief ? line : `${line} ${how}`;
}

export function CorefLine({ coref, brief = false }: { coref: CorefMeta | undefined; brief?: boolean }) {
  return (
    <p className={`coref-line${coref?.meetsBar ? ' meets' : ''}`} data-testid="coref-line">
      {corefSentence(coref, brief)}
    </p>
  );
}
