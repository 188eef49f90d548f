/** Step 2: token embedding + position embedding (+ segment), normalised: the matrix X. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { Status } from './Status.tsx';
import { useLessonHead } from './use-head.ts';

export function EmbeddingsProse() {
  return (
    <>
      <p>
        Each token number picks one row of a learned table, its <em>token embedding</em>: here a vector of 64 numbers.
        Attention itself ignores order, so the model also adds a learned <em>position embedding</em>, one row per
        position. BERT-style models then normalise each row (layer norm). The result is the matrix <i>X</i>: one row per
        token, and the input of the first attention layer.
      </p>
      <Formula tex="x_i = \hl{\operatorname{LayerNorm}\big(E[\text{token}_i] + P[i] + S[0]\big)}" label="x i equals layer norm of token embedding plus position embedding plus segment embedding" />
    </>
  );
}

export function EmbeddingsFigure() {
  const h = useLessonHead();
  const parts = useMemo(() => (h.state === 'ready' ? { tok: h.trace.tokenEmbeddings, pos: h.trace.positionEmbeddings, x: h.trace.embeddings } : null), [h]);
  if (h.state !== 'ready' || !parts) return <Status h={h} />;
  return (
    <div className="matrix-row">
      <MatrixView name="token embeddings" values={parts.tok} rowLabels={h.labels} maxCell={10} />
      {parts.pos && <MatrixView name="+ positions" values={parts.pos} rowLabels={h.labels} maxCell={10} />}
      <MatrixView name="= X (after layer norm)" values={parts.x} rowLabels={h.labels} maxCell={10} />
    </div>
  );
}
