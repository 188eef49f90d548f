/**
 * Step 7: the head's output for one query, the weighted sum of the value vectors. The
 * student picks the query token; bars show its weights over the keys and the resulting
 * vector, which equals that row of A V.
 */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { HeadPicker } from '../../src/components/lesson/HeadPicker.tsx';
import { VectorBars } from '../../src/components/viz/VectorBars.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { selectSelectToken, selectToken, useAtlas } from '../../src/store/index.ts';
import { Status } from './Status.tsx';
import { useLessonHead } from './use-head.ts';

export function WeightedSumProse() {
  return (
    <>
      <p>
        Each token's output is a blend of every token's value vector, mixed in the proportions of its row of weights.
        A token that puts weight 0.8 on “animal” gets mostly the value of “animal”: information flows along the
        attention from the key's position to the query's.
      </p>
      <Formula tex="\text{out}_i = \hl{\textstyle\sum_j A_{ij}\, v_j}, \qquad \text{out} = A V" label="out i equals the sum over j of A i j times v j" />
    </>
  );
}

export function WeightedSumFigure() {
  const h = useLessonHead();
  const token = useAtlas(selectToken);
  const setToken = useAtlas(selectSelectToken);
  const T = h.state === 'ready' ? h.labels.length : 0;
  const i = token !== null && token < T ? token : Math.max(0, Math.min(T - 1, defaultQuery(h)));
  const row = useMemo(() => (h.state === 'ready' ? Array.from(h.steps.weights.row(i)) : []), [h, i]);
  const out = useMemo(() => (h.state === 'ready' ? h.steps.out.row(i) : new Float32Array()), [h, i]);
  if (h.state !== 'ready') return <Status h={h} />;
  const cfg = h.model.config;
  return (
    <>
      <HeadPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} coreferenceHead={h.model.meta.coreferenceHead} />
      <div className="picker" role="group" aria-label="Query token">
        <span className="picker-label">Query</span>
        {h.labels.map((l, j) => (
          <button key={j} type="button" aria-pressed={j === i} onClick={() => setToken(j)}>{l}</button>
        ))}
      </div>
      <div className="matrix-row">
        <VectorBars label={`weights of “${h.labels[i]}” over the keys`} values={row} entryLabels={h.labels} orientation="horizontal" maxAbs={1} />
        <MatrixView name="V" values={h.steps.v} rowLabels={h.labels} maxCell={16} />
        <VectorBars label={`out for “${h.labels[i]}”`} values={out} />
      </div>
    </>
  );
}

/** The pronoun "it" if the sentence has one, else the first word. */
function defaultQuery(h: ReturnType<typeof useLessonHead>): number {
  if (h.state !== 'ready') return 0;
  const it = h.labels.findIndex((l) => ['it', 'he', 'she', 'they'].includes(l));
  return it >= 0 ? it : 1;
}
