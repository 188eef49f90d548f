/**
 * Step 8: the feed-forward network. Its hidden layer is four times wider than the stream;
 * for the chosen token some units fire and most stay silent, and the strongest units fire
 * for some words of the sentence and not for others.
 */
import { useMemo } from 'react';
import { Formula } from '../../../src/components/lesson/Formula.tsx';
import { HeatmapFigure } from '../../../src/components/viz/HeatmapFigure.tsx';
import { FeedForwardPanel } from './overview/FeedForwardPanel.tsx';
import { blockParameterShares, firingUnits, unitColumns } from '../model/feed-forward.ts';
import { Loading, Problem, UnseenWords } from '../ui/Notices.tsx';
import { TokenPicker } from '../ui/Pickers.tsx';
import { StoreLayerPicker, useStoreLayer } from '../ui/SelectionPickers.tsx';
import { GPT_ID, useLabelledTrace } from '../ui/use-gpt-trace.ts';
import { GPT_EXAMPLES } from './examples.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../inputs.ts';

export function FeedForwardProse() {
  return (
    <>
      <p>
        After attention has mixed information <em>between</em> tokens, the feed-forward network works on each token <em>alone</em>: the same small
        two-layer network, applied position by position.
      </p>
      <Formula
        tex={String.raw`\mathrm{FFN}(x) = W_2\,\hl{\phi(W_1 x + b_1)} + b_2, \qquad W_1 \in \mathbb{R}^{d_{ff}\times d},\ \ d_{ff} = 4d`}
      />
      <p>
        The highlighted hidden layer is wide: 4 × 512 = 2048 units in the paper, and four times the stream's width in tiny-gpt too, which makes the
        feed-forward network about two thirds of each block's weights (counted below). The paper used ReLU for φ; GPT-2 and tiny-gpt use GELU. Both are
        positive exactly when their input is, so a unit “fires” when W₁x + b₁ is above zero. Pick a token and a layer: part of the units fire and the
        rest stay silent, and the strongest ones fire for some words of the sentence and not for others.
      </p>
    </>
  );
}

export function FeedForwardFigure() {
  const [text] = useLessonInput(TRANSFORMER, 'gpt');
  const [token, setToken] = useLessonInput(TRANSFORMER, 'ffn-token');
  const r = useLabelledTrace(GPT_ID, text);
  const layer = useStoreLayer(r.state === 'ready' ? r.bundle.model.config.nLayers : 1);
  const T = r.state === 'ready' ? r.tokens.length : 0;
  const tok = Math.min(token, Math.max(0, T - 1));
  const top = useMemo(() => {
    if (r.state !== 'ready') return null;
    const act = r.trace.layers[layer].ffnActivation;
    const units = firingUnits(act, tok, 10).top.map((u) => u.unit);
    return { units, values: unitColumns(act, units) };
  }, [r, layer, tok]);
  const input = <SentenceInput lesson={TRANSFORMER} name="gpt" label="Sentence for tiny-gpt" examples={GPT_EXAMPLES} examplesLabel="Examples for “Sentence for tiny-gpt”" />;
  if (r.state === 'loading') return <Loading what="tiny-gpt" />;
  if (r.state === 'error' || !top) {
    return (
      <div className="tf-figure">
        {input}
        <Problem>{r.state === 'error' ? r.message : 'No trace.'}</Problem>
      </div>
    );
  }
  const cfg = r.bundle.model.config;
  const cols = top.units.map((u) => `unit ${u}`);
  const shares = blockParameterShares(r.bundle.model.weights.blocks[layer]);
  return (
    <div className="tf-figure">
      {input}
      <UnseenWords words={r.unknown} model="tiny-gpt" />
      <div className="tf-controls">
        <StoreLayerPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} />
        <TokenPicker tokens={r.labelsShown} value={tok} onChange={setToken} />
      </div>
      <FeedForwardPanel model={r.bundle.model} trace={r.trace} labels={r.labelsShown} layer={layer} token={tok} />
      <p className="tf-readout">
        Weights in layer {layer + 1}: {shares.ffn.toLocaleString('en')} in the feed-forward network, {shares.attention.toLocaleString('en')} in
        self-attention, {shares.norms.toLocaleString('en')} in the two LayerNorms: the feed-forward network holds{' '}
        {Math.round((100 * shares.ffn) / (shares.ffn + shares.attention + shares.norms))}%.
      </p>
      <HeatmapFigure
        rows={r.labelsShown}
        cols={cols}
        values={top.values}
        title={`The 10 units that fire hardest for “${r.labelsShown[tok]}”, on every token (layer ${layer + 1})`}
        rowAxis="token"
        colAxis="hidden unit"
        scheme="cividis"
        legend="activation"
        caption="Each column is one hidden unit; each row a token of the sentence. Bright cells: the unit fires for that token."
      />
    </div>
  );
}
