/**
 * Step 7: layer normalisation. One token's residual vector before the LayerNorm, standardized
 * (mean 0, variance 1 over its own features), and after the learned gain and shift: what the
 * sub-layer actually reads in tiny-gpt's pre-norm blocks.
 */
import { useId, useMemo } from 'react';
import { Formula } from '../../../src/components/lesson/Formula.tsx';
import { VectorBars } from '../../../src/components/viz/VectorBars.tsx';
import { layerNormParts, meanStd, normWeightsOf, residualStep, vectorNorm } from '../model/residual.ts';
import { Loading, Problem, UnseenWords } from '../ui/Notices.tsx';
import { TokenPicker } from '../ui/Pickers.tsx';
import { StoreLayerPicker, useStoreLayer } from '../ui/SelectionPickers.tsx';
import { GPT_ID, useLabelledTrace } from '../ui/use-gpt-trace.ts';
import { GPT_EXAMPLES } from './examples.ts';

/** A fixed-point number with a true minus sign, and no sign at all when it rounds to zero. */
function signed(v: number, digits: number): string {
  const s = v.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s.replace('-', '−');
}
import { NormPlacementTable } from './NormPlacement.tsx';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../inputs.ts';

export function LayerNormProse() {
  return (
    <>
      <p>
        A <strong>LayerNorm</strong> takes one token's vector and rescales it: subtract the mean of its entries, divide by their standard deviation, then
        apply a learned gain γ and shift β, one pair per feature.
      </p>
      <Formula
        tex={String.raw`\mathrm{LN}(x) = \gamma \odot \hl{\frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}}} + \beta, \qquad \mu = \tfrac{1}{d}\textstyle\sum_i x_i,\ \ \sigma^2 = \tfrac{1}{d}\sum_i (x_i - \mu)^2`}
      />
      <p>
        The statistics are taken over the features of <em>one token</em>, not across the tokens of the sentence nor across a batch (that would be batch
        normalisation). So however long the residual stream has grown, each sub-layer reads a vector of a steady size.
      </p>
      <p>
        Where the norm goes is a real design choice. The 2017 paper normalised after the residual sum (<em>post-norm</em>, as BERT does); GPT-2 moved it
        to the entrance of each sub-layer and added a final one (<em>pre-norm</em>), which trains more stably in deep stacks. The table says which each
        model in this course uses, straight from its config.
      </p>
    </>
  );
}

export function LayerNormFigure() {
  const [text] = useLessonInput(TRANSFORMER, 'gpt');
  const [token, setToken] = useLessonInput(TRANSFORMER, 'norm-token');
  const [which, setWhich] = useLessonInput(TRANSFORMER, 'norm-sublayer');
  const whichId = useId();
  const r = useLabelledTrace(GPT_ID, text);
  const layer = useStoreLayer(r.state === 'ready' ? r.bundle.model.config.nLayers : 1);
  const T = r.state === 'ready' ? r.tokens.length : 0;
  const tok = Math.min(token, Math.max(0, T - 1));
  const parts = useMemo(() => {
    if (r.state !== 'ready') return null;
    const model = r.bundle.model;
    const step = residualStep(model, r.trace, layer, which);
    const x = step.normIn.row(tok);
    return { x, ln: layerNormParts(x, normWeightsOf(model, layer, which), model.config.normEps), traced: step.normOut.row(tok) };
  }, [r, layer, which, tok]);
  const input = <SentenceInput lesson={TRANSFORMER} name="gpt" label="Sentence for tiny-gpt" examples={GPT_EXAMPLES} examplesLabel="Examples for “Sentence for tiny-gpt”" />;
  if (r.state === 'loading') return <Loading what="tiny-gpt" />;
  if (r.state === 'error' || !parts) {
    return (
      <div className="tf-figure">
        {input}
        <Problem>{r.state === 'error' ? r.message : 'No trace.'}</Problem>
      </div>
    );
  }
  const cfg = r.bundle.model.config;
  const name = r.labelsShown[tok];
  const stats = (v: ArrayLike<number>) => {
    const s = meanStd(v);
    return `mean ${signed(s.mean, 2)}, std ${s.std.toFixed(2)}, length ${vectorNorm(v).toFixed(1)}`;
  };
  const f = which === 'attention' ? 'self-attention' : 'feed-forward';
  return (
    <div className="tf-figure">
      {input}
      <UnseenWords words={r.unknown} model="tiny-gpt" />
      <div className="tf-controls">
        <TokenPicker tokens={r.labelsShown} value={tok} onChange={setToken} />
        <StoreLayerPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} />
        <span className="tf-select">
          <label htmlFor={whichId}>Sub-layer</label>
          <select id={whichId} value={which} onChange={(e) => setWhich(e.target.value === 'ffn' ? 'ffn' : 'attention')}>
            <option value="attention">before self-attention</option>
            <option value="ffn">before feed-forward</option>
          </select>
        </span>
      </div>
      <div className="tf-vectors-grid">
        <div>
          <VectorBars label={`before: x of “${name}”`} values={parts.x} length={140} />
          <p className="tf-stat">{stats(parts.x)}</p>
        </div>
        <div>
          <VectorBars label="standardized: (x − μ) / σ" values={parts.ln.standardized} length={140} />
          <p className="tf-stat">{stats(parts.ln.standardized)}</p>
        </div>
        <div>
          <VectorBars label="after: γ ⊙ (…) + β" values={parts.traced} length={140} />
          <p className="tf-stat">{stats(parts.traced)}</p>
        </div>
      </div>
      <p className="tf-readout" aria-live="polite">
        Left: the stream entering layer {layer + 1}'s {f}; right: what the {f} reads, as the model computed it in its own forward pass. For this token
        μ = {signed(parts.ln.mean, 3)} and σ = {parts.ln.std.toFixed(3)}. Standardized, any token has length close to √{cfg.dModel} ={' '}
        {Math.sqrt(cfg.dModel).toFixed(1)} (mean 0, variance 1 over {cfg.dModel} entries), however long it was; γ and β ({cfg.dModel} learned numbers each)
        then stretch and shift each feature.
      </p>
      <NormPlacementTable />
    </div>
  );
}
