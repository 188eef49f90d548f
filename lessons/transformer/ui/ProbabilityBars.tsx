/**
 * Next-token probabilities as horizontal bars on a fixed 0-to-1 scale, so a change of
 * temperature visibly lengthens or shortens them; a thin mark on each bar shows the same
 * token's probability at T = 1 for comparison. Plain React: widths come from props.
 */
import { OKABE_ITO } from '../../../src/viz/colors.ts';

export interface ProbabilityBarsProps {
  caption: string;
  words: readonly string[];
  probs: readonly number[]; // at the current temperature
  reference: readonly number[]; // the same tokens at T = 1
}

const pct = (p: number) => `${(100 * Math.min(1, Math.max(0, p))).toFixed(2)}%`;
const fmt = (p: number) => (p > 0 && p < 0.001 ? '<0.001' : p.toFixed(3));

export function ProbabilityBars({ caption, words, probs, reference }: ProbabilityBarsProps) {
  return (
    <figure className="tf-probs">
      <figcaption>{caption}</figcaption>
      <table>
        <colgroup>
          <col className="tf-probs-col-word" />
          <col />
          <col className="tf-probs-col-value" />
        </colgroup>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">token</th>
            <th scope="col">bar</th>
            <th scope="col">probability (at T = 1)</th>
          </tr>
        </thead>
        <tbody>
          {words.map((w, i) => (
            <tr key={`${w}-${i}`}>
              <th scope="row">{w}</th>
              <td className="tf-probs-track">
                <span aria-hidden="true" className="tf-probs-bar" style={{ width: pct(probs[i]), background: OKABE_ITO[0] }} />
                <span aria-hidden="true" className="tf-probs-ref" style={{ left: pct(reference[i]) }} />
              </td>
              <td className="tf-probs-value">
                {fmt(probs[i])} <span className="muted">({fmt(reference[i])})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="tf-probs-legend muted">
        The black mark <span className="tf-probs-ref-key" aria-hidden="true" /> and the number in brackets: the same token's probability at T = 1. Bars run from 0 to 1, gridlines every 0.25.
      </p>
    </figure>
  );
}
