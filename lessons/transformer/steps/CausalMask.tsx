/**
 * Step 3: the decoder's masked self-attention on tiny-gpt. The mask itself (minus infinity
 * above the diagonal, read from the trace's `masked` scores) and the lower-triangular
 * weights it leaves after the softmax.
 */
import { useMemo } from 'react';
import { Formula } from '../../../src/components/lesson/Formula.tsx';
import { HeatmapFigure } from '../../../src/components/viz/HeatmapFigure.tsx';
import { headWeights, maxLaterWeight } from '../model/attention-views.ts';
import { MaskedScoresTable } from '../ui/MaskedScoresTable.tsx';
import { Loading, Problem, UnseenWords } from '../ui/Notices.tsx';
import { LayerHeadControls, useLayerHead } from '../ui/SelectionPickers.tsx';
import { GPT_ID, useLabelledTrace } from '../ui/use-gpt-trace.ts';
import { GPT_EXAMPLES } from './examples.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../inputs.ts';

export function CausalMaskProse() {
  return (
    <>
      <p>
        The decoder's self-attention has one change: a <strong>mask</strong> <i>M</i> is added to the scores before the softmax. It is 0 where a token may
        look (itself and everything before it) and −∞ where it may not (everything after it).
      </p>
      <Formula
        tex={String.raw`\mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}} + \hl{M}\right)V, \qquad \hl{M_{ij}} = \begin{cases} 0 & j \le i \\ -\infty & j > i \end{cases}`}
      />
      <p>
        Since e<sup>−∞</sup> = 0, the weights above the diagonal are not small, they are <em>exactly</em> zero, and each row still sums to 1 over the
        tokens it may see. Below, a small GPT-style model trained on this course's sentences (tiny-gpt) reads your sentence: first its masked scores as
        numbers, then the weights after the softmax. The heatmap is lower-triangular in every layer and every head.
      </p>
    </>
  );
}

export function CausalMaskFigure() {
  const [text] = useLessonInput(TRANSFORMER, 'gpt');
  const r = useLabelledTrace(GPT_ID, text);
  const shape = r.state === 'ready' ? r.bundle.model.config : { nLayers: 1, nHeads: 1 };
  const sel = useLayerHead(shape.nLayers, shape.nHeads, 'causal-mean');
  const { layer, head } = sel;
  const h = sel.storeHead;
  const chosen = r.state === 'ready' ? r.trace.layers[layer].heads[h] : null;
  const weights = useMemo(() => (r.state === 'ready' ? headWeights(r.trace.layers[layer].heads, head) : null), [r, layer, head]);
  const input = <SentenceInput lesson={TRANSFORMER} name="gpt" label="Sentence for tiny-gpt" examples={GPT_EXAMPLES} examplesLabel="Examples for “Sentence for tiny-gpt”" />;
  if (r.state === 'loading') return <Loading what="tiny-gpt" />;
  if (r.state === 'error' || !chosen || !weights) {
    return (
      <div className="tf-figure">
        {input}
        <Problem>{r.state === 'error' ? r.message : 'No trace.'}</Problem>
      </div>
    );
  }
  const cfg = r.bundle.model.config;
  const T = r.tokens.length;
  return (
    <div className="tf-figure">
      {input}
      <UnseenWords words={r.unknown} model="tiny-gpt" />
      <LayerHeadControls nLayers={cfg.nLayers} nHeads={cfg.nHeads} sel={sel} />
      <div className="tf-stack">
        <div>
          <h3 className="tf-figure-heading">Masked scores, head {h + 1}: QKᵀ/√d + M</h3>
          <MaskedScoresTable masked={chosen.masked} labels={r.labelsShown} caption={`Layer ${layer + 1}, head ${h + 1}: scaled scores with the causal mask applied`} />
          {head === 'mean' && <p className="muted">Scores belong to one head: the table shows head {h + 1} while the heatmap averages the heads.</p>}
        </div>
        <HeatmapFigure
          rows={r.labelsShown}
          cols={r.labelsShown}
          values={weights}
          title={`Weights after softmax, layer ${layer + 1}, ${head === 'mean' ? `mean of ${cfg.nHeads} heads` : `head ${h + 1}`}`}
          rowAxis="query token"
          colAxis="key token"
          domain={[0, 1]}
          legend="weight"
          caption="Rows: the token that asks; columns: the tokens it may read. Everything right of the diagonal is exactly 0."
        />
      </div>
      <p className="tf-readout" aria-live="polite">
        Largest share of attention that any of the {T} tokens puts on later tokens: <strong>{maxLaterWeight(weights, T)}</strong>. tiny-gpt has causal: {String(cfg.causal)}{' '}
        in its config, so every head of every layer is masked the same way.
      </p>
    </div>
  );
}
