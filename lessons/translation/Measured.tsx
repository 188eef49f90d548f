/** Step 7: does the attention find the right word on sentences the model never saw? Measured live. */
import { useMemo } from 'react';
import { References, type Reference } from '../../src/components/lesson/References.tsx';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { crossedContentLinks, heldOutSet } from '../../src/train/recipes/translate-common.ts';
import { TRANSLATION } from './inputs.ts';
import { emptyAlignmentTally, tallyAlignment } from './measure-alignment.ts';
import { translateIds } from './translate-view.ts';
import { useIncremental } from './use-incremental.ts';
import { useTranslator } from './translator.ts';
import './translation.css';

const SAMPLE = 300;
const CHUNK = 25;

export const REFERENCES: readonly Reference[] = [
  { authors: 'Bahdanau, D., Cho, K., & Bengio, Y.', year: 2014, title: 'Neural Machine Translation by Jointly Learning to Align and Translate', url: 'https://arxiv.org/abs/1409.0473' },
  { authors: 'Cho, K., van Merriënboer, B., Gulcehre, C., Bahdanau, D., Bougares, F., Schwenk, H., & Bengio, Y.', year: 2014, title: 'Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation', url: 'https://arxiv.org/abs/1406.1078' },
  { authors: 'Sutskever, I., Vinyals, O., & Le, Q. V.', year: 2014, title: 'Sequence to Sequence Learning with Neural Networks', url: 'https://arxiv.org/abs/1409.3215' },
];

export function Prose() {
  return (
    <>
      <p>
        One sentence is an anecdote. The corpus knows which English word each French word translates, so the question can
        be measured: feed the decoder the correct French, one word at a time, and check whether each French word’s row
        peaks on its own English word. The numbers below are computed now, on held-out sentences the model never trained on.
      </p>
      <p>
        Attention gave the decoder a way around the single vector, and a picture of what it does. The next lessons keep the
        attention and drop the recurrence: in a Transformer, every word looks at every other word this way, in every layer.
      </p>
    </>
  );
}

export function Figure() {
  const loaded = useTranslator();
  const m = loaded.state === 'ready' ? loaded.model : null;
  const run = useIncremental(m ? 'alignment' : null, () => {
    if (!m) return null;
    const pairs = heldOutSet().slice(0, SAMPLE);
    return { total: Math.ceil(SAMPLE / CHUNK), initial: emptyAlignmentTally(), step: (k, acc) => tallyAlignment(m, pairs.slice(k * CHUNK, (k + 1) * CHUNK), acc) };
  });
  const crossedPairs = useMemo(() => heldOutSet().slice(0, SAMPLE).filter((p) => crossedContentLinks(p).length > 0), []);
  const [which, setWhich] = useLessonInput(TRANSLATION, 'example');
  const example = useMemo(() => {
    if (!m || crossedPairs.length === 0) return null;
    const p = crossedPairs[which % crossedPairs.length];
    return { p, view: translateIds(m, p.enTokens.map((w) => m.vocabs.en.id(w))) };
  }, [m, crossedPairs, which]);
  const pct = (a: number, b: number) => (b > 0 ? `${((100 * a) / b).toFixed(1)}%` : '…');
  return (
    <section aria-label="Alignment measured on held-out sentences">
      {loaded.state === 'loading' && <p className="status">Loading the translator…</p>}
      {loaded.state === 'error' && <p className="error" role="alert">{loaded.message}<RetryButton retry={loaded.retry} /></p>}
      {run.state === 'error' && <p className="error" role="alert">The measurement failed: {run.message}</p>}
      {(run.state === 'running' || run.state === 'done') && (
        <>
          <p className="status" aria-live="polite">
            {run.state === 'done' ? `Measured just now on ${run.result.sentences} held-out sentences.` : `Measuring… ${run.result.sentences} of ${SAMPLE} sentences.`}
          </p>
          <table className="tr-table">
            <caption className="visually-hidden">How often a French word’s attention peaks on the English word it translates</caption>
            <thead>
              <tr><th scope="col">French words</th><th scope="col" className="num">How many</th><th scope="col" className="num">Row peaks on its English word</th></tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Nouns and adjectives whose order French reverses (in {run.result.crossedSentences} sentences)</th>
                <td className="num">{run.result.crossed}</td>
                <td className="num">{pct(run.result.crossedHits, run.result.crossed)}</td>
              </tr>
              <tr>
                <th scope="row">Every French word that translates exactly one English word</th>
                <td className="num">{run.result.linked}</td>
                <td className="num">{pct(run.result.linkedHits, run.result.linked)}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      {example && (
        <>
          <div className="tr-picker">
            <button type="button" onClick={() => setWhich((w) => w + 1)}>Show another held-out sentence</button>
            <span className="muted">Reference: <span lang="fr">{example.p.fr}</span></span>
          </div>
          <HeatmapFigure
            title="A held-out sentence with a reordering, translated by the model"
            caption={`Alignment of “${example.p.en}” → “${example.view.french}”`}
            filename="held-out-alignment"
            rows={example.view.tokens}
            cols={example.p.enTokens}
            values={example.view.alignment}
            domain={[0, 1]}
            rowAxis="French word"
            colAxis="English word"
            legend="weight a_tj"
            maxCell={48}
          />
        </>
      )}
      <References items={REFERENCES} />
    </section>
  );
}
