/** Step 5: the Transformer's question token looks straight back at the asked symbol, in one step. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { transformerForward } from '../../src/models/transformer.ts';
import { noGrad } from '../../src/runtime/index.ts';
import { answerProbabilities } from './memory-probe.ts';
import { useLongRangeModels } from './models.ts';
import { RecallControls, SequenceStrip } from './RecallControls.tsx';
import { useRecall } from './use-recall.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { WHY_ATTENTION } from './inputs.ts';
import './why-attention.css';

export function Prose() {
  return (
    <>
      <p>
        Attention replaces the carried state with a lookup. Every token keeps its own vector; at the question, the query
        vector <em>q</em> of the question token is compared with the key <em>k</em><sub>j</sub> of every earlier token,
        and a softmax turns the comparisons into weights. The answer is read from the tokens with the largest weights.
        No chain of steps sits between the question and the code: the path is one step long, whatever N is.
      </p>
      <Formula tex={String.raw`a_j = \hl{\operatorname{softmax}_j\!\Big(\frac{q \cdot k_j}{\sqrt{d_k}}\Big)}, \qquad \text{output} = \sum_j a_j\, v_j`} />
      <p>
        Below are the weights of the question token of the trained one-layer Transformer (two attention heads) on the
        same kind of sequence. Change the code, the asked symbol or the distance and watch where the weight goes. The
        next lessons take this computation apart.
      </p>
    </>
  );
}

export function Figure() {
  const loaded = useLongRangeModels();
  const seq = useRecall();
  const [head, setHead] = useLessonInput(WHY_ATTENTION, 'attention-head');
  const shown = useMemo(() => {
    if (loaded.state !== 'ready' || loaded.model.transformer.kind !== 'transformer') return null;
    const m = loaded.model.transformer;
    const trace = noGrad(() => transformerForward(m.transformer, [seq.input], { trace: true, logits: false }).trace);
    if (!trace) return null;
    const T = seq.input.length;
    const heads = trace.layers[0].heads;
    const rows = heads.map((h) => h.weights.data.slice((T - 1) * T, T * T)); // per head, the question's row (T)
    const p = answerProbabilities(m, seq);
    const best = p.indexOf(Math.max(...p));
    return { rows, onAsked: heads.map((h) => h.weights.data[(T - 1) * T + seq.slot]), best, pBest: p[best] };
  }, [loaded, seq]);
  return (
    <section aria-label="Attention looks back">
      <RecallControls />
      <SequenceStrip labels={seq.labels} roles={seq.roles} label={`The sequence: ${seq.input.length} tokens`} />
      {loaded.state === 'loading' && <p className="status">Loading the models…</p>}
      {loaded.state === 'error' && <p className="error" role="alert">{loaded.message}<RetryButton retry={loaded.retry} /></p>}
      {shown && (
        <>
          <div className="wa-field" role="group" aria-label="Attention head">
            <span className="wa-field-label" aria-hidden="true">Head</span>
            {shown.rows.map((_, k) => (
              <button key={k} type="button" aria-pressed={k === Math.min(head, shown.rows.length - 1)} onClick={() => setHead(k)}>
                {k + 1}
              </button>
            ))}
          </div>
          <HeatmapFigure
            title="Attention weights of the question token over the sequence"
            caption={`Where the question ${seq.labels.at(-1)} looks in head ${Math.min(head, shown.rows.length - 1) + 1}, ${seq.distance} tokens after the asked symbol`}
            filename="question-attention"
            rows={[seq.labels.at(-1) ?? 'Q']}
            cols={seq.labels.map((l, i) => `${i + 1}:${l}`)}
            values={shown.rows[Math.min(head, shown.rows.length - 1)]}
            domain={[0, 1]}
            rowAxis="query"
            colAxis="position: token"
            legend="weight"
            maxCell={40}
            minLabelCell={30}
          />
          <p aria-live="polite">
            Position {seq.slot + 1}, the asked symbol, gets weight {shown.onAsked.map((w) => w.toFixed(2)).join(' and ')} in the two heads, {seq.distance} tokens
            back. The Transformer answers {shown.best} with probability {shown.pBest.toFixed(2)} ({shown.best === seq.target ? 'right' : 'wrong'}).
          </p>
        </>
      )}
    </section>
  );
}
