/** A coref card's verdict in words, from its measured numbers only. */
import type { Evaluation } from '../recipe.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const kinds = (acc: Record<string, number>) => Object.entries(acc).map(([k, v]) => `${k} ${pct(v)}`).join(', ');

interface Coreference {
  head: [number, number];
  how: 'attention loss' | 'none';
  meetsBar: boolean;
  cases: number;
  accuracy: Record<string, number>;
  publicAccuracy: Record<string, number>;
  unaskedHeads: { layer: number; head: number; accuracy: Record<string, number> }[];
}

/** "Layer 4, head 1" (1-based, as the app says it) for a 0-based [layer, head]. */
export function headName([layer, head]: readonly [number, number]): string {
  return `Layer ${layer + 1}, head ${head + 1}`;
}

function verdict(c: Coreference): string {
  const name = headName(c.head);
  if (c.how === 'attention loss') {
    return [
      `${name} was trained to point from a pronoun to the noun it refers to (an extra loss on this head, as in LISA). It still has to work out which noun from the sentence.`,
      `On ${c.cases} generated sentences it never saw it is right ${kinds(c.accuracy)}; on public.tsv ${kinds(c.publicAccuracy)} (chance 50%).`,
      c.meetsBar ? 'It meets the bar of ../shared/coref/README.md (90% on every kind, 75% on winograd) on both.' : '**It does not meet the bar** of ../shared/coref/README.md (90% on every kind, 75% on winograd).',
    ].join(' ');
  }
  return [
    `**No head links pronouns.** The best head on ${c.cases} held-out sentences, ${name}, scores ${kinds(c.accuracy)} there and ${kinds(c.publicAccuracy)} on public.tsv, where chance is 50%; the bar is 90% (75% for winograd).`,
    'It is named in `coreferenceHead` because the metric asks for one, not because it works.',
  ].join(' ');
}

export function corefNotes(e: Evaluation): string {
  const c = e.coreference as Coreference;
  const seeds = e.seeds as { antecedent: string; margin: number }[];
  const bank = e.bank as { withinMoney: number; withinRiver: number; across: number };
  const named = (e.heads as { layer: number; head: number; role: string; share: number }[])
    .map((h) => `${headName([h.layer, h.head])}: ${h.role} token (${pct(h.share)} of its attention)`)
    .join('; ');
  const unasked = c.unaskedHeads.length
    ? c.unaskedHeads.map((h) => `${headName([h.layer, h.head])} (${kinds(h.accuracy)})`).join('; ')
    : 'none';
  const answer = e.answer as { cases: number; top1: Record<string, number>; prefers: Record<string, number> } | undefined;
  const route = (e.coreference as { route: { cases: number; predicateRow: { head: [number, number]; value: number }; pronounToPredicate: { head: [number, number]; value: number } } }).route;
  const lines = [
    '## In short',
    '',
    verdict(c),
    '',
    `- Heads that meet the bar on the held-out sentences without being trained to: ${unasked}.`,
    answer
      ? `- The model's own answer (the word its masked-LM head predicts at a visible pronoun): the antecedent is its top word ${kinds(answer.top1)}, and more probable than the distractor ${kinds(answer.prefers)}, on ${answer.cases} held-out sentences.`
      : '- This model was not trained to name a pronoun\'s antecedent; its masked-LM head predicts pronouns, not nouns, at a pronoun.',
    `- The route through the predicate (${route.cases} held-out animacy, cross, fit and winograd sentences): the predicate's own row picks the antecedent over the distractor at most ${pct(route.predicateRow.value)} of the time (${headName(route.predicateRow.head)}); the pronoun puts at most ${pct(route.pronounToPredicate.value)} of its attention on the predicate (${headName(route.pronounToPredicate.head)}).`,
    `- Seed sentences: ${seeds.filter((s) => s.margin > 0).length} of ${seeds.length} give the antecedent more attention than the distractor on ${headName(c.head)}.`,
    `- Named heads: ${named || 'none above the threshold'}.`,
    `- "bank": mean cosine ${bank.withinMoney} within the money sense, ${bank.withinRiver} within the river sense, ${bank.across} across the senses.`,
    '',
  ];
  return lines.join('\n');
}
