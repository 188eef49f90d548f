/** Step 4: accuracy against distance for the RNN, the LSTM and the Transformer, measured in the page. */
import { useMemo } from 'react';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { evalDistances } from '../../src/data/long-range.ts';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import { useIncremental } from '../translation/use-incremental.ts';
import { accuracyJob, accuracyPoints, KINDS } from './accuracy-job.ts';
import { KIND_NAMES, useLongRangeModels } from './models.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { WHY_ATTENTION } from './inputs.ts';
import './why-attention.css';

/** Sequences per distance and model: ROUNDS chunks of PER_CHUNK (split over the three code slots). */
const ROUNDS = 8;
const PER_CHUNK = 25;

export function Prose() {
  return (
    <>
      <p>
        One sequence is an anecdote; accuracy over many is a measurement. For each distance N below, the page draws fresh
        sequences, asks each of the three models, and counts how often its most likely symbol is the right one. With ten
        symbols, guessing gets 10%.
      </p>
      <p>
        The Transformer has no state to carry: at the question it compares the question token with every earlier token
        and reads the one it needs, however far back (the next step shows it doing so). Its parameters are the same few
        thousand as the others’.
      </p>
    </>
  );
}

export function Figure() {
  const loaded = useLongRangeModels();
  const [seed, setSeed] = useLessonInput(WHY_ATTENTION, 'accuracy-seed');
  const models = loaded.state === 'ready' ? loaded.model : null;
  const run = useIncremental(models ? `accuracy/${seed}` : null, () => (models ? accuracyJob(models, evalDistances, ROUNDS, PER_CHUNK, 5000 + 100 * seed) : null));
  const progress = run.state === 'running' || run.state === 'done' ? run : null;
  const result = progress?.result ?? null;
  const series = useMemo(() => (result ? KINDS.map((k) => ({ name: KIND_NAMES[k], points: accuracyPoints(result[k], evalDistances) })) : []), [result]);
  const measured = result ? Math.min(...KINDS.flatMap((k) => result[k].map((t) => t.samples))) : 0; // complete rounds
  return (
    <section aria-label="Accuracy against distance">
      {loaded.state === 'loading' && <p className="status">Loading the three models…</p>}
      {loaded.state === 'error' && <p className="error" role="alert">{loaded.message}<RetryButton retry={loaded.retry} /></p>}
      {run.state === 'error' && <p className="error" role="alert">The measurement failed: {run.message}</p>}
      {result && (
        <>
          <p className="status" aria-live="polite">
            {run.state === 'done'
              ? `Measured just now: ${measured} fresh sequences per distance and model.`
              : `Measuring… ${progress?.done ?? 0} of ${progress?.total ?? 0} batches (${measured} of ${ROUNDS * PER_CHUNK} sequences per distance so far).`}{' '}
            <button type="button" onClick={() => setSeed((s) => s + 1)} disabled={run.state !== 'done'}>Measure on new sequences</button>
          </p>
          <LinePlot
            title="Recall accuracy against the distance to the asked symbol"
            series={series}
            xLabel="distance N (tokens between the asked symbol and the question)"
            yLabel="accuracy"
            yDomain={[0, 1]}
            reference={{ y: 0.1, label: 'chance' }}
          />
          <table className="wa-table">
            <caption>Accuracy by distance (the same numbers as the plot)</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                {evalDistances.map((d) => <th key={d} scope="col" className="num">N = {d}</th>)}
              </tr>
            </thead>
            <tbody>
              {KINDS.map((k) => (
                <tr key={k}>
                  <th scope="row">{KIND_NAMES[k]}</th>
                  {result[k].map((t, i) => <td key={evalDistances[i]} className="num">{t.samples ? `${Math.round((100 * t.right) / t.samples)}%` : '…'}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="wa-note">
            Read the RNN’s curve carefully: it falls fast over the first few tokens and then levels off well above chance.
            It keeps a blurred trace of the code, not nothing; what it cannot do is keep all three symbols exactly. The
            LSTM can, at every distance measured here (its line lies under the Transformer’s at 100%). What the LSTM still
            shares with the RNN is the single state and the one-token-at-a-time reading; the rest of this lesson is about
            the alternative, and what each costs.
          </p>
        </>
      )}
    </section>
  );
}
