/** Step 3: the heads' outputs concatenated and mixed by W_O, checked against the model's own output. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { HeadPicker, useSelectedHead } from '../../src/components/lesson/HeadPicker.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { concatAndProject } from './compute.ts';
import { useLessonTrace } from './use-model.ts';

export function ConcatProse() {
  return (
    <>
      <p>
        Each head returns 16 numbers per token. The layer glues the four results side by side into 64 numbers per token,
        then multiplies by one more learned matrix, <i>W<sub>O</sub></i> (64 × 64), which mixes what the heads found.
        The result has the same shape as the input, so it can be added back onto it (the residual connection of the
        Transformer lesson).
      </p>
      <Formula tex="\operatorname{MultiHead}(X) = \hl{\operatorname{Concat}(\text{head}_1, \dots, \text{head}_4)\, W_O}" label="MultiHead of X equals the concatenation of the heads times W O" />
    </>
  );
}

export function ConcatFigure() {
  const t = useLessonTrace();
  const cfg = t.state === 'ready' ? t.bundle.model.config : null;
  const { layer } = useSelectedHead(cfg?.nLayers ?? 1, cfg?.nHeads ?? 1);
  const r = useMemo(() => (t.state === 'ready' ? concatAndProject(t.bundle.model, t.trace, layer) : null), [t, layer]);
  if (t.state !== 'ready' || !r || !cfg) return t.state === 'error' ? <p className="error" role="alert">{t.message}</p> : <p className="status">Loading…</p>;
  const model = t.trace.layers[layer].attention;
  let worst = 0;
  for (let i = 0; i < model.data.length; i++) worst = Math.max(worst, Math.abs(model.data[i] - r.projected.data[i]));
  return (
    <>
      <HeadPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} coreferenceHead={t.bundle.meta.coreferenceHead} />
      <div className="matrix-row">
        {t.trace.layers[layer].heads.map((h, k) => <MatrixView key={k} name={`head ${k + 1}`} values={h.out} rowLabels={t.labels} maxCell={12} legend={false} />)}
      </div>
      <div className="matrix-row">
        <MatrixView name="Concat" values={r.concat} rowLabels={t.labels} maxCell={9} />
        <MatrixView name="× W_O =" values={r.projected} rowLabels={t.labels} maxCell={9} />
      </div>
      <p className="muted">
        Recomputed here from the heads and <i>W<sub>O</sub></i>; the largest difference from the model's own attention
        output for layer {layer + 1} is {worst.toExponential(1)}.
      </p>
    </>
  );
}
