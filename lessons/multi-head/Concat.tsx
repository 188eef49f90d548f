/** Step 3: the heads' outputs concatenated and mixed by W_O, checked against the model's own output. */
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { HeadPicker } from '../../src/components/lesson/HeadPicker.tsx';
import { ModelJobStatus } from '../../src/components/lesson/ModelJobStatus.tsx';
import { useModelConfig } from '../../src/components/use-model-config.ts';
import { selectModelId, useAtlas } from '../../src/store/index.ts';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { useLessonTrace } from './use-model.ts';

export function ConcatProse() {
  const cfg = useModelConfig(useAtlas(selectModelId));
  const d = cfg ? { head: cfg.dModel / cfg.nHeads, heads: cfg.nHeads, model: cfg.dModel } : null;
  return (
    <>
      <p>
        {d
          ? `Each head returns ${d.head} numbers per token. The layer glues the ${d.heads} results side by side into ${d.model} numbers per token, then multiplies by one more learned matrix, `
          : 'Each head returns d_k numbers per token. The layer glues the results side by side, then multiplies by one more learned matrix, '}
        <i>W<sub>O</sub></i>{d && ` (${d.model} × ${d.model})`}, which mixes what the heads found.
        The result has the same shape as the input, so it can be added back onto it (the residual connection of the
        Transformer lesson).
      </p>
      <Formula tex={String.raw`\operatorname{MultiHead}(X) = \hl{\operatorname{Concat}(\text{head}_1, \dots, \text{head}_{${d ? d.heads : 'H'}})\, W_O}`} label="MultiHead of X equals the concatenation of the heads times W O" />
    </>
  );
}

export function ConcatFigure() {
  const t = useLessonTrace();
  if (t.state !== 'ready') return <ModelJobStatus job={t} modelId={t.modelId} remote={t.remote} />;
  const { layer, concat: r } = t;
  const cfg = t.model.config;
  const model = t.trace.layers[layer].attention;
  let worst = 0;
  for (let i = 0; i < model.data.length; i++) worst = Math.max(worst, Math.abs(model.data[i] - r.projected.data[i]));
  return (
    <>
      <ModelJobStatus job={t} modelId={t.modelId} remote={t.remote} />
      <HeadPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} coreferenceHead={t.model.meta.coreferenceHead} />
      <div className="matrix-row">
        {t.trace.layers[layer].heads.map((h, k) => <MatrixView key={k} name={`head ${k + 1}`} values={h.out} rowLabels={t.labels} maxCell={12} legend={false} />)}
      </div>
      <div className="matrix-row">
        <MatrixView name="Concat" values={r.concat} rowLabels={t.labels} maxCell={9} />
        <MatrixView name="× W_O =" values={r.projected} rowLabels={t.labels} maxCell={9} />
      </div>
      <p className="muted">
        Recomputed from the heads and <i>W<sub>O</sub></i>; the largest difference from the model's own attention
        output for layer {layer + 1} is {worst.toExponential(1)}.
      </p>
    </>
  );
}
