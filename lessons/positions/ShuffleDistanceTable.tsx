/**
 * Every layer's answer to "did the attention follow the words?": the mean share of attention
 * that lands on different words after the shuffle, with the positions as trained and removed.
 */
const percent = (v: number) => (v < 0.0005 ? `${(100 * v).toExponential(0)}%` : `${(100 * v).toFixed(0)}%`);

export interface ShuffleDistanceTableProps {
  trained: number[]; // per layer, mean over heads
  removed: number[];
  causal: boolean;
}

export function ShuffleDistanceTable({ trained, removed, causal }: ShuffleDistanceTableProps) {
  return (
    <div className="positions-table">
      <table className="viz-table">
        <caption>Share of each token’s attention that moves to different words after the shuffle (mean over heads and tokens)</caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Positions as trained</th>
            <th scope="col">Positions removed</th>
          </tr>
        </thead>
        <tbody>
          {trained.map((v, l) => (
            <tr key={l}>
              <th scope="row">{l + 1}</th>
              <td>{percent(v)}</td>
              <td>{removed[l] === 0 ? '0% (exactly)' : percent(removed[l])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {causal && (
        <p className="muted">
          This model is a decoder: each token may only look at the tokens before it. Shuffling changes which words come before which, so
          even without positions its pattern cannot simply move with the words — the causal mask itself is a signal of order.
        </p>
      )}
    </div>
  );
}
