/** Step 1: every head of one layer on the student's sentence, side by side. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { HeadPicker } from '../../src/components/lesson/HeadPicker.tsx';
import { ModelJobStatus } from '../../src/components/lesson/ModelJobStatus.tsx';
import { useModelConfig } from '../../src/components/use-model-config.ts';
import { selectModelId, useAtlas } from '../../src/store/index.ts';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { AttentionLines } from '../../src/components/viz/AttentionLines.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { EXAMPLES } from './examples.ts';
import { useLessonTrace } from './use-model.ts';

export function HeadsProse() {
  const cfg = useModelConfig(useAtlas(selectModelId));
  const n = cfg ? String(cfg.nHeads) : 'H';
  return (
    <>
      <p>
        One head gives each token one blend of the others. But a word relates to its neighbours in several ways at once:
        what came just before, which noun a pronoun means, where the sentence ends. So each layer runs several heads
        side by side, each with its own <i>W<sub>Q</sub></i>, <i>W<sub>K</sub></i>, <i>W<sub>V</sub></i>, each free to learn a
        different pattern.{cfg && ` This model has ${cfg.nHeads} heads of ${cfg.dModel / cfg.nHeads} dimensions in each of its ${cfg.nLayers} layers.`}
      </p>
      <Formula tex={String.raw`\hl{\text{head}_h = \operatorname{softmax}\!\Big(\tfrac{(X W_Q^{h})(X W_K^{h})^{\top}}{\sqrt{d_k}}\Big) X W_V^{h}}, \quad h = 1,\dots,${n}`} label={`head h equals softmax of scaled scores times values, for each of the ${n} heads`} />
    </>
  );
}

export function HeadsFigure() {
  const t = useLessonTrace();
  const layer = t.state === 'ready' ? t.layer : 0;
  const heads = useMemo(() => (t.state === 'ready' ? t.trace.layers[t.layer].heads.map((h, k) => ({ weights: h.weights, label: `Head ${k + 1}` })) : []), [t]);
  const cfg = t.state === 'ready' ? t.model.config : null;
  return (
    <>
      <SentenceInput examples={EXAMPLES} />
      <ModelJobStatus job={t} modelId={t.modelId} remote={t.remote} />
      {t.state === 'ready' && cfg && (
        <>
          <HeadPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} showLayer coreferenceHead={t.model.meta.coreferenceHead} />
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
