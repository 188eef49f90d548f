/**
 * Step 5: cross-attention in the translator. Queries come from the French being written,
 * keys and values from the encoder's reading of the English; the heatmap is the alignment
 * the model found for the sentence the student types.
 */
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { SPECIAL_TOKENS } from '../../../src/checkpoints/atlas-translation.ts';
import { Formula } from '../../../src/components/lesson/Formula.tsx';
import { RetryButton } from '../../../src/components/lesson/RetryButton.tsx';
import { HeatmapFigure } from '../../../src/components/viz/HeatmapFigure.tsx';
import { topK } from '../../../src/models/generate.ts';
import { headWeights } from '../model/attention-views.ts';
import { stutters, TRAINED_MAX_WORDS } from '../model/translator.ts';
import { Caution, Loading, Problem, StutterNote, UnknownWords } from '../ui/Notices.tsx';
import { LayerHeadControls, useLayerHead } from '../ui/SelectionPickers.tsx';
import { useTranslation } from '../ui/use-translator.ts';
import { selectSelectLayer, useAtlas } from '../../../src/store/index.ts';
import { ENGLISH_EXAMPLES } from './examples.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../inputs.ts';

/**
 * Opens on the decoder's last layer, whose mean over heads is the translator's alignment (its
 * card measures it there); once, when the model is known, through the store like a click.
 */
function useStartOnLastLayer(nLayers: number): void {
  const select = useAtlas(selectSelectLayer);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || nLayers < 1) return;
    done.current = true;
    select(nLayers - 1);
  }, [nLayers, select]);
}

export function CrossAttentionProse() {
  return (
    <>
      <p>
        Between its masked self-attention and its feed-forward network, each decoder block has a second attention: <strong>cross-attention</strong>. Its
        queries come from the decoder (the French written so far), its keys and values from the encoder's output (the English, fully read).
      </p>
      <Formula
        tex={String.raw`\hl{\mathrm{softmax}\!\left(\frac{Q_{\text{French}}\,K_{\text{English}}^\top}{\sqrt{d_k}}\right)}V_{\text{English}}`}
      />
      <p>
        So each row below is one French word being written, and its weights say which English words it read to write it. There is no mask here: the
        whole English sentence is known. French puts most adjectives after the noun, so look at “voiture” and “rouge”: the rows cross over the columns.
        Try your own sentence: the translator knows only the small vocabulary of its toy corpus (its size is given below the box), and flags any other word.
      </p>
    </>
  );
}

export function CrossAttentionFigure() {
  const [text] = useLessonInput(TRANSFORMER, 'english');
  const r = useTranslation(useDeferredValue(text));
  const shape = r.state === 'ready' ? r.model.config.decoder : { nLayers: 1, nHeads: 1 };
  const sel = useLayerHead(shape.nLayers, shape.nHeads, 'cross-mean');
  const { layer, head } = sel;
  useStartOnLastLayer(r.state === 'ready' ? shape.nLayers : 0);
  const values = useMemo(() => (r.state === 'ready' ? headWeights(r.t.trace.decoder.layers[layer].crossHeads ?? [], head) : null), [r, layer, head]);
  const input = <SentenceInput lesson={TRANSFORMER} name="english" label="English sentence" examples={ENGLISH_EXAMPLES} examplesLabel="Examples for “English sentence”" />;
  if (r.state === 'loading') return <Loading what="the translator" />;
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
  const { t } = r;
  const cfg = r.model.config.decoder;
  const S = t.source.words.length;
  const peaks = t.output.map((w, i) => `${w} ← ${t.source.labels[topK(values.subarray(i * S, (i + 1) * S), 1)[0]]}`);
  return (
    <div className="tf-figure">
      {input}
      <p className="tf-result" aria-live="polite">
        <span className="muted">The translator writes:</span> <strong lang="fr">{t.french || '(nothing)'}</strong>
      </p>
      <p className="muted tf-readout">
        It knows {r.model.vocabs.en.size - SPECIAL_TOKENS.length} English words and {r.model.vocabs.fr.size - SPECIAL_TOKENS.length} French tokens, plus {SPECIAL_TOKENS.length} special tokens on each side ({SPECIAL_TOKENS.join(' ')}).
      </p>
      <UnknownWords words={t.source.unknown} model="the translator" asWhat="the unknown-word token <unk>" />
      {S > TRAINED_MAX_WORDS && <Caution>The translator was trained on sentences of at most {TRAINED_MAX_WORDS} words; this one is longer.</Caution>}
      {stutters(t.output) && <StutterNote />}
      <LayerHeadControls nLayers={cfg.nLayers} nHeads={cfg.nHeads} sel={sel} />
      <HeatmapFigure
        rows={t.output}
        cols={t.source.labels}
        values={values}
        title={`Cross-attention, decoder layer ${layer + 1}, ${head === 'mean' ? `mean of ${cfg.nHeads} heads` : `head ${head + 1}`}`}
        rowAxis="French word written"
        colAxis="English word"
        domain={[0, 1]}
        legend="weight"
        caption="Row: the decoder position that wrote this French word (“<eos>” = end). Columns: the English words, read by the encoder."
      />
      <p className="tf-readout">
        <span className="muted">Where each row looks most:</span> {peaks.join(' · ')}
      </p>
    </div>
  );
}
