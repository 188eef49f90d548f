/** Step 1: every head of one layer on the student's sentence, side by side. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { HeadPicker, useSelectedHead } from '../../src/components/lesson/HeadPicker.tsx';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { AttentionLines } from '../../src/components/viz/AttentionLines.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { EXAMPLES } from './examples.ts';
import { useLessonTrace } from './use-model.ts';

export function HeadsProse() {
  return (
    <>
      <p>
        One head gives each token one blend of the others. But a word relates to its neighbours in several ways at once:
        what came just before, which noun a pronoun means, where the sentence ends. So each layer runs several heads
        side by side, each with its own <i>W<sub>Q</sub></i>, <i>W<sub>K</sub></i>, <i>W<sub>V</sub></i>, each free to learn a
        different pattern. This model has 4 heads of 16 dimensions in each of its 4 layers.
      </p>
      <Formula tex="\hl{\text{head}_h = \operatorname{softmax}\!\Big(\tfrac{(X W_Q^{h})(X W_K^{h})^{\top}}{\sqrt{d_k}}\Big) X W_V^{h}}, \quad h = 1,\dots,4" label="head h equals softmax of scaled scores times values, for each of the four heads" />
    </>
  );
}

export function HeadsFigure() {
  const t = useLessonTrace();
  const cfg = t.state === 'ready' ? t.bundle.model.config : null;
  const { layer } = useSelectedHead(cfg?.nLayers ?? 1, cfg?.nHeads ?? 1);
  const heads = useMemo(() => (t.state === 'ready' ? t.trace.layers[layer].heads.map((h, k) => ({ weights: h.weights, label: `Head ${k + 1}` })) : []), [t, layer]);
  return (
    <>
      <SentenceInput examples={EXAMPLES} />
      {t.state === 'loading' && <p className="status">Loading the coref model…</p>}
      {t.state === 'error' && <p className="error" role="alert">{t.message}</p>}
      {t.state === 'ready' && cfg && (
        <>
          <HeadPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} showLayer coreferenceHead={t.bundle.meta.coreferenceHead} />
          <div className="head-grid">
            {heads.map((h, k) => (
              <HeatmapFigure key={k} title={`Layer ${layer + 1}, head ${k + 1}`} rows={t.labels} cols={t.labels} values={h.weights} legend={false} maxCell={30} minLabelCell={60} domain={[0, 1]} skipSpecial />
            ))}
          </div>
          <AttentionLines from={t.labels} heads={heads} title={`Layer ${layer + 1}: all ${heads.length} heads at once (hover a word)`} />
        </>
      )}
    </>
  );
}
