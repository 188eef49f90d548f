/** Step 3: Q = X W_Q, K = X W_K, V = X W_V for the selected head, with their shapes. */
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { HeadPicker } from '../../src/components/lesson/HeadPicker.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { Status } from './Status.tsx';
import { useLessonHead } from './use-head.ts';

export function QkvProse() {
  return (
    <>
      <p>
        A head asks three questions of every token, each a matrix multiplication. The <em>query</em> <i>q</i> says what
        this token is looking for, the <em>key</em> <i>k</i> what it offers to others who look, and the <em>value</em>{' '}
        <i>v</i> what it hands over when chosen. The three weight matrices are learned; the same ones serve every
        position.
      </p>
      <Formula tex="\hl{Q = X W_Q}, \quad K = X W_K, \quad V = X W_V" label="Q equals X times W Q; K equals X times W K; V equals X times W V" />
      <p>
        With 4 heads and 64 dimensions, each head works in 16 dimensions: <i>X</i> (tokens × 64) times <i>W<sub>Q</sub></i> (64 × 16)
        gives <i>Q</i> (tokens × 16). Pick another layer or head: the matrices below are that head's own.
      </p>
    </>
  );
}

export function QkvFigure() {
  const h = useLessonHead();
  if (h.state !== 'ready') return <Status h={h} />;
  const { x, wq, q, k, v } = h.steps;
  const cfg = h.model.config;
  return (
    <>
      <HeadPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} coreferenceHead={h.model.meta.coreferenceHead} />
      <div className="matrix-row">
        <MatrixView name={h.layer === 0 ? 'X' : `X (layer ${h.layer + 1} input)`} values={x} rowLabels={h.labels} maxCell={9} />
        <MatrixView name="× W_Q" values={wq} maxCell={9} />
        <MatrixView name="= Q" values={q} rowLabels={h.labels} maxCell={16} />
      </div>
      <div className="matrix-row">
        <MatrixView name="K = X W_K" values={k} rowLabels={h.labels} maxCell={16} />
        <MatrixView name="V = X W_V" values={v} rowLabels={h.labels} maxCell={16} />
      </div>
    </>
  );
}
