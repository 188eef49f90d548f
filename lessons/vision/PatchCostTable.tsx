/** The token count and attention cost of every patch size that divides 28, the chosen one marked. */
import { FRAME } from '../../src/data/digits/index.ts';
import { patchCost } from './vit-run.ts';

/** A ratio with three significant digits, whole numbers with thousands separators. */
const ratio = (r: number) => (r >= 100 ? Math.round(r).toLocaleString('en') : r.toPrecision(3));

export function PatchCostTable({ sizes, current, trained }: { sizes: number[]; current: number; trained: number }) {
  const base = patchCost(FRAME, trained).scoresPerHead;
  return (
    <table className="viz-table vision-table">
      <caption>Every patch size for a {FRAME} × {FRAME} image (scores: query-key dot products per head and layer)</caption>
      <thead>
        <tr>
          <th scope="col">Patch</th>
          <th scope="col">Patches</th>
          <th scope="col">Tokens</th>
          <th scope="col">Scores</th>
          <th scope="col">vs {trained} × {trained}</th>
        </tr>
      </thead>
      <tbody>
        {sizes.map((p) => {
          const c = patchCost(FRAME, p);
          return (
            <tr key={p} className={p === current ? 'is-highlighted' : undefined} aria-current={p === current ? 'true' : undefined}>
              <th scope="row">{p} × {p}{p === trained ? ' (trained)' : ''}</th>
              <td>{c.patches}</td>
              <td>{c.tokens}</td>
              <td>{c.scoresPerHead.toLocaleString('en')}</td>
              <td>{ratio(c.scoresPerHead / base)}×</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
