/**
 * Step 10: encoder-only (BERT) against decoder-only (GPT). The same sentence through the
 * coref encoder (bidirectional) and tiny-gpt (causal), attention side by side; the coref
 * panel says so in place when that model has not been shipped.
 */
import { useMemo } from 'react';
import { References } from '../../../src/components/lesson/References.tsx';
import { HeatmapFigure } from '../../../src/components/viz/HeatmapFigure.tsx';
import { headWeights, weightOnLaterKeys } from '../model/attention-views.ts';
import { isMissingModel } from '../ui/model-availability.ts';
import { Loading, Problem, UnseenWords } from '../ui/Notices.tsx';
import { HeadPicker, LayerPicker } from '../ui/Pickers.tsx';
import { BERT_ID, GPT_ID, useLabelledTrace } from '../ui/use-gpt-trace.ts';
import { GPT_EXAMPLES } from './examples.ts';
import { LESSON_REFERENCES } from './references.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../inputs.ts';

export function BertVsGptProse() {
  return (
    <>
      <p>
        The full encoder-decoder is built for turning one sequence into another. Most famous models keep only one half. <strong>BERT</strong> (Devlin et
        al., 2019) is a stack of encoder blocks: attention sees the whole sentence both ways, and it is trained to fill in hidden words, so it is good at
        understanding text but does not write it left to right. <strong>GPT</strong> (Radford et al., 2018, 2019) is a stack of decoder blocks without
        cross-attention: attention is masked, and it is trained to predict the next token, so it can generate.
      </p>
      <p>
        Type a sentence: the coref encoder (a small BERT-style model trained for this course) and tiny-gpt read it side by side. BERT's map may use every
        cell; GPT's is lower-triangular. BERT also adds its [CLS] and [SEP] tokens around the sentence.
      </p>
    </>
  );
}

/** Each side's own layer and head (two models side by side cannot share the store's). */
const SIDE_INPUTS = { bert: ['bert-layer', 'bert-head'], gpt: ['gpt-layer', 'gpt-head'] } as const;

function Side({ modelId, side, text, title, defaultHead }: { modelId: string; side: keyof typeof SIDE_INPUTS; text: string; title: string; defaultHead?: [number, number] }) {
  const r = useLabelledTrace(modelId, text);
  const meta = r.state === 'ready' ? r.bundle.meta.coreferenceHead : undefined;
  const [layer, setLayer] = useLessonInput(TRANSFORMER, SIDE_INPUTS[side][0]);
  const [head, setHead] = useLessonInput(TRANSFORMER, SIDE_INPUTS[side][1]);
  const start = meta ?? defaultHead ?? [0, 0];
  const l = layer ?? start[0];
  const h = head ?? start[1];
  const values = useMemo(() => (r.state === 'ready' ? headWeights(r.trace.layers[Math.min(l, r.trace.layers.length - 1)].heads, h) : null), [r, l, h]);
  if (r.state === 'loading') return <Loading what={modelId} />;
  if (r.state === 'error') {
    if (isMissingModel(r.message)) {
      return (
        <p className="tf-missing panel">
          The coref encoder is not shipped yet (public/models/{modelId} is missing), so only GPT is shown. When it arrives, this panel fills in by itself.
        </p>
      );
    }
    return <Problem>{r.message}</Problem>;
  }
  if (!values) return null;
  const cfg = r.bundle.model.config;
  const T = r.tokens.length;
  const later = weightOnLaterKeys(values, T);
  const average = later.reduce((a, b) => a + b, 0) / T;
  return (
    <div>
      <h3 className="tf-figure-heading">{title}</h3>
      <UnseenWords words={r.unknown} model={modelId} />
      <div className="tf-controls">
        <LayerPicker layers={cfg.nLayers} value={l} onChange={setLayer} />
        <HeadPicker heads={cfg.nHeads} value={h} onChange={setHead} />
      </div>
      <HeatmapFigure
        rows={r.labelsShown}
        cols={r.labelsShown}
        values={values}
        title={`${modelId}, layer ${l + 1}, ${h === 'mean' ? `mean of ${cfg.nHeads} heads` : `head ${h + 1}`}`}
        rowAxis="query token"
        colAxis="key token"
        domain={[0, 1]}
        legend="weight"
        maxCell={44}
        skipSpecial
      />
      <p className="tf-readout" aria-live="polite">
        causal: {String(cfg.causal)} in its config.{' '}
        {average === 0 ? (
          <>No token puts any attention on a token after it: <strong>exactly 0</strong> everywhere, the mask.</>
        ) : (
          <>
            On average a token puts <strong>{Math.round(100 * average)}%</strong> of its attention on tokens after it (the last token has none after it).
          </>
        )}
      </p>
    </div>
  );
}

export function BertVsGptFigure() {
  const [text] = useLessonInput(TRANSFORMER, 'both');
  return (
    <div className="tf-figure">
      <SentenceInput lesson={TRANSFORMER} name="both" label="Sentence for both models" examples={GPT_EXAMPLES} examplesLabel="Examples for “Sentence for both models”" />
      <div className="tf-two-col">
        <Side modelId={BERT_ID} side="bert" text={text} title="BERT-style encoder (coref): bidirectional" />
        <Side modelId={GPT_ID} side="gpt" text={text} title="GPT-style decoder (tiny-gpt): causal" defaultHead={[0, 0]} />
      </div>
      <References items={LESSON_REFERENCES} />
    </div>
  );
}
