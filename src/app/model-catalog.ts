/**
 * The models shipped under public/models, in the order the Models page lists them. The
 * page reads each one's card.json and card.md from there; nothing about a model is written
 * here but its id and what it is for in the course.
 */
export interface ModelEntry {
  id: string;
  usedIn: string;
}

export const MODEL_CATALOG: readonly ModelEntry[] = [
  { id: 'coref', usedIn: 'Self-attention, multi-head attention and the Explorer' },
  { id: 'coref-mlm', usedIn: 'The Explorer: the same model without the pronoun loss, for contrast' },
  { id: 'tiny-gpt', usedIn: 'The Transformer: masked self-attention and generation' },
  { id: 'translate-rnn', usedIn: 'Attention in translation' },
  { id: 'translate-transformer', usedIn: 'The Transformer: cross-attention' },
  { id: 'long-range-rnn', usedIn: 'Why attention: accuracy against distance' },
  { id: 'long-range-lstm', usedIn: 'Why attention: accuracy against distance' },
  { id: 'long-range-transformer', usedIn: 'Why attention: accuracy against distance' },
  { id: 'vit-digits', usedIn: 'Vision Transformers' },
  { id: 'sort-demo', usedIn: 'The command line: npm run generate -- --model sort-demo' },
];

export function modelEntry(id: string): ModelEntry | undefined {
  return MODEL_CATALOG.find((m) => m.id === id);
}
