/** The ten class probabilities as horizontal bars, the most likely digit marked in a second colour. */
import { percent } from './format.ts';

export function ProbabilityBars({ probabilities, label = 'Class probabilities' }: { probabilities: Float32Array; label?: string }) {
  const top = probabilities.indexOf(Math.max(...probabilities));
  return (
    <ul className="vision-probs" aria-label={label}>
      {Array.from(probabilities, (p, d) => (
        <li key={d} className={d === top ? 'is-top' : undefined}>
          <span className="digit">{d}</span>
          <span className="bar" aria-hidden="true">
            <span style={{ width: `${(100 * p).toFixed(2)}%` }} />
          </span>
          <span>{percent(p)}</span>
        </li>
      ))}
    </ul>
  );
}
