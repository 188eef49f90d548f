/**
 * One head's masked scores written out as numbers: the scaled scores on and below the
 * diagonal, and the minus infinities the causal mask put above it (read from the trace's
 * `masked` field, not redrawn).
 */
import { useMemo } from 'react';
import type { Tensor } from '../../../src/runtime/index.ts';
import { maskedCells } from '../model/attention-views.ts';

/** One decimal, without the minus sign of a value that rounds to zero. */
function oneDecimal(v: number): string {
  const s = v.toFixed(1);
  return s === '-0.0' ? '0.0' : s.replace('-', '−');
}

export function MaskedScoresTable({ masked, labels, caption }: { masked: Tensor; labels: readonly string[]; caption: string }) {
  const cells = useMemo(() => maskedCells(masked), [masked]);
  return (
    <div className="viz-table-wrap tf-mask-wrap">
      <table className="viz-table tf-mask-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">query \ key</th>
            {labels.map((l, j) => (
              <th scope="col" key={j}>
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, i) => (
            <tr key={i}>
              <th scope="row">{labels[i]}</th>
              {row.map((c, j) => (
                <td key={j} className={c.blocked ? 'tf-blocked' : undefined}>
                  {c.blocked ? <span aria-label="minus infinity">−∞</span> : oneDecimal(c.value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
