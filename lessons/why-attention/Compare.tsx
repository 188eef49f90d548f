/** Step 7: the three models side by side, with the numbers measured again on this page. */
import { useMemo } from 'react';
import { References, type Reference } from '../../src/components/lesson/References.tsx';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { countLongRange, type RecurrentClassifier } from '../../src/train/recipes/long-range-models.ts';
import { useIncremental } from '../translation/use-incremental.ts';
import { accuracyJob, KINDS, type AccuracyTally } from './accuracy-job.ts';
import { formatRatio } from './format-ratio.ts';
import { addGradients, emptyGradientTally, ratioCurve, type GradientTally } from './gradient-probe.ts';
import { KIND_NAMES, useLongRangeModels, type LongRangeModels } from './models.ts';
import './why-attention.css';

const FAR = 64; // the longest distance the models were trained on
const GRAD_CHUNKS = 2; // x 16 sequences per recurrent model
const ACC_ROUNDS = 3; // x 30 sequences per model

export const REFERENCES: readonly Reference[] = [
  { authors: 'Elman, J. L.', year: 1990, title: 'Finding Structure in Time', url: 'https://doi.org/10.1207/s15516709cog1402_1' },
  { authors: 'Bengio, Y., Simard, P., & Frasconi, P.', year: 1994, title: 'Learning Long-Term Dependencies with Gradient Descent is Difficult', url: 'https://doi.org/10.1109/72.279181' },
  { authors: 'Hochreiter, S., & Schmidhuber, J.', year: 1997, title: 'Long Short-Term Memory', url: 'https://doi.org/10.1162/neco.1997.9.8.1735' },
  { authors: 'Pascanu, R., Mikolov, T., & Bengio, Y.', year: 2013, title: 'On the Difficulty of Training Recurrent Neural Networks', url: 'https://arxiv.org/abs/1211.5063' },
  { authors: 'Cho, K., van Merriënboer, B., Gulcehre, C., Bahdanau, D., Bougares, F., Schwenk, H., & Bengio, Y.', year: 2014, title: 'Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation', url: 'https://arxiv.org/abs/1406.1078' },
  { authors: 'Bahdanau, D., Cho, K., & Bengio, Y.', year: 2014, title: 'Neural Machine Translation by Jointly Learning to Align and Translate', url: 'https://arxiv.org/abs/1409.0473' },
  { authors: 'Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., & Polosukhin, I.', year: 2017, title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' },
];

export function Prose() {
  return (
    <>
      <p>
        Here are the three models of this lesson side by side. The first rows come from the models themselves, the
        middle rows from how each one computes, and the last two were measured again as this page opened.
      </p>
      <p>
        The LSTM fixed the vanishing gradient well enough to solve this task, and for twenty years gated RNNs were the
        way to model sequences. Attention was first added to them (the next lesson), and then the recurrence was dropped
        altogether: the Transformer keeps only the attention, reads every position at once, and connects any two tokens
        in one step, at a cost that grows with n².
      </p>
    </>
  );
}

interface Measured {
  grad: { rnn: GradientTally; lstm: GradientTally };
  acc: AccuracyTally;
}

function compareJob(ms: LongRangeModels) {
  if (ms.rnn.kind === 'transformer' || ms.lstm.kind === 'transformer') return null;
  const rnn: RecurrentClassifier = ms.rnn;
  const lstm: RecurrentClassifier = ms.lstm;
  const acc = accuracyJob(ms, [FAR], ACC_ROUNDS, 30, 9000);
  return {
    total: 2 * GRAD_CHUNKS + acc.total,
    initial: { grad: { rnn: emptyGradientTally(rnn, FAR), lstm: emptyGradientTally(lstm, FAR) }, acc: acc.initial } as Measured,
    step: (k: number, m: Measured): Measured => {
      if (k < GRAD_CHUNKS) return { ...m, grad: { ...m.grad, rnn: addGradients(rnn, m.grad.rnn, 16, 7000 + k) } };
      if (k < 2 * GRAD_CHUNKS) return { ...m, grad: { ...m.grad, lstm: addGradients(lstm, m.grad.lstm, 16, 7000 + k) } };
      return { ...m, acc: acc.step(k - 2 * GRAD_CHUNKS, m.acc) };
    },
  };
}

export function Figure() {
  const loaded = useLongRangeModels();
  const ms = loaded.state === 'ready' ? loaded.model : null;
  const run = useIncremental(ms ? 'compare' : null, () => (ms ? compareJob(ms) : null));
  const m = run.state === 'running' || run.state === 'done' ? run.result : null;
  const facts = useMemo(() => {
    if (!ms || ms.rnn.kind === 'transformer' || ms.lstm.kind === 'transformer' || ms.transformer.kind !== 'transformer') return null;
    return {
      params: { rnn: countLongRange(ms.rnn), lstm: countLongRange(ms.lstm), transformer: countLongRange(ms.transformer) },
      hRnn: ms.rnn.cell.hiddenSize,
      hLstm: ms.lstm.cell.hiddenSize,
      dModel: ms.transformer.transformer.config.dModel,
    };
  }, [ms]);
  const gradAt = (t: GradientTally | undefined, which: 'h' | 'c') => {
    if (!t || t.sequences === 0) return '…';
    const log = which === 'h' ? t.logH : t.logC;
    return log ? formatRatio(ratioCurve(log, t.sequences)[FAR][1]) : '…';
  };
  const acc = (k: (typeof KINDS)[number]) => {
    const t = m?.acc[k][0];
    return t && t.samples ? `${Math.round((100 * t.right) / t.samples)}% (${t.samples} sequences)` : '…';
  };
  return (
    <section aria-label="RNN, LSTM and Transformer compared">
      {loaded.state === 'loading' && <p className="status">Loading the three models…</p>}
      {loaded.state === 'error' && <p className="error" role="alert">{loaded.message}<RetryButton retry={loaded.retry} /></p>}
      {run.state === 'error' && <p className="error" role="alert">The measurement failed: {run.message}</p>}
      {facts && (
        <table className="wa-table">
          <caption>The three models of this lesson{run.state === 'running' ? ' (measuring…)' : ''}</caption>
          <thead>
            <tr><th scope="col" /><th scope="col">{KIND_NAMES.rnn}</th><th scope="col">{KIND_NAMES.lstm}</th><th scope="col">{KIND_NAMES.transformer}</th></tr>
          </thead>
          <tbody>
            <tr><th scope="row">Parameters (counted now)</th>{KINDS.map((k) => <td key={k}>{facts.params[k].toLocaleString('en-US')}</td>)}</tr>
            <tr>
              <th scope="row">Carried from token to token</th>
              <td>state h: {facts.hRnn} numbers</td>
              <td>state h and cell c: {facts.hLstm} + {facts.hLstm} numbers</td>
              <td>nothing: every token keeps its own {facts.dModel} numbers, and the question reads them all</td>
            </tr>
            <tr><th scope="row">Memory as n grows</th><td>fixed</td><td>fixed</td><td>grows with n (n × {facts.dModel})</td></tr>
            <tr><th scope="row">Steps one after another, per layer</th><td>n</td><td>n</td><td>1 (all positions at once)</td></tr>
            <tr><th scope="row">Path from a token to the question</th><td>n steps</td><td>n steps</td><td>1 step</td></tr>
            <tr><th scope="row">Cost per layer</th><td>O(n·d²)</td><td>O(n·d²)</td><td>O(n²·d)</td></tr>
            <tr>
              <th scope="row">Gradient reaching the asked symbol, {FAR} steps back, relative to at the question (measured now)</th>
              <td>{gradAt(m?.grad.rnn, 'h')} (of h)</td>
              <td>{gradAt(m?.grad.lstm, 'c')} (of the cell c)</td>
              <td>no chain of steps to cross</td>
            </tr>
            <tr><th scope="row">Accuracy at N = {FAR} (measured now; chance 10%)</th>{KINDS.map((k) => <td key={k}>{acc(k)}</td>)}</tr>
          </tbody>
        </table>
      )}
      <References items={REFERENCES} />
    </section>
  );
}
