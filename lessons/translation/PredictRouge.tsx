/** Step 2, the lesson’s question: where does the decoder look when it writes "rouge"? */
import { useState } from 'react';
import { Question } from '../../src/components/lesson/Question.tsx';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { argmax } from '../../src/runtime/index.ts';
import { useTranslation } from './use-translation.ts';

/** The question's sentence: one adjective that French moves after its noun. */
export const QUESTION_SENTENCE = 'the cat sees the red car';

export function Prose() {
  return (
    <>
      <p>
        Each time the decoder writes a French word it spreads one unit of attention over the English words: a weight
        between 0 and 1 for each, adding up to 1. The more weight a word gets, the more of it goes into what the decoder
        reads before choosing its next word.
      </p>
      <p>
        In “{QUESTION_SENTENCE}”, English puts the colour before the noun and French puts it after: “le chat voit la voiture
        rouge”. The decoder has just written “voiture”. Before you see any weights, decide where it looks next.
      </p>
    </>
  );
}

export function Figure() {
  const [answered, setAnswered] = useState(false);
  const t = useTranslation(QUESTION_SENTENCE);
  return (
    <section aria-label="Predict where the decoder looks">
      <Question
        prompt="While writing “rouge”, which English word gets the largest attention weight?"
        choices={['“the”', '“car”', '“red”', '“sees”']}
        correct={2}
        explanation="To write the adjective the decoder looks back past “car” to “red”: the French order changed, and the attention followed it. The model was never told which words correspond; it found the alignment because it helps to translate."
        onAnswer={() => setAnswered(true)}
      />
      {answered && <Reveal t={t} />}
    </section>
  );
}

function Reveal({ t }: { t: ReturnType<typeof useTranslation> }) {
  if (t.state === 'loading') return <p className="status">Loading the translator…</p>;
  if (t.state === 'error') return <p className="error" role="alert">{t.message}<RetryButton retry={t.retry} /></p>;
  if (!t.reading.ok || !t.view) return <p className="error" role="alert">The question’s sentence could not be read.</p>;
  const { view, reading } = t;
  const row = view.tokens.indexOf('rouge');
  const S = reading.words.length;
  const weights = row === -1 ? null : view.alignment.subarray(row * S, (row + 1) * S);
  return (
    <>
      <p aria-live="polite">
        {weights
          ? `Measured just now: writing “rouge”, the decoder puts ${weights[argmax(weights)].toFixed(2)} on “${reading.words[argmax(weights)]}” and ${weights[reading.words.indexOf('car')].toFixed(2)} on “car”.`
          : `This time the translator wrote “${view.french}”, without “rouge”.`}
      </p>
      <PinnedHeatmap rows={view.tokens} cols={reading.labels} values={view.alignment} first={row === -1 ? null : row} french={view.french} />
    </>
  );
}

/** The alignment with one row pinned at first; clicking another row moves the pin. */
function PinnedHeatmap({ rows, cols, values, first, french }: { rows: string[]; cols: string[]; values: Float32Array; first: number | null; french: string }) {
  const [pinned, setPinned] = useState<number | null>(first);
  return (
    <HeatmapFigure
      title="Where each French word looks"
      caption={`Alignment of “${QUESTION_SENTENCE}” → “${french}”`}
      filename="rouge-looks-at-red"
      rows={rows}
      cols={cols}
      values={values}
      domain={[0, 1]}
      rowAxis="French word"
      colAxis="English word"
      legend="weight a_tj"
      pinnedRow={pinned}
      onPinRow={setPinned}
      maxCell={56}
    />
  );
}
