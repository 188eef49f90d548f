/**
 * Step 4 (the lesson's question): why the mask. Predict which positions change when only the
 * last word changes, then see it measured: tiny-gpt runs on both sentences and every
 * position's hidden state is compared, layer by layer.
 */
import { useMemo, useState } from 'react';
import { Formula } from '../../../src/components/lesson/Formula.tsx';
import { Question } from '../../../src/components/lesson/Question.tsx';
import { RetryButton } from '../../../src/components/lesson/RetryButton.tsx';
import type { TextBundle } from '../../../src/components/lesson/use-trace.ts';
import { useModel } from '../../../src/components/use-model.ts';
import { firstDifference, positionChanges } from '../model/causal-check.ts';
import { HorizontalBars } from '../ui/HorizontalBars.tsx';
import { Loading, Problem } from '../ui/Notices.tsx';
import { GPT_ID } from '../ui/use-gpt-trace.ts';
import { tokenLabels } from '../../../src/tokenizers/index.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../inputs.ts';

export function WhyMaskProse() {
  return (
    <>
      <p>
        Why hide the future? Because of how a decoder is trained. It is shown a whole sentence at once and asked, at <em>every</em> position, to predict
        the token that comes next:
      </p>
      <Formula tex={String.raw`\mathcal{L} = -\sum_{t} \log p\left(x_{t+1} \mid \hl{x_{1}, \dots, x_{t}}\right)`} />
      <p>
        If position <i>t</i> could attend to position <i>t</i>+1, it could simply copy the answer, and the model would learn nothing useful for writing new
        text. The mask makes all those predictions honest at once, so one pass over a sentence trains one prediction per token.
      </p>
      <p>
        A common explanation says the mask hides future words <em>while generating</em>. But when a model generates, the future words do not exist yet:
        there is nothing to hide. The mask matters because training sees complete sentences; keeping it at generation time means the model sees exactly
        what it saw in training (and lets it reuse the keys and values of earlier positions instead of recomputing them).
      </p>
    </>
  );
}

function fmt(v: number): string {
  return v === 0 ? '0' : v < 0.001 ? v.toExponential(1) : v.toFixed(3);
}

function Comparison({ bundle }: { bundle: TextBundle }) {
  const [a] = useLessonInput(TRANSFORMER, 'sentence-a');
  const [b] = useLessonInput(TRANSFORMER, 'sentence-b');
  const result = useMemo(() => {
    const tok = bundle.tokenizer;
    if (!tok) return { error: 'tiny-gpt has no tokenizer.' };
    if (a.trim() === '' || b.trim() === '') return { error: 'Type a sentence in both boxes.' };
    const ta = tok.encode(a);
    const tb = tok.encode(b);
    const max = bundle.model.config.maxPositions;
    if (ta.length > max || tb.length > max) return { error: `tiny-gpt reads at most ${max} tokens; shorten the sentences.` };
    const ida = ta.map((t) => t.id);
    const idb = tb.map((t) => t.id);
    const changes = positionChanges(bundle.model, ida, idb);
    const [la, lb] = [tokenLabels(a, ta, tok.specialIds), tokenLabels(b, tb, tok.specialIds)];
    const labels = changes.map((_, i) => (ida[i] === idb[i] ? la[i] : `${la[i]}→${lb[i]}`));
    return { changes, labels, first: firstDifference(ida, idb) };
  }, [bundle, a, b]);
  const bars = useMemo(() => ('changes' in result && result.changes ? result.changes.map((c) => c.maxAbs) : []), [result]);
  const nLayers = bundle.model.config.nLayers;
  return (
    <div className="tf-figure">
      <SentenceInput lesson={TRANSFORMER} name="sentence-a" label="Sentence A" />
      <SentenceInput lesson={TRANSFORMER} name="sentence-b" label="Sentence B" />
      {'error' in result ? (
        <Problem>{result.error}</Problem>
      ) : (
        <>
          <p className="tf-readout" aria-live="polite">
            {result.first >= result.changes.length ? (
              <>The two sentences agree on all {result.changes.length} shared positions, so nothing differs.</>
            ) : (
              <>
                They first differ at position {result.first + 1}. Every position before it comes out <strong>exactly</strong> the same in every layer
                (largest difference: {fmt(Math.max(0, ...result.changes.slice(0, result.first).map((c) => c.maxAbs)))}); from position {result.first + 1} on,
                the vectors change.
              </>
            )}
          </p>
          <HorizontalBars
            caption="Largest change in the model's final vector, position by position"
            labels={result.labels.map((l, i) => `${i + 1}. ${l}`)}
            values={bars}
            max={Math.max(...bars, 1e-9)}
            format={fmt}
            legend="Each bar: the largest |A − B| over the vector's entries at that position. 0 means identical."
          />
          <details className="viz-table-details">
            <summary>Show every layer as a table</summary>
            <div className="viz-table-wrap">
              <table className="viz-table tf-number-table">
                <caption>Largest |A − B| in each block's output, per position</caption>
                <thead>
                  <tr>
                    <th scope="col">position</th>
                    {Array.from({ length: nLayers }, (_, l) => (
                      <th scope="col" key={l}>
                        layer {l + 1}
                      </th>
                    ))}
                    <th scope="col">final</th>
                  </tr>
                </thead>
                <tbody>
                  {result.changes.map((c, i) => (
                    <tr key={i}>
                      <th scope="row">
                        {i + 1}. {result.labels[i]}
                      </th>
                      {c.perLayer.map((v, l) => (
                        <td key={l}>{fmt(v)}</td>
                      ))}
                      <td>{fmt(c.maxAbs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </div>
  );
}

export function WhyMaskFigure() {
  const b = useModel(GPT_ID);
  const [answered, setAnswered] = useState(false);
  return (
    <>
      <Question
        prompt="tiny-gpt reads “the cat sat on the mat”. You change only the last word, to “sofa”, and run it again. In which positions does the model's output vector change?"
        choices={['Only at the last position', 'At every position', 'At the last two positions', 'Nowhere: one word is too small a change']}
        correct={0}
        explanation="Under the causal mask, positions 1 to 5 never see position 6, so nothing they compute can depend on it: their vectors are identical, bit for bit, in every layer. Only “sofa” itself changes. Measure it below, and try changing a word in the middle."
        onAnswer={() => setAnswered(true)}
      />
      {!answered && <p className="muted">Answer first; the measurement appears below.</p>}
      {answered && b.state === 'loading' && <Loading what="tiny-gpt" />}
      {answered && b.state === 'error' && <Problem>{b.message}<RetryButton retry={b.retry} /></Problem>}
      {answered && b.state === 'ready' && b.model.kind === 'text' && <Comparison bundle={b.model} />}
    </>
  );
}
