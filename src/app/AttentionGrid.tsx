/**
 * A minimal attention heatmap (queries down, keys across) with the exact weight in each
 * cell, until the d3 visual kit arrives. Viridis-like ramp: readable with colour-blindness.
 */
import type { Tensor } from '../runtime/index.ts';

/** Dark purple -> teal -> yellow, a perceptually ordered ramp (viridis endpoints). */
function ramp(v: number): string {
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const x = Math.min(1, Math.max(0, v)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const c = stops[i].map((a, k) => Math.round(a + (stops[i + 1][k] - a) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export function AttentionGrid({ weights, labels, caption }: { weights: Tensor; labels: string[]; caption: string }) {
  const [T] = weights.dims2('AttentionGrid');
  return (
    <table className="grid">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">query \ key</th>
          {labels.map((l, j) => (
            <th scope="col" key={j}>{l}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: T }, (_, i) => (
          <tr key={i}>
            <th scope="row">{labels[i]}</th>
            {Array.from(weights.row(i), (v, j) => (
              <td key={j} style={{ background: ramp(v), color: v > 0.55 ? '#111' : '#fff' }}>
                {v.toFixed(2)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
