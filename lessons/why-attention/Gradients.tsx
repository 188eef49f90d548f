/** Step 3 (the lesson's question): vanishing gradients, measured by back-propagation through time. */
import { useEffect, useMemo, useState } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { Question } from '../../src/components/lesson/Question.tsx';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import type { RecurrentClassifier } from '../../src/train/recipes/long-range-models.ts';
import { useIncremental } from '../translation/use-incremental.ts';
import { addGradients, emptyGradientTally, ratioCurve, type GradientTally } from './gradient-probe.ts';
import { formatRatio } from './format-ratio.ts';
import { useLongRangeModels } from './models.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { WHY_ATTENTION } from './inputs.ts';
import './why-attention.css';

/** Sequences per model, in chunks of CHUNK (each chunk is one forward and backward pass). */
const SEQUENCES = 64;
const CHUNK = 16;

export function Prose() {
  return (
    <>
      <p>
        Why does the plain RNN not simply learn to hold the code? It learns from gradients: the error at the question is
        sent backwards through every step it read (<em>back-propagation through time</em>), and the weights change
        according to what arrives. To reach the code, the signal passes through one factor per token in between, each a
        matrix: the recurrent weights <em>U</em>, scaled by the slope of tanh at that step.
      </p>
      <Formula tex={String.raw`\frac{\partial L}{\partial h_t} = \frac{\partial L}{\partial h_T}\;\hl{\prod_{k=t+1}^{T} \frac{\partial h_k}{\partial h_{k-1}}}, \qquad \frac{\partial h_k}{\partial h_{k-1}} = \operatorname{diag}\!\big(1-h_k^2\big)\,U`} />
      <p>
        A product of many factors that each shrink the signal shrinks it exponentially: the gradient <em>vanishes</em>{' '}
        (Bengio, Simard &amp; Frasconi 1994; Pascanu, Mikolov &amp; Bengio 2013). The LSTM’s cell is updated by addition,
        c<sub>t</sub> = f<sub>t</sub> ⊙ c<sub>t−1</sub> + i<sub>t</sub> ⊙ g<sub>t</sub>, so along the cell the factor per
        step is just the forget gate f<sub>t</sub>, which the network can hold near 1.
      </p>
    </>
  );
}

export function Figure() {
  const [answered, setAnswered] = useState(false);
  return (
    <section aria-label="Vanishing gradients">
      <Question
        prompt="Take the trained plain RNN and sequences where the asked symbol is 64 tokens back. Compared with its size at the question, how large is the gradient when it reaches the state 64 steps earlier?"
        choices={['About half as large', 'About a hundredth', 'Less than a millionth']}
        correct={2}
        explanation="Each step back multiplies the gradient by a matrix that shrinks it by a roughly constant factor; 64 such factors compound to many orders of magnitude. The learning signal from a distant question barely reaches the code, so the RNN can hardly learn to protect it. The LSTM’s cell passes the gradient back almost intact."
        onAnswer={() => setAnswered(true)}
      />
      {answered ? <GradientPlot /> : <p className="wa-note">Answer first; the measurement appears here.</p>}
    </section>
  );
}

function GradientPlot() {
  const loaded = useLongRangeModels();
  const [distance, setDistance] = useLessonInput(WHY_ATTENTION, 'gradient-distance');
  const [seed, setSeed] = useLessonInput(WHY_ATTENTION, 'gradient-seed');
  const models = loaded.state === 'ready' ? loaded.model : null;
  const run = useIncremental(models ? `${distance}/${seed}` : null, () => {
    if (!models || models.rnn.kind === 'transformer' || models.lstm.kind === 'transformer') return null;
    const rnn: RecurrentClassifier = models.rnn;
    const lstm: RecurrentClassifier = models.lstm;
    const per = SEQUENCES / CHUNK;
    return {
      total: 2 * per,
      initial: { rnn: emptyGradientTally(rnn, distance), lstm: emptyGradientTally(lstm, distance) },
      step: (k, acc: { rnn: GradientTally; lstm: GradientTally }) =>
        k < per ? { ...acc, rnn: addGradients(rnn, acc.rnn, CHUNK, seed * 1000 + k) } : { ...acc, lstm: addGradients(lstm, acc.lstm, CHUNK, seed * 1000 + k) },
    };
  });
  const result = run.state === 'running' || run.state === 'done' ? run.result : null;
  const series = useMemo(() => {
    if (!result) return [];
    const out = [];
    if (result.rnn.sequences > 0) out.push({ name: 'RNN: dL/dh_t', points: ratioCurve(result.rnn.logH, result.rnn.sequences) });
    if (result.lstm.sequences > 0 && result.lstm.logC) {
      out.push({ name: 'LSTM: dL/dh_t', points: ratioCurve(result.lstm.logH, result.lstm.sequences) });
      out.push({ name: 'LSTM cell: dL/dc_t', points: ratioCurve(result.lstm.logC, result.lstm.sequences) });
    }
    return out;
  }, [result]);
  // While a new measurement starts (a slider moved), keep drawing the last curves instead of an empty plot.
  const [shown, setShown] = useState(series);
  useEffect(() => {
    if (series.length > 0) setShown(series);
  }, [series]);
  const last = (s: (typeof series)[number] | undefined) => s?.points.at(-1)?.[1];
  return (
    <>
      {loaded.state === 'loading' && <p className="status">Loading the models…</p>}
      {loaded.state === 'error' && <p className="error" role="alert">{loaded.message}<RetryButton retry={loaded.retry} /></p>}
      <div className="wa-controls">
        <div className="wa-field">
          <label htmlFor="wa-grad-n">Distance to the code</label>
          <input id="wa-grad-n" type="range" min={4} max={64} value={distance} onChange={(e) => setDistance(Number(e.target.value))} />
          <output htmlFor="wa-grad-n">{distance}</output>
        </div>
        <button type="button" onClick={() => setSeed((s) => s + 1)}>New sequences</button>
      </div>
      {run.state === 'error' && <p className="error" role="alert">The measurement failed: {run.message}</p>}
      {result && shown.length > 0 && (
        <>
          <LinePlot
            title="Gradient reaching the state k steps before the question, relative to at the question"
            series={shown}
            xLabel="k, steps back from the question"
            yLabel="|dL/ds_(T−k)| / |dL/ds_T|"
            logY
          />
          <p aria-live="polite" className="status">
            {run.state === 'done'
              ? `Measured just now with the runtime’s autograd on ${result.rnn.sequences} fresh sequences per model, asking for the 1st symbol ${distance} tokens back. ` +
                `${distance} steps back the RNN’s gradient is ${formatRatio(last(series[0]))} of its size at the question; the LSTM cell’s is ${formatRatio(last(series[2]))}.`
              : `Back-propagating… ${run.state === 'running' ? run.done : 0} of ${run.state === 'running' ? run.total : 0} batches.`}
          </p>
          <p className="wa-note">
            Each curve is a typical (geometric-mean) ratio over the sequences: one sequence’s gradient norm k steps back,
            divided by its norm at the question. The LSTM’s h<sub>t</sub> receives little gradient in the middle of the
            sequence, but its cell c<sub>t</sub>, where it keeps the code, receives almost all of it. At the far right the
            curves turn up a little: those are the first few states, where the code is written, and the loss is more
            sensitive to them than to the states in the middle.
          </p>
        </>
      )}
    </>
  );
}
