/** Step 3: the sinusoidal matrix as a picture, sizes adjustable up to 100 x 512. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { sinusoidalWavelength } from '../../src/models/positional.ts';
import { exact } from '../../src/viz/format.ts';
import { RangeField } from '../../src/components/lesson/controls.tsx';
import { MatrixFigure } from './MatrixFigure.tsx';
import { MAX_DIMS, MAX_POSITIONS, sinusoidMatrix } from './sinusoid-stats.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { POSITIONS } from './inputs.ts';
import './positions.css';

export function SinusoidProse() {
  return (
    <>
      <p>
        The original Transformer did not learn its positions. It added a fixed matrix, one row per position and one column per dimension,
        filled by a formula. Dimensions come in pairs: dimension 2<em>i</em> holds a sine and dimension 2<em>i</em>+1 a cosine of the
        same angle.
      </p>
      <Formula tex={String.raw`\hl{PE(pos,\,2i) = \sin\!\left(\frac{pos}{10000^{2i/d}}\right)}, \qquad \hl{PE(pos,\,2i{+}1) = \cos\!\left(\frac{pos}{10000^{2i/d}}\right)}`} />
      <p>
        Drag the sliders: the picture is computed from the formula as you drag, up to 100 positions × 512 dimensions (51,200 values).
        Read a row from left to right and you have one position’s vector. The columns on the left change quickly from row to row; the
        columns on the right hardly change at all over 100 positions. Every position gets a different row, and every value stays
        between −1 and 1, however long the sentence — unlike a plain counter 0, 1, 2, … that would grow without bound.
      </p>
    </>
  );
}

export function SinusoidFigure() {
  const [positions, setPositions] = useLessonInput(POSITIONS, 'positions');
  const [dims, setDims] = useLessonInput(POSITIONS, 'dims');
  const values = useMemo(() => sinusoidMatrix(positions, dims), [positions, dims]);
  const color = useMemo(() => ({ kind: 'diverging' as const, maxAbs: 1 }), []);
  const slowest = sinusoidalWavelength(dims / 2 - 1, dims);
  // How far the slowest pair's sine gets over the rows shown (its angle is still small).
  const slowestSpan = values[(positions - 1) * dims + dims - 2];
  const summary =
    `${positions} positions × ${dims} dimensions (${(positions * dims).toLocaleString('en')} values). ` +
    `Dimensions 0 and 1 repeat every ${exact(sinusoidalWavelength(0, dims))} positions; the last pair, dimensions ${dims - 2} and ${dims - 1}, ` +
    `every ${exact(slowest)} positions, so over these rows its sine only climbs from 0 to ${exact(slowestSpan)}.`;
  return (
    <div className="positions-figure">
      <div className="positions-sliders">
        <RangeField label="Positions" value={positions} min={1} max={MAX_POSITIONS} onChange={setPositions} />
        <RangeField label="Dimensions d" value={dims} min={2} max={MAX_DIMS} step={2} onChange={setDims} />
      </div>
      <MatrixFigure
        title="Sinusoidal position encodings"
        rows={positions}
        cols={dims}
        values={values}
        color={color}
        rowAxis="position"
        colAxis="dimension"
        legend="value"
        summary={summary}
        filename="sinusoidal-positions"
        caption="Red is positive, blue negative, white 0. Computed with sinusoidalEncoding from src/models/positional.ts."
      />
    </div>
  );
}
