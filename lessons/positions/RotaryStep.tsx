/** Step 7: rotary positions rotate q and k; the score depends on the distance alone. References. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { References } from '../../src/components/lesson/References.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { exact } from '../../src/viz/format.ts';
import { RangeField } from '../../src/components/lesson/controls.tsx';
import { additiveScores, randomQueryKey, rotaryScores } from './rotary.ts';
import { diagonalSpread } from './sinusoid-stats.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { POSITIONS, ROTARY_GRID } from './inputs.ts';
import './positions.css';

const P = ROTARY_GRID; // positions in the score grid
const D_HEAD = 16;

export function RotaryProse() {
  return (
    <>
      <p>
        Rotary position embedding (RoPE), used by Llama and most recent language models, adds nothing to the embeddings. Inside every
        attention layer it rotates the query and the key instead: each pair of dimensions of <em>q</em> is turned by the angle{' '}
        <em>m</em>θ<sub><em>i</em></sub> for a query at position <em>m</em>, and the key at position <em>n</em> by <em>n</em>θ<sub><em>i</em></sub>,
        with the same frequencies θ<sub><em>i</em></sub> = 10000<sup>−2<em>i</em>/<em>d</em></sup> as the sinusoids. Rotating both and taking
        the dot product leaves only the difference of the angles:
      </p>
      <Formula tex={String.raw`(R_m q)\cdot(R_n k) = q^{\top} R_m^{\top} R_n\, k = q^{\top} \hl{R_{\,n-m}}\, k`} />
      <p>
        So the score sees the relative distance <em>n</em> − <em>m</em> and nothing else about position, in every layer, exactly. The figure
        rotates one random query and key (16 dimensions) with the runtime’s <code>rope</code> op for every pair of positions. Move both
        positions by the same shift and the score does not change; with the sinusoid added to <em>q</em> and <em>k</em> instead, it does.
      </p>
    </>
  );
}

export function RotaryFigure() {
  const [seed, setSeed] = useLessonInput(POSITIONS, 'rotary-seed');
  const [m, setM] = useLessonInput(POSITIONS, 'm');
  const [n, setN] = useLessonInput(POSITIONS, 'n');
  const [shift, setShift] = useLessonInput(POSITIONS, 'shift');
  const s = Math.min(shift, P - 1 - Math.max(m, n));
  const { q, k } = useMemo(() => randomQueryKey(seed, D_HEAD), [seed]);
  const rotary = useMemo(() => rotaryScores(q, k, P), [q, k]);
  const added = useMemo(() => additiveScores(q, k, P), [q, k]);
  const labels = useMemo(() => Array.from({ length: P }, (_, i) => String(i)), []);
  const at = (grid: Float32Array, a: number, b: number) => grid[a * P + b];
  return (
    <div className="positions-figure">
      <div className="positions-sliders">
        <RangeField label="Query position m" value={m} min={0} max={P - 1} onChange={setM} />
        <RangeField label="Key position n" value={n} min={0} max={P - 1} onChange={setN} />
        <RangeField label="Shift both by" value={s} min={0} max={P - 1 - Math.max(m, n)} onChange={setShift} />
        <button type="button" onClick={() => setSeed((x) => x + 1)}>New random q and k</button>
      </div>
      <table className="viz-table positions-table" aria-live="polite">
        <caption>Scores for the chosen positions (computed with the rope op and with the sinusoid added)</caption>
        <thead>
          <tr>
            <th scope="col">Positions</th>
            <th scope="col">Rotary</th>
            <th scope="col">Sinusoid added</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">m = {m}, n = {n}</th>
            <td>{exact(at(rotary, m, n))}</td>
            <td>{exact(at(added, m, n))}</td>
          </tr>
          <tr>
            <th scope="row">m = {m + s}, n = {n + s}</th>
            <td>{exact(at(rotary, m + s, n + s))}</td>
            <td>{exact(at(added, m + s, n + s))}</td>
          </tr>
          <tr>
            <th scope="row">largest change along any diagonal</th>
            <td>{exact(diagonalSpread(rotary, P))}</td>
            <td>{exact(diagonalSpread(added, P))}</td>
          </tr>
        </tbody>
      </table>
      <HeatmapFigure
        title="Rotary scores (R_m q) · (R_n k)"
        rows={labels}
        cols={labels}
        values={rotary}
        rowAxis="query position"
        colAxis="key position"
        highlightCols={[n]}
        maxCell={26}
        legend="score"
        caption="Every diagonal (same n − m) has one colour: the score depends on the distance alone."
        filename="rotary-scores"
      />
      <References
        items={[
          { authors: 'Vaswani, Shazeer, Parmar, Uszkoreit, Jones, Gomez, Kaiser & Polosukhin', year: 2017, title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' },
          { authors: 'Devlin, Chang, Lee & Toutanova', year: 2019, title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', url: 'https://arxiv.org/abs/1810.04805' },
          { authors: 'Su, Lu, Pan, Murtadha, Wen & Liu', year: 2021, title: 'RoFormer: Enhanced Transformer with Rotary Position Embedding', url: 'https://arxiv.org/abs/2104.09864' },
        ]}
      />
    </div>
  );
}
