/** Step 6: what attention costs and what it saves: n^2 d against n d^2, 1 against n steps. */
import { useId, useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import { countInWords, layerCosts } from './complexity.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { WHY_ATTENTION } from './inputs.ts';
import './why-attention.css';

export function Prose() {
  return (
    <>
      <p>
        Looking back at every token is not free. Self-attention compares every token with every other, n² pairs, each a
        dot product of length d; a recurrent layer multiplies its d-wide state by a d × d matrix once per token. So one
        layer costs on the order of n²·d against n·d² (Vaswani et al. 2017, Table 1): attention is the cheaper of the two
        while n &lt; d, and the dearer once sequences grow longer than the vectors are wide.
      </p>
      <Formula tex={String.raw`\text{self-attention: } \hl{O(n^2 \cdot d)} \qquad \text{recurrent: } \hl{O(n \cdot d^2)}`} />
      <p>
        What attention buys is in the other two columns. A recurrent layer must take its n steps one after another,
        since step t needs the state of step t − 1; attention computes all positions at once, which is what parallel
        hardware is good at. And a signal between two tokens n apart crosses n steps in an RNN, each one a chance to
        fade (as you measured), but one step in attention.
      </p>
    </>
  );
}

const N_EXP = { min: 3, max: 14 }; // n from 8 to 16,384 tokens
const D_EXP = { min: 4, max: 12 }; // d from 16 to 4,096

export function Figure() {
  const id = useId();
  const [n, setN] = useLessonInput(WHY_ATTENTION, 'n');
  const [d, setD] = useLessonInput(WHY_ATTENTION, 'd');
  const nExp = Math.log2(n);
  const dExp = Math.log2(d);
  const c = layerCosts(n, d);
  const series = useMemo(() => {
    // From d/8 to 4d: wide enough to see both sides of the crossing at n = d, whatever d is.
    const ns = Array.from({ length: 32 }, (_, k) => Math.round(d / 8 + (k * (4 * d - d / 8)) / 31));
    return [
      { name: 'self-attention: n²·d', points: ns.map((x) => [x, layerCosts(x, d).attention / 1e6] as [number, number]) },
      { name: 'recurrent: n·d²', points: ns.map((x) => [x, layerCosts(x, d).recurrent / 1e6] as [number, number]) },
    ];
  }, [d]);
  const ratio = c.attention / c.recurrent;
  return (
    <section aria-label="Cost per layer, sequential steps, path length">
      <div className="wa-controls">
        <div className="wa-field">
          <label htmlFor={`${id}-n`}>Sequence length n</label>
          <input id={`${id}-n`} type="range" min={N_EXP.min} max={N_EXP.max} value={nExp} onChange={(e) => setN(2 ** Number(e.target.value))} aria-valuetext={`${n} tokens`} />
          <output htmlFor={`${id}-n`}>{n.toLocaleString('en-US')}</output>
        </div>
        <div className="wa-field">
          <label htmlFor={`${id}-d`}>Vector width d</label>
          <input id={`${id}-d`} type="range" min={D_EXP.min} max={D_EXP.max} value={dExp} onChange={(e) => setD(2 ** Number(e.target.value))} aria-valuetext={`${d} numbers`} />
          <output htmlFor={`${id}-d`}>{d.toLocaleString('en-US')}</output>
        </div>
      </div>
      <table className="wa-table">
        <caption>One layer over n = {n.toLocaleString('en-US')} tokens of width d = {d.toLocaleString('en-US')} (after Vaswani et al. 2017, Table 1)</caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Cost per layer</th>
            <th scope="col" className="num">here</th>
            <th scope="col">Sequential operations</th>
            <th scope="col" className="num">here</th>
            <th scope="col">Longest path between tokens</th>
            <th scope="col" className="num">here</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Self-attention</th>
            <td>O(n²·d)</td><td className="num">{countInWords(c.attention)}</td>
            <td>O(1)</td><td className="num">{c.sequentialAttention}</td>
            <td>O(1)</td><td className="num">{c.pathAttention}</td>
          </tr>
          <tr>
            <th scope="row">Recurrent</th>
            <td>O(n·d²)</td><td className="num">{countInWords(c.recurrent)}</td>
            <td>O(n)</td><td className="num">{c.sequentialRecurrent.toLocaleString('en-US')}</td>
            <td>O(n)</td><td className="num">{c.pathRecurrent.toLocaleString('en-US')}</td>
          </tr>
        </tbody>
      </table>
      <p aria-live="polite">
        Here attention’s n²·d is {ratio >= 1 ? `${formatRatio(ratio)} times` : `1/${formatRatio(1 / ratio)} of`} the recurrent layer’s n·d² (the
        ratio is n / d = {n.toLocaleString('en-US')} / {d.toLocaleString('en-US')}). Not in the table: a Transformer layer also
        projects every token to its query, key, value and output, another 4·n·d² = {countInWords(c.projections)} multiply-adds.
      </p>
      <LinePlot
        title={`Leading cost of one layer against n, at d = ${d.toLocaleString('en-US')} (a curve against a line, crossing at n = d)`}
        series={series}
        xLabel="sequence length n"
        yLabel="million multiply-adds"
      />
      <p className="wa-note">
        These are counts from the formulas, not timings: constant factors, memory traffic and the hardware decide real
        speed. The plot runs from n = d/8 to n = 4d, so the crossing is always in view; move d to move it.
      </p>
    </section>
  );
}

function formatRatio(r: number): string {
  return r >= 10 ? Math.round(r).toLocaleString('en-US') : r.toFixed(r === Math.round(r) ? 0 : 2);
}
