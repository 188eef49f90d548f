/**
 * The course's lessons in order: what the home map shows and what a lesson route may name.
 * A lesson's steps live with its own files; a lesson whose steps are not written yet has
 * none here, and the app says so instead of showing a placeholder figure.
 */
export interface LessonInfo {
  id: string; // the URL segment: #/lesson/<id>/<step>
  number: number;
  title: string;
  summary: string;
  papers: string[];
}

export const LESSONS: readonly LessonInfo[] = [
  {
    id: 'why-attention', number: 1, title: 'Why attention: from RNNs to Transformers',
    summary: 'An RNN reads word by word; its memory fades with distance. Measure it, then see how attention removes the bottleneck.',
    papers: ['Hochreiter & Schmidhuber 1997', 'Vaswani et al. 2017'],
  },
  {
    id: 'translation', number: 2, title: 'Attention in translation',
    summary: 'The decoder looks back at every English word while it writes French, and learns where the adjective goes.',
    papers: ['Bahdanau, Cho & Bengio 2014'],
  },
  {
    id: 'self-attention', number: 3, title: 'Self-attention, step by step',
    summary: 'Queries, keys and values on your own sentence: scores, scaling, softmax and the weighted sum.',
    papers: ['Vaswani et al. 2017'],
  },
  {
    id: 'multi-head', number: 4, title: 'Multi-head attention',
    summary: 'Every head of a layer side by side, what each has learned, and how "bank" changes with its context.',
    papers: ['Vaswani et al. 2017', 'Clark et al. 2019'],
  },
  {
    id: 'positions', number: 5, title: 'Positional encoding',
    summary: 'Attention alone ignores word order. Sinusoids, learned positions and rotary encodings put it back.',
    papers: ['Vaswani et al. 2017', 'Su et al. 2021'],
  },
  {
    id: 'transformer', number: 6, title: 'The Transformer',
    summary: 'Encoder and decoder blocks, the causal mask, cross-attention, residual stream and generation token by token.',
    papers: ['Vaswani et al. 2017', 'Devlin et al. 2019', 'Radford et al. 2019'],
  },
  {
    id: 'vision', number: 7, title: 'Vision Transformers',
    summary: 'Cut an image into patches, treat them as words, and watch the CLS token look at the digit you draw.',
    papers: ['Dosovitskiy et al. 2021', 'Abnar & Zuidema 2020'],
  },
  {
    id: 'explorer', number: 8, title: 'Attention Explorer',
    summary: 'Free play: type any sentence, rank heads by what a pronoun picks, compare two sentences.',
    papers: ['Clark et al. 2019', 'Vig 2019'],
  },
];

/** The lesson with this id, or undefined (a hostile or stale link). */
export function lessonById(id: string): LessonInfo | undefined {
  return LESSONS.find((l) => l.id === id);
}
