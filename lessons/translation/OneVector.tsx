/** Step 5: without attention the decoder would get one vector for every word; here is that vector. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { compareContexts } from './context-compare.ts';
import { EnglishInput } from './EnglishInput.tsx';
import { useTranslation } from './use-translation.ts';

export function Prose() {
  return (
    <>
      <p>
        An encoder–decoder without attention (Cho et al. 2014; Sutskever et al. 2014) hands its decoder one summary of the
        sentence, the encoder’s final state, and the decoder gets that <em>same</em> vector while writing every word. Here
        it would be the last forward state and the last backward state stacked: 128 numbers, whether the sentence has 3
        words or 30.
      </p>
      <Formula tex={String.raw`\text{without attention: } c_t = \hl{\big[\,\overrightarrow{h}_T \,;\, \overleftarrow{h}_1\,\big]} \text{ for every } t \qquad \text{with attention: } c_t = \sum_j a_{tj} h_j`} />
      <p>
        With attention, each French word gets its own context. Compare the two pictures below for your sentence: the rows
        on the left change from word to word, the picture on the right is the one vector a
        decoder without attention would get, repeated for every word.
      </p>
    </>
  );
}

export function Figure() {
  const t = useTranslation();
  const ready = t.state === 'ready' && t.reading.ok && t.view ? { reading: t.reading, view: t.view } : null;
  const shown = useMemo(() => {
    if (!ready) return null;
    const { view } = ready;
    const D = view.final.length;
    const contexts = new Float32Array(view.steps.length * D);
    const repeated = new Float32Array(view.steps.length * D);
    view.steps.forEach((s, k) => {
      contexts.set(s.context, k * D);
      repeated.set(view.final, k * D);
    });
    return { D, contexts, repeated, cmp: compareContexts(view) };
  }, [ready?.view]);
  return (
    <section aria-label="One vector against one context per word">
      <EnglishInput t={t} />
      {ready && shown && (
        <>
          <div className="tr-two">
            <MatrixView name="With attention: c_t, one row per French word" values={shown.contexts} rows={ready.view.tokens.length} cols={shown.D} rowLabels={ready.view.tokens} maxAbs={shown.cmp.maxAbs} maxCell={8} />
            <MatrixView name="Without attention: the final state, at every step" values={shown.repeated} rows={ready.view.tokens.length} cols={shown.D} rowLabels={ready.view.tokens} maxAbs={shown.cmp.maxAbs} maxCell={8} />
          </div>
          <p aria-live="polite">
            Two contexts of this sentence have a cosine similarity of {shown.cmp.contextsAlike.toFixed(2)} on average (1 would mean
            identical). Without attention it is exactly 1: one vector, repeated.
          </p>
          <table className="tr-table">
            <caption className="visually-hidden">For each French word, the annotation its context is closest to, and its similarity with the final state</caption>
            <thead>
              <tr>
                <th scope="col">French word</th>
                <th scope="col">Its context is closest to the annotation of</th>
                <th scope="col" className="num">cosine</th>
                <th scope="col" className="num">cosine with the final state</th>
              </tr>
            </thead>
            <tbody>
              {shown.cmp.rows.map((r, k) => (
                <tr key={`${k}-${r.word}`}>
                  <th scope="row" lang="fr">{r.word}</th>
                  <td>“{ready.reading.words[r.nearest]}”</td>
                  <td className="num">{r.nearestSim.toFixed(2)}</td>
                  <td className="num">{r.withFinal.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="tr-note">
            The picture on the right is what this encoder computes, but this decoder was trained with attention and never
            had to live on that vector alone. The next step feeds it exactly that, and watches the translation.
          </p>
        </>
      )}
    </section>
  );
}
