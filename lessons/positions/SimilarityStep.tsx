/** Step 5: dot products between sinusoidal position vectors depend only on the distance. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import { exact } from '../../src/viz/format.ts';
import { RangeField } from '../../src/components/lesson/controls.tsx';
import { MatrixFigure } from './MatrixFigure.tsx';
import { diagonalSpread, MAX_DIMS, MAX_POSITIONS, rowDots, sinusoidMatrix } from './sinusoid-stats.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { POSITIONS } from './inputs.ts';
import './positions.css';

export function SimilarityProse() {
  return (
    <>
      <p>
        How alike are two positions? Take the dot product of their rows. Each pair of columns contributes sin <em>a</em> sin <em>b</em> + cos{' '}
        <em>a</em> cos <em>b</em> = cos(<em>a</em> − <em>b</em>), so for positions <em>p</em> and <em>p</em> + <em>k</em>
      </p>
      <Formula tex={String.raw`PE(p)\cdot PE(p{+}k) = \hl{\sum_{i=0}^{d/2-1} \cos\!\left(\frac{k}{10000^{2i/d}}\right)}`} />
      <p>
        The position <em>p</em> has dropped out: only the distance <em>k</em> is left. In the picture every diagonal is one colour, and the
        curve for one position is the same shape wherever you put it. Each position is most like itself (the dot product is <em>d</em>/2
        there) and, roughly, less like positions further away.
      </p>
      <p>
        Two things are often said that are not quite right. The similarity does not fall steadily with distance: it ripples, and a far
        position can score higher than a nearer one. And it cannot tell before from after: cos is symmetric, so <em>k</em> and −<em>k</em>{' '}
        give the same number. In a real model the position vectors are added to word embeddings and then multiplied by learned matrices, so
        what attention makes of them is learned, not fixed by this formula.
      </p>
    </>
  );
}

export function SimilarityFigure() {
  const [positions, setPositions] = useLessonInput(POSITIONS, 'similarity-positions');
  const [dims, setDims] = useLessonInput(POSITIONS, 'similarity-dims');
  const [anchor, setAnchor] = useLessonInput(POSITIONS, 'anchor');
  const p = Math.min(anchor, positions - 1);
  const dots = useMemo(() => rowDots(sinusoidMatrix(positions, dims), positions, dims), [positions, dims]);
  const color = useMemo(() => ({ kind: 'diverging' as const, maxAbs: dims / 2 }), [dims]);
  const spread = useMemo(() => diagonalSpread(dots, positions), [dots, positions]);
  const curve = useMemo(
    () => [{ name: `PE(${p}) · PE(q)`, points: Array.from({ length: positions }, (_, q) => [q, dots[p * positions + q]] as const) }],
    [dots, positions, p],
  );
  const row = dots.subarray(p * positions, (p + 1) * positions);
  let nearestBump = -1;
  // The first distance at which the similarity rises again: where the ripples start.
  for (let k = 2; p + k < positions; k++) if (row[p + k] > row[p + k - 1]) {
    nearestBump = k;
    break;
  }
  const summary =
    `Every diagonal is constant: shifting both positions by the same amount changes the dot product by at most ${exact(spread)} (float rounding). ` +
    `Position ${p} scores ${exact(row[p])} with itself (d/2 = ${dims / 2})` +
    (nearestBump > 0 ? `; looking further right, the similarity first rises again at distance ${nearestBump}.` : '.');
  return (
    <div className="positions-figure">
      <div className="positions-sliders">
        <RangeField label="Positions" value={positions} min={2} max={MAX_POSITIONS} onChange={setPositions} />
        <RangeField label="Dimensions d" value={dims} min={2} max={MAX_DIMS} step={2} onChange={setDims} />
        <RangeField label="Position p" value={p} min={0} max={positions - 1} onChange={setAnchor} />
      </div>
      <MatrixFigure
        title="Dot products between positions"
        rows={positions}
        cols={positions}
        values={dots}
        color={color}
        square
        maxGridHeight={420}
        rowAxis="position"
        colAxis="position"
        legend="dot product"
        markRow={p}
        summary={summary}
        filename="sinusoid-position-similarity"
      />
      <LinePlot title={`Position ${p} against every position`} series={curve} xLabel="position q" yLabel="dot product" height={400} />
    </div>
  );
}
