/** Step 1: an RNN reads a sentence one word at a time; its real hidden state after every word. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { VectorBars } from '../../src/components/viz/VectorBars.tsx';
import { EnglishInput } from '../translation/EnglishInput.tsx';
import { useTranslation } from '../translation/use-translation.ts';
import { readWordByWord } from './encoder-reading.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { WHY_ATTENTION } from './inputs.ts';
import './why-attention.css';

export function Prose() {
  return (
    <>
      <p>
        A recurrent neural network (RNN) reads a sentence the way you read a ticker: one word at a time, left to right.
        It keeps a <em>hidden state</em> <em>h</em>, a vector of numbers, and each word updates it. The new state is
        computed from the old state and the new word only, so everything the network knows about the words before must
        be carried inside <em>h</em>.
      </p>
      <Formula tex={String.raw`h_t = \hl{f\,(h_{t-1},\, x_t)} \qquad\text{simplest: } f = \tanh(W x_t + U h_{t-1} + b)`} />
      <p>
        Below, a real RNN reads your sentence: the left-to-right half of the encoder of the English → French translator
        you will meet in the next lesson. Its <em>f</em> is a GRU, a gated version of the simple formula (Cho et al.
        2014), and its state has 64 numbers. Step through the sentence and watch the state change with every word.
      </p>
    </>
  );
}

export function Figure() {
  const [sentence] = useLessonInput(WHY_ATTENTION, 'sentence');
  const t = useTranslation(sentence);
  const [picked, setPicked] = useLessonInput(WHY_ATTENTION, 'read');
  const ready = t.state === 'ready' && t.reading.ok ? { m: t.m, reading: t.reading } : null;
  const read = useMemo(() => (ready ? readWordByWord(ready.m, ready.reading.ids) : null), [ready?.m, ready?.reading]);
  if (!ready || !read) return <EnglishInput t={t} lesson={WHY_ATTENTION} name="sentence" />;
  const S = ready.reading.words.length;
  const at = Math.min(picked ?? S, S); // 1-based: words read so far
  const H = read.states[0].length;
  const soFar = new Float32Array(at * H);
  for (let k = 0; k < at; k++) soFar.set(read.states[k], k * H);
  const word = ready.reading.words[at - 1];
  return (
    <section aria-label="An RNN reading word by word">
      <EnglishInput t={t} lesson={WHY_ATTENTION} name="sentence" />
      <div className="wa-stepper">
        <button type="button" onClick={() => setPicked(Math.max(1, at - 1))} disabled={at <= 1} aria-label="Previous word">◀</button>
        <label htmlFor="wa-read-t"><strong>Words read</strong></label>
        <input id="wa-read-t" type="range" min={1} max={S} value={at} onChange={(e) => setPicked(Number(e.target.value))} />
        <button type="button" onClick={() => setPicked(Math.min(S, at + 1))} disabled={at >= S} aria-label="Next word">▶</button>
        <output htmlFor="wa-read-t">{at} of {S}</output>
      </div>
      <p className="wa-sentence" aria-live="polite">
        {ready.reading.labels.map((w, k) => (
          <span key={`${k}-${w}`}>
            <span className={[k < at ? 'wa-word-read' : 'wa-word-unread', k === at - 1 ? 'wa-word-current' : ''].join(' ')}>{w}</span>{' '}
          </span>
        ))}
      </p>
      <div className="wa-two">
        <MatrixView name={`States h_1 … h_${at}, one row per word read`} values={soFar} rows={at} cols={H} rowLabels={ready.reading.labels.slice(0, at)} maxAbs={1} maxCell={9} />
        <VectorBars label={`h_${at}, after reading “${word}”`} values={read.states[at - 1]} maxAbs={1} length={130} />
      </div>
      <p aria-live="polite">
        Reading “{word}” moved the state by {read.change[at - 1].toFixed(2)} (the distance between h<sub>{at - 1}</sub> and h
        <sub>{at}</sub>); the state’s own length is {read.norm[at - 1].toFixed(2)}. After the last word, this one vector of {H}{' '}
        numbers is all the left-to-right reader has kept of the whole sentence.
      </p>
    </section>
  );
}
