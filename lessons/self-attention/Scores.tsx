/** Step 4: every query against every key, S = Q K^T, before any scaling or softmax. */
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { HeadPicker } from '../../src/components/lesson/HeadPicker.tsx';
import { AttentionTable } from '../../src/components/viz/AttentionTable.tsx';
import { Heatmap } from '../../src/components/viz/Heatmap.tsx';
import { Status } from './Status.tsx';
import { useLessonHead } from './use-head.ts';

export function ScoresProse() {
  return (
    <>
      <p>
        How well does token <i>i</i>'s query match token <i>j</i>'s key? Their dot product says: large when the two
        vectors point the same way. Doing it for every pair at once is one matrix product, a tokens × tokens table of
        <em> scores</em>. Row <i>i</i> is query <i>i</i> against every key.
      </p>
      <Formula tex="\hl{S = Q K^{\top}}, \qquad S_{ij} = q_i \cdot k_j" label="S equals Q times K transposed" />
      <p>Scores can be any real number, negative too: they are not yet weights.</p>
    </>
  );
}

export function ScoresFigure() {
  const h = useLessonHead();
  if (h.state !== 'ready') return <Status h={h} />;
  const cfg = h.model.config;
  return (
    <>
      <HeadPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} coreferenceHead={h.model.meta.coreferenceHead} />
      <Heatmap
        title={`Scores Q Kᵀ, layer ${h.layer + 1}, head ${h.head + 1}`}
        rows={h.labels}
        cols={h.labels}
        values={h.steps.scores}
        legend="score (dot product)"
        scheme="cividis"
        minLabelCell={40}
      />
      <AttentionTable rows={h.labels} cols={h.labels} values={h.steps.scores} caption="Scores Q Kᵀ (query rows, key columns)" digits={1} />
    </>
  );
}
