/**
 * Non-negative values (probabilities, distances) as labelled horizontal bars on a fixed
 * scale, with the number beside each bar; optionally a thin mark per bar for a reference
 * value (a token's probability at T = 1). Plain React: the widths come from props.
 */
import type { ReactNode } from 'react';
import { OKABE_ITO } from '../../../src/viz/colors.ts';

export interface HorizontalBarsProps {
  caption: string;
  labels: readonly string[];
  values: readonly number[];
  /** The value a full-width bar stands for. */
  max: number;
  format(v: number): string;
  /** A second value per bar, drawn as a mark and written in brackets. */
  reference?: readonly number[];
  /** Explains the scale and the reference mark under the bars. */
  legend?: ReactNode;
}

export function HorizontalBars({ caption, labels, values, max, format, reference, legend }: HorizontalBarsProps) {
  const pct = (v: number) => `${(100 * Math.min(1, Math.max(0, max > 0 ? v / max : 0))).toFixed(2)}%`;
  return (
    <figure className="tf-bars">
      <figcaption>{caption}</figcaption>
      <table>
        <colgroup>
          <col className="tf-bars-col-label" />
          <col />
          <col className="tf-bars-col-value" />
        </colgroup>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">label</th>
            <th scope="col">bar</th>
            <th scope="col">value{reference ? ' (reference)' : ''}</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((l, i) => (
            <tr key={`${l}-${i}`}>
              <th scope="row">{l}</th>
              <td className="tf-bars-track">
                <span aria-hidden="true" className="tf-bars-bar" style={{ width: pct(values[i]), background: OKABE_ITO[0] }} />
                {reference && <span aria-hidden="true" className="tf-bars-ref" style={{ left: pct(reference[i]) }} />}
              </td>
              <td className="tf-bars-value">
                {format(values[i])}
                {reference && <span className="muted"> ({format(reference[i])})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {legend && <p className="tf-bars-legend muted">{legend}</p>}
    </figure>
  );
}

/** The mark's key, for a legend sentence. */
export function ReferenceKey() {
  return <span className="tf-bars-ref-key" aria-hidden="true" />;
}
