/**
 * Step 2: encoder self-attention. Every English word's query meets every word's key, words
 * after it included: the heatmap is full, with no mask.
 */
import { useDeferredValue, useMemo } from 'react';
import { Formula } from '../../../src/components/lesson/Formula.tsx';
import { RetryButton } from '../../../src/components/lesson/RetryButton.tsx';
import { HeatmapFigure } from '../../../src/components/viz/HeatmapFigure.tsx';
import { headWeights, weightOnLaterKeys } from '../model/attention-views.ts';
import { TRAINED_MAX_WORDS } from '../model/translator.ts';
import { Caution, Loading, Problem, UnknownWords } from '../ui/Notices.tsx';
import { LayerHeadControls, useLayerHead } from '../ui/SelectionPickers.tsx';
import { useTranslation } from '../ui/use-translator.ts';
import { ENGLISH_EXAMPLES } from './examples.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../inputs.ts';

export function EncoderProse() {
  return (
    <>
      <p>
        Each encoder block starts with self-attention. Every word makes a query <i>q</i>, a key <i>k</i> and a value <i>v</i> (three learned projections
        of its vector); a word's new vector is the average of all the values, weighted by how well its query matches each key.
      </p>
      <Formula tex={String.raw`\mathrm{Attention}(Q,K,V)=\hl{\mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}\right)}V`} />
      <p>
        The highlighted part is the heatmap below: one row per word, its weights over every word of the sentence. In the encoder nothing is hidden, so a
        word can look <em>ahead</em> as easily as back. That is what “bidirectional” means, and it is only possible because the whole English sentence is
        known before translation starts.
      </p>
    </>
  );
}

export function EncoderFigure() {
  const [text] = useLessonInput(TRANSFORMER, 'encoder-english');
  const r = useTranslation(useDeferredValue(text));
  const shape = r.state === 'ready' ? r.model.config.encoder : { nLayers: 1, nHeads: 1 };
  const sel = useLayerHead(shape.nLayers, shape.nHeads, 'encoder-mean');
  const { layer, head } = sel;
  const values = useMemo(() => (r.state === 'ready' ? headWeights(r.t.trace.encoder.layers[layer].heads, head) : null), [r, layer, head]);
  const later = useMemo(() => (r.state === 'ready' && values ? weightOnLaterKeys(values, r.t.source.words.length) : []), [r, values]);
  if (r.state === 'loading') return <Loading what="the translator" />;
  const input = <SentenceInput lesson={TRANSFORMER} name="encoder-english" label="English sentence" examples={ENGLISH_EXAMPLES.slice(0, 4)} examplesLabel="Examples for “English sentence”" />;
  if (r.state === 'error' || !values) {
    return (
      <div className="tf-figure">
        {input}
        <Problem>
          {r.state === 'error' ? r.message : 'No trace.'}
          {r.state === 'error' && <RetryButton retry={r.retry} />}
        </Problem>
      </div>
    );
  }
  const { source } = r.t;
  const cfg = r.model.config.encoder;
  const headText = head === 'mean' ? `mean of ${cfg.nHeads} heads` : `head ${head + 1}`;
  return (
    <div className="tf-figure">
      {input}
      <UnknownWords words={source.unknown} model="the translator" asWhat="the unknown-word token <unk>" />
      {source.words.length > TRAINED_MAX_WORDS && <Caution>The translator was trained on sentences of at most {TRAINED_MAX_WORDS} words; this one is longer.</Caution>}
      <LayerHeadControls nLayers={cfg.nLayers} nHeads={cfg.nHeads} sel={sel} />
      <HeatmapFigure
        rows={source.labels}
        cols={source.labels}
        values={values}
        title={`Encoder self-attention, layer ${layer + 1}, ${headText}`}
        rowAxis="query word"
        colAxis="key word"
        domain={[0, 1]}
        legend="weight"
        caption="Rows: the word that asks. Columns: the words it reads. Every cell may be non-zero: no mask."
      />
      <p className="tf-readout" aria-live="polite">
        <span className="muted">Share of each word's attention that goes to words after it:</span>{' '}
        {source.labels.map((w, i) => `${w} ${Math.round(100 * later[i])}%`).join(' · ')}. Only the last word has nothing ahead of it.
      </p>
    </div>
  );
}
