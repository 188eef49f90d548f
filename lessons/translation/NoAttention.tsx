/** Step 6: take the attention away from the trained decoder and measure what is left. */
import { useMemo } from 'react';
import { EOS_ID } from '../../src/checkpoints/atlas-translation.ts';
import { joinFrench } from '../../src/data/translation/index.ts';
import { heldOutSet } from '../../src/train/recipes/translate-common.ts';
import { CONTEXT_MODES, decodeWithContext, type ContextMode } from './decode-variants.ts';
import { emptyTally, scoreVariants } from './measure-variants.ts';
import { EnglishInput } from './EnglishInput.tsx';
import { useIncremental } from './use-incremental.ts';
import { useTranslation } from './use-translation.ts';

/** Held-out sentences measured, and how many per chunk (about 30 ms of work each). */
const SAMPLE = 150;
const CHUNK = 10;

const MODE_TEXT: Record<ContextMode, { name: string; gets: string }> = {
  attention: { name: 'Learned attention', gets: 'c_t = Σ a_tj h_j with the trained weights (the model as it is)' },
  uniform: { name: 'Uniform weights', gets: 'every a_tj replaced by 1/S: the plain average of the annotations, at every step' },
  final: { name: 'Final state only (no attention)', gets: 'the encoder’s final state [→h_T ; ←h_1], the same at every step' },
};

export function Prose() {
  return (
    <>
      <p>
        How much does this translator depend on where it looks? Keep every trained weight and change only the context
        its decoder receives: first replace the learned weights <em>a</em><sub>tj</sub> with uniform ones (1/S for each
        of the S English words), then give it the encoder’s final state at every step, as a decoder without attention
        would get.
      </p>
      <p>
        Be careful what this measures. The decoder was trained <em>with</em> attention, so both replacements hand it
        contexts it never saw in training. No model trained without attention is shipped here to compare with; one would
        learn to pack the sentence into its final state and should do much better than the last row below. Bahdanau et
        al. found that such models translate short sentences well and get worse as sentences get longer, while the
        attention model does not. What you see here is how completely <em>this</em> decoder relies on looking at the
        right words.
      </p>
    </>
  );
}

export function Figure() {
  const t = useTranslation();
  const ready = t.state === 'ready' && t.reading.ok && t.view ? { m: t.m, reading: t.reading } : null;
  const outputs = useMemo(() => {
    if (!ready) return null;
    return CONTEXT_MODES.map((mode) => {
      const ids = decodeWithContext(ready.m.model, ready.reading.ids, mode).tokens;
      return { mode, french: joinFrench(ids.filter((id) => id !== EOS_ID).map((id) => ready.m.vocabs.fr.word(id))) };
    });
  }, [ready?.m, ready?.reading]);
  const m = t.state === 'ready' ? t.m : null;
  const run = useIncremental(m ? 'held-out' : null, () => {
    if (!m) return null;
    const pairs = heldOutSet().slice(0, SAMPLE);
    return { total: Math.ceil(SAMPLE / CHUNK), initial: emptyTally(), step: (k, acc) => scoreVariants(m, pairs.slice(k * CHUNK, (k + 1) * CHUNK), acc) };
  });
  return (
    <section aria-label="Translation without attention">
      <EnglishInput t={t} />
      {outputs && (
        <table className="tr-table">
          <caption className="visually-hidden">Your sentence translated with three kinds of context</caption>
          <thead>
            <tr><th scope="col">Context</th><th scope="col">What the decoder receives</th><th scope="col">French</th></tr>
          </thead>
          <tbody>
            {outputs.map((o) => (
              <tr key={o.mode}>
                <th scope="row">{MODE_TEXT[o.mode].name}</th>
                <td>{MODE_TEXT[o.mode].gets}</td>
                <td lang="fr"><strong>{o.french || '(nothing)'}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>On {SAMPLE} held-out sentences</h3>
      {run.state === 'idle' && <p className="status">Waiting for the translator…</p>}
      {run.state === 'error' && <p className="error" role="alert">The measurement failed: {run.message}</p>}
      {(run.state === 'running' || run.state === 'done') && (
        <>
          <p className="status" aria-live="polite">
            {run.state === 'done' ? `Measured just now on ${run.result.attention.sentences} sentences the model never trained on.` : `Measuring… ${run.result.attention.sentences} of ${SAMPLE} sentences.`}
          </p>
          <table className="tr-table">
            <caption className="visually-hidden">Exact match and words right for each kind of context</caption>
            <thead>
              <tr><th scope="col">Context</th><th scope="col" className="num">Sentences exactly right</th><th scope="col" className="num">Words right, in place</th></tr>
            </thead>
            <tbody>
              {CONTEXT_MODES.map((mode) => {
                const s = run.result[mode];
                return (
                  <tr key={mode}>
                    <th scope="row">{MODE_TEXT[mode].name}</th>
                    <td className="num">{s.sentences ? `${((100 * s.exact) / s.sentences).toFixed(1)}%` : '…'}</td>
                    <td className="num">{s.words ? `${((100 * s.wordsRight) / s.words).toFixed(1)}%` : '…'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
