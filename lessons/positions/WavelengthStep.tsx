/** Step 4: each sin/cos pair is a wave of its own wavelength; the wavelengths grow geometrically. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import { sinusoidalWavelength } from '../../src/models/positional.ts';
import { exact } from '../../src/viz/format.ts';
import { RangeField } from '../../src/components/lesson/controls.tsx';
import { column, MAX_DIMS, MAX_POSITIONS, pairWavelengths, sinusoidMatrix } from './sinusoid-stats.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { POSITIONS } from './inputs.ts';
import './positions.css';

export function WavelengthProse() {
  return (
    <>
      <p>
        One pair of columns is one wave. Pair <em>i</em> turns its angle by 1/10000<sup>2<em>i</em>/<em>d</em></sup> radians per position, so it
        comes back to where it started after
      </p>
      <Formula tex={String.raw`\hl{\lambda_i = 2\pi \cdot 10000^{2i/d}}\ \text{positions.}`} />
      <p>
        Pick a pair and watch its sine and cosine along the positions. The wavelengths form a geometric series: each is the previous one times
        10000<sup>2/<em>d</em></sup>, from 2π ≈ 6.3 positions for the first pair up to 2π · 10000<sup>(<em>d</em>−2)/<em>d</em></sup>, just under
        2π · 10000 ≈ 63,000, for the last. Fast waves tell neighbours apart; slow waves tell the beginning of a long text from its end. A base
        as large as 10,000 keeps the slowest waves from coming round again within any text the model is likely to read.
      </p>
      <p>
        The cosine beside each sine matters: from the pair (sin, cos) at one position, the pair <em>k</em> positions later is a fixed
        rotation by <em>k</em>/10000<sup>2<em>i</em>/<em>d</em></sup>, the same at every position. A layer could learn to use that to attend by
        relative position; whether a trained model does is up to the training.
      </p>
    </>
  );
}

export function WavelengthFigure() {
  const [dims, setDims] = useLessonInput(POSITIONS, 'dims');
  const [pair, setPair] = useLessonInput(POSITIONS, 'pair');
  const i = Math.min(pair, dims / 2 - 1);
  const matrix = useMemo(() => sinusoidMatrix(MAX_POSITIONS, dims), [dims]);
  const waves = useMemo(() => {
    const sin = column(matrix, MAX_POSITIONS, dims, 2 * i);
    const cos = column(matrix, MAX_POSITIONS, dims, 2 * i + 1);
    return [
      { name: `sin, dimension ${2 * i}`, points: Array.from(sin, (v, p) => [p, v] as const) },
      { name: `cos, dimension ${2 * i + 1}`, points: Array.from(cos, (v, p) => [p, v] as const) },
    ];
  }, [matrix, dims, i]);
  const wavelengths = useMemo(() => {
    const all = pairWavelengths(dims);
    return [
      { name: 'wavelength of pair i', points: all.map((w, k) => [k, w] as const) },
      { name: `pair ${i}`, points: [[i, all[i]] as const] },
    ];
  }, [dims, i]);
  const lambda = sinusoidalWavelength(i, dims);
  return (
    <div className="positions-figure">
      <div className="positions-sliders">
        <RangeField label="Dimensions d" value={dims} min={2} max={MAX_DIMS} step={2} onChange={setDims} />
        <RangeField label="Pair i" value={i} min={0} max={dims / 2 - 1} onChange={setPair} />
      </div>
      <p className="viz-summary" aria-live="polite">
        Pair {i} of d = {dims} (dimensions {2 * i} and {2 * i + 1}): λ = 2π · 10000<sup>{2 * i}/{dims}</sup> = <strong>{exact(lambda)}</strong> positions.
        Each pair’s wavelength is {exact(Math.pow(10000, 2 / dims))} times the previous one.
      </p>
      <LinePlot title={`Pair ${i} over positions 0–${MAX_POSITIONS - 1}`} series={waves} xLabel="position" yLabel="value" yDomain={[-1, 1]} height={400} />
      <LinePlot title={`Wavelengths of all ${dims / 2} pairs`} series={wavelengths} xLabel="pair i" yLabel="positions" logY height={400} />
    </div>
  );
}
