/** Step 1: the RNN translator reads English into one annotation per word and writes French. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { EnglishInput, KnownWords } from './EnglishInput.tsx';
import { useTranslation } from './use-translation.ts';

export function Prose() {
  return (
    <>
      <p>
        A translator reads English and writes French. In the <em>encoder–decoder</em> design of 2014, one recurrent network, the
        encoder, reads the English sentence word by word; a second one, the decoder, writes the French sentence word by word.
        In the first versions the decoder saw only the encoder’s last state: one vector for the whole sentence.
      </p>
      <p>
        Bahdanau, Cho and Bengio let the decoder look back at the encoder’s state at <em>every</em> English word, and choose
        where to look each time it writes a word. That look back is attention, and this lesson takes it apart on a real model.
      </p>
      <p>
        The model was trained in this project on a toy English → French corpus (about 280 English words, sentences of at
        most 12 words). Its encoder reads your sentence twice, left to right and right to left, and keeps for each English
        word <em>j</em> an <em>annotation</em>: the two hidden states at that word, stacked.
      </p>
      <Formula tex={String.raw`\hl{h_j = \big[\,\overrightarrow{h}_j \,;\, \overleftarrow{h}_j\,\big]} \in \mathbb{R}^{64+64}`} />
    </>
  );
}

export function Figure() {
  const t = useTranslation();
  const ready = t.state === 'ready' && t.reading.ok && t.view ? { reading: t.reading, view: t.view } : null;
  const annotations = useMemo(() => {
    if (!ready) return null;
    const D = ready.view.annotations[0]?.length ?? 0;
    const flat = new Float32Array(ready.view.annotations.length * D);
    ready.view.annotations.forEach((h, j) => flat.set(h, j * D));
    return { flat, D };
  }, [ready?.view]);
  return (
    <section aria-label="Translate a sentence">
      <EnglishInput t={t} />
      {ready && annotations && (
        <>
          <p className="tr-output" aria-live="polite">
            <span className="tr-lang">French</span>
            {ready.view.french || '(nothing)'}
            {!ready.view.ended && <span className="tr-warning"> (stopped at the length limit without ending the sentence)</span>}
          </p>
          <MatrixView
            name="Annotations h_j, one row per English word"
            values={annotations.flat}
            rows={ready.reading.words.length}
            cols={annotations.D}
            rowLabels={ready.reading.labels}
            maxCell={16}
          />
          <p className="tr-note">
            Each row holds the {annotations.D} numbers the encoder keeps for one word: columns 1–{annotations.D / 2} from the left-to-right
            pass, the rest from the right-to-left pass. So every row depends on the whole sentence, though recurrent networks
            remember recent words best, so a row leans towards its own word and its neighbours. Red is positive, blue
            negative. Change one word and watch which rows change.
          </p>
        </>
      )}
      {t.state === 'ready' && <KnownWords words={t.m.vocabs.en.words.slice(4)} />}
    </section>
  );
}
