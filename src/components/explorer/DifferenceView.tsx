/**
 * Two sentences side by side with the difference of one head's attention: the instructor's
 * "... too tired" against "... too wide". The difference is shown only where the two
 * sentences have the same number of tokens, so that each cell compares like with like.
 */
import { useMemo } from 'react';
import { headWeights, resultLabels, type AttentionResult } from '../../store/index.ts';
import { Heatmap } from '../viz/Heatmap.tsx';
import { HeatmapFigure } from '../viz/HeatmapFigure.tsx';
import './explorer.css';

export function DifferenceView({ a, b, layer, head }: { a: AttentionResult; b: AttentionResult; layer: number; head: number }) {
  const la = useMemo(() => resultLabels(a), [a]);
  const lb = useMemo(() => resultLabels(b), [b]);
  const wa = headWeights(a, layer, head);
  const wb = headWeights(b, layer, head);
  const diff = useMemo(() => (wa.length === wb.length ? wa.map((v, i) => v - wb[i]) : null), [wa, wb]);
  const diffLabels = useMemo(() => la.map((t, i) => (t === lb[i] ? t : `${t} / ${lb[i]}`)), [la, lb]);
  return (
    <div className="compare-grid">
      <HeatmapFigure title={`First: layer ${layer + 1}, head ${head + 1}`} rows={la} cols={la} values={wa} domain={[0, 1]} legend={false} skipSpecial />
      <HeatmapFigure title={`Second: layer ${layer + 1}, head ${head + 1}`} rows={lb} cols={lb} values={wb} domain={[0, 1]} legend={false} skipSpecial />
      {diff ? (
        <figure className="viz-heatmap-figure">
          <Heatmap title="First minus second (red: more in the first, blue: more in the second)" rows={diffLabels} cols={diffLabels} values={diff} diverging="RdBu" domain={[-1, 1]} legend="difference" />
        </figure>
      ) : (
        <p className="muted">The two sentences have different numbers of tokens ({la.length} and {lb.length}), so their maps cannot be subtracted cell by cell.</p>
      )}
    </div>
  );
}
