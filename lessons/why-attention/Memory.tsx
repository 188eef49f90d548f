/** Step 2: everything must fit in one state vector; watch what it keeps of a code, token by token. */
import { useMemo } from 'react';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import type { RecurrentClassifier } from '../../src/train/recipes/long-range-models.ts';
import { answerProbabilities, recallIfAskedNow } from './memory-probe.ts';
import { KIND_NAMES, useLongRangeModels } from './models.ts';
import { RecallControls, SequenceStrip } from './RecallControls.tsx';
import { useRecall } from './use-recall.ts';
import './why-attention.css';

export function Prose() {
  return (
    <>
      <p>
        To see what the state keeps, give a network something exact to remember. Each sequence below starts with a code
        of three digits, like the start of a phone number; then come random digits; then a question token asks for one
        symbol of the code, which sits N tokens before it. To answer, the network must have carried that symbol through every digit in between,
        in a state of fixed size: 80 numbers for the plain RNN, 38 + 38 for the LSTM, however long the sequence.
      </p>
      <p>
        Three small models were trained in this project on exactly this task, with about 9,000 parameters each: a plain
        RNN, an LSTM (Hochreiter &amp; Schmidhuber 1997), whose gated <em>cell</em> can hold a value unchanged, and a
        Transformer. The plot asks the two recurrent ones the question early: after every token, it runs one extra step
        with the question token from the state they have at that moment, and reads how sure they are of the right symbol.
      </p>
    </>
  );
}

export function Figure() {
  const loaded = useLongRangeModels();
  const seq = useRecall();
  const computed = useMemo(() => {
    if (loaded.state !== 'ready') return null;
    const ms = loaded.model;
    const curve = (m: RecurrentClassifier) => recallIfAskedNow(m, seq).map((p) => [p.distance, p.p] as [number, number]);
    const rnn = ms.rnn.kind === 'transformer' ? [] : curve(ms.rnn);
    const lstm = ms.lstm.kind === 'transformer' ? [] : curve(ms.lstm);
    const answers = (['rnn', 'lstm', 'transformer'] as const).map((k) => {
      const p = answerProbabilities(ms[k], seq);
      const best = p.indexOf(Math.max(...p));
      return { kind: k, best, pBest: p[best], pRight: p[seq.target] };
    });
    return { rnn, lstm, answers };
  }, [loaded, seq]);
  const series = useMemo(
    () => (computed ? [{ name: `${KIND_NAMES.rnn}: 80 numbers`, points: computed.rnn }, { name: `${KIND_NAMES.lstm}: 38 + 38 numbers`, points: computed.lstm }] : []),
    [computed],
  );
  return (
    <section aria-label="What the state keeps">
      <RecallControls />
      <SequenceStrip labels={seq.labels} roles={seq.roles} label={`The sequence: ${seq.input.length} tokens`} />
      {loaded.state === 'loading' && <p className="status">Loading the three models…</p>}
      {loaded.state === 'error' && <p className="error" role="alert">{loaded.message}<RetryButton retry={loaded.retry} /></p>}
      {computed && (
        <>
          <LinePlot
            title={`If the question came now: probability of the right answer (${seq.target})`}
            series={series}
            xLabel="distance to the asked symbol so far (tokens)"
            yLabel="P(right symbol)"
            yDomain={[0, 1]}
            reference={{ y: 0.1, label: 'chance' }}
          />
          <table className="wa-table">
            <caption>The real question at distance {seq.distance}: each model’s answer</caption>
            <thead>
              <tr><th scope="col">Model</th><th scope="col">Answer</th><th scope="col" className="num">its probability</th><th scope="col" className="num">P(right: {seq.target})</th></tr>
            </thead>
            <tbody>
              {computed.answers.map((a) => (
                <tr key={a.kind}>
                  <th scope="row">{KIND_NAMES[a.kind]}</th>
                  <td>{a.best} {a.best === seq.target ? '(right)' : '(wrong)'}</td>
                  <td className="num">{a.pBest.toFixed(2)}</td>
                  <td className="num">{a.pRight.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="wa-note">
            One sequence is one draw: press “New distractors” a few times, and try each of the three symbols. The plain RNN is
            sure of the code right after reading it, then loses confidence within a few tokens; what is left is a blurred
            memory, often right but rarely sure. The step after next measures this over many sequences.
          </p>
        </>
      )}
    </section>
  );
}
