/**
 * The lesson's sentence box: type English (or pick an example) and every figure below
 * recomputes. Says plainly which words the translator does not know, and when the sentence
 * is longer than anything it was trained on.
 */
import { useId } from 'react';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { EXAMPLE_SENTENCES, useSentenceStore } from './sentence-store.ts';
import { TRAINED_MAX_WORDS } from './read-english.ts';
import type { TranslationState } from './use-translation.ts';
import './translation.css';

export function SentenceInput({ t }: { t: TranslationState }) {
  const id = useId();
  const text = useSentenceStore((s) => s.text);
  const setText = useSentenceStore((s) => s.setText);
  return (
    <div className="tr-input">
      <div className="tr-input-row">
        <label htmlFor={id}>English sentence</label>
        <input id={id} type="text" value={text} maxLength={300} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="tr-examples" role="group" aria-label="Example sentences">
        {EXAMPLE_SENTENCES.map((s) => (
          <button key={s} type="button" aria-pressed={s === text} onClick={() => setText(s)}>
            {s}
          </button>
        ))}
      </div>
      <InputStatus t={t} />
    </div>
  );
}

/** What is wrong with the input, or what to keep in mind about it; nothing when all is well. */
function InputStatus({ t }: { t: TranslationState }) {
  if (t.state === 'loading') return <p className="status">Loading the translator…</p>;
  if (t.state === 'error') return <p className="error" role="alert">{t.message}<RetryButton retry={t.retry} /></p>;
  const r = t.reading;
  if (!r.ok) return <p className="tr-warning" role="status">{r.message}</p>;
  return (
    <div role="status">
      {r.unknown.length > 0 && (
        <p className="tr-warning">
          Not in the translator’s vocabulary: {r.unknown.map((w) => `“${w}”`).join(', ')}. It reads {r.unknown.length === 1 ? 'this word' : 'each of these'} as the
          one token &lt;unk&gt; (marked with ? below), so expect a wrong word there.
        </p>
      )}
      {r.tooLong && (
        <p className="tr-warning">
          {r.words.length} words: longer than any training sentence (at most {TRAINED_MAX_WORDS}), so the translation may go wrong.
        </p>
      )}
    </div>
  );
}

/** The words the translator knows, to help the student type sentences it can read. */
export function KnownWords({ words }: { words: readonly string[] }) {
  return (
    <details className="tr-known">
      <summary>Words the translator knows ({words.length})</summary>
      <p>{words.join(' ')}</p>
    </details>
  );
}
