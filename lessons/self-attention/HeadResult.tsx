/**
 * Step 8: the whole computation in one figure, on the model's coreference head (if its card
 * names one): where the pronoun looks, for "... too tired" and "... too wide".
 */
import { useMemo } from 'react';
import { HeadPicker } from '../../src/components/lesson/HeadPicker.tsx';
import { References } from '../../src/components/lesson/References.tsx';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { EXAMPLES } from './examples.ts';
import { Status } from './Status.tsx';
import { useLessonHead } from './use-head.ts';

export function HeadResultProse() {
  return (
    <>
      <p>
        That is all of self-attention: project to queries, keys and values, score every pair, scale, mask, softmax,
        and blend the values. Every layer has several heads doing this in parallel, each with its own weights (the
        next lesson), and stacking layers lets later heads build on what earlier ones gathered.
      </p>
      <p>
        Nothing told this model where to look. It was trained only to fill in hidden words; the card of the model
        says which head, if any, ended up linking pronouns to what they mean, and how often it gets it right. Switch
        between “tired” and “wide” and watch the row of “it”.
      </p>
    </>
  );
}

export function HeadResultFigure() {
  const h = useLessonHead();
  const pronoun = useMemo(() => (h.state === 'ready' ? h.labels.findIndex((l) => ['it', 'he', 'she', 'they'].includes(l)) : -1), [h]);
  const candidates = useMemo(() => (h.state === 'ready' ? h.labels.flatMap((l, j) => (['animal', 'street', 'cat', 'mat'].includes(l) ? [j] : [])) : []), [h]);
  return (
    <>
      <SentenceInput examples={EXAMPLES} />
      {h.state !== 'ready' ? (
        <Status h={h} />
      ) : (
        <>
          <HeadPicker nLayers={h.bundle.model.config.nLayers} nHeads={h.bundle.model.config.nHeads} coreferenceHead={h.bundle.meta.coreferenceHead} />
          {!h.bundle.meta.coreferenceHead && (
            <p className="muted">
              No head of this model resolves pronouns reliably: its card measures every head near chance (50%) on the
              coreference cases{h.bundle.meta.bestPronounHead ? `; the best of them is layer ${h.bundle.meta.bestPronounHead[0] + 1}, head ${h.bundle.meta.bestPronounHead[1] + 1}` : ''}. Look at the row of “it” anyway: which words does each head pick, and does that change from “tired” to “wide”?
            </p>
          )}
          <HeatmapFigure
            title={`Attention weights, layer ${h.layer + 1}, head ${h.head + 1}`}
            rows={h.labels}
            cols={h.labels}
            values={h.steps.weights}
            pinnedRow={pronoun >= 0 ? pronoun : undefined}
            highlightCols={candidates}
            legend="weight"
            domain={[0, 1]}
            skipSpecial
          />
        </>
      )}
      <References
        items={[
          { authors: 'Vaswani, A. et al.', year: 2017, title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' },
          { authors: 'Devlin, J. et al.', year: 2019, title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', url: 'https://arxiv.org/abs/1810.04805' },
          { authors: 'Clark, K. et al.', year: 2019, title: 'What Does BERT Look At? An Analysis of BERT’s Attention', url: 'https://arxiv.org/abs/1906.04341' },
        ]}
      />
    </>
  );
}
