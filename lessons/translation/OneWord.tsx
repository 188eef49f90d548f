/** Step 3: how the decoder chooses where to look for one French word: scores, weights, context. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { VectorBars } from '../../src/components/viz/VectorBars.tsx';
import { argmax, cosine } from '../../src/runtime/index.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { EnglishInput } from './EnglishInput.tsx';
import { TRANSLATION } from './inputs.ts';
import { useTranslation } from './use-translation.ts';
import { pickStep, WordPicker } from './WordPicker.tsx';

export function Prose() {
  return (
    <>
      <p>
        The decoder writes French one word at a time. Before writing word <em>t</em>, its state <em>s</em>
        <sub>t−1</sub> sums up what it has written so far. It compares that state with every English annotation
        <em> h</em><sub>j</sub> through a small network of its own, which gives one score <em>e</em><sub>tj</sub> per
        English word. A softmax turns the scores into weights <em>a</em><sub>tj</sub> that are positive and add up to 1,
        and the <em>context</em> <em>c</em><sub>t</sub> is the weighted average of the annotations. The decoder reads
        <em> c</em><sub>t</sub> together with the previous word to choose the next one.
      </p>
      <p>
        Nobody told the model which English word goes with which French word: <em>W</em><sub>a</sub>, <em>U</em>
        <sub>a</sub> and <em>v</em><sub>a</sub> were trained only to make the right French words likely. Pick a French word
        below and see the three quantities it was written from.
      </p>
    </>
  );
}

export function Figure() {
  const t = useTranslation();
  const [picked, setPicked] = useLessonInput(TRANSLATION, 'word');
  const ready = t.state === 'ready' && t.reading.ok && t.view ? { reading: t.reading, view: t.view } : null;
  const step = ready ? pickStep(ready.view.tokens, picked, (w) => w === 'rouge' || w === 'profond') : 0;
  const shown = useMemo(() => {
    if (!ready) return null;
    const st = ready.view.steps[step];
    const sims = ready.view.annotations.map((h) => cosine(st.context, h));
    const j = argmax(st.weights);
    const others = Array.from(st.scores).filter((_, k) => k !== j);
    const lead = others.length > 0 ? st.scores[j] - Math.max(...others) : null; // score gap to the runner-up
    return { st, j, lead, near: argmax(sims), sim: Math.max(...sims) };
  }, [ready?.view, step]);
  return (
    <section aria-label="One decoder step">
      <EnglishInput t={t} />
      {ready && shown && (
        <>
          <WordPicker words={ready.view.tokens} selected={step} onSelect={setPicked} label="French word being written" />
          <div className="tr-two">
            <div>
              <Formula tex={String.raw`\hl{e_{tj} = v_a^{\top}\tanh\!\big(W_a\, s_{t-1} + U_a\, h_j\big)}`} />
              <VectorBars label={`Scores e_tj, writing “${shown.st.word}”`} values={shown.st.scores} entryLabels={ready.reading.labels} orientation="horizontal" length={400} />
            </div>
            <div>
              <Formula tex={String.raw`\hl{a_{tj} = \frac{\exp(e_{tj})}{\sum_{k}\exp(e_{tk})}}`} />
              <VectorBars label={`Weights a_tj, writing “${shown.st.word}”`} values={shown.st.weights} entryLabels={ready.reading.labels} orientation="horizontal" length={400} maxAbs={1} />
            </div>
          </div>
          <p aria-live="polite">
            Writing “{shown.st.word}”, the decoder puts {shown.st.weights[shown.j].toFixed(2)} of its attention on “{ready.reading.words[shown.j]}”
            (the weights add up to {sum(shown.st.weights).toFixed(2)}).
            {shown.lead !== null &&
              ` The softmax keeps the order of the scores and stretches their gaps: “${ready.reading.words[shown.j]}” leads the runner-up by ${shown.lead.toFixed(2)} in score, so its weight is e^${shown.lead.toFixed(2)} ≈ ${fmtFactor(Math.exp(shown.lead))} times the runner-up’s.`}
          </p>
          <Formula tex={String.raw`\hl{c_t = \sum_j a_{tj}\, h_j}`} />
          <VectorBars label={`Context c_t for “${shown.st.word}”`} values={shown.st.context} length={120} />
          <p className="tr-note">
            Of all the annotations, the context is most like that of “{ready.reading.words[shown.near]}” (cosine similarity{' '}
            {shown.sim.toFixed(2)}): with most of the weight on one word, the average is nearly that word’s annotation.
          </p>
        </>
      )}
    </section>
  );
}

function fmtFactor(x: number): string {
  return x < 100 ? x.toFixed(1) : x < 1e6 ? Math.round(x).toLocaleString('en-US') : x.toExponential(1);
}

function sum(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s;
}
