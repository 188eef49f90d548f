/**
 * The lesson's sentence box (the course's one SentenceInput, bound to a lesson's English
 * sentence) with what is wrong with the input, or what to keep in mind about it: words the
 * translator does not know, a sentence longer than anything it was trained on.
 */
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { SentenceInput, type TextInputName } from '../../src/components/lesson/SentenceInput.tsx';
import type { InputSpecs, LessonInputs } from '../../src/store/index.ts';
import { EXAMPLE_SENTENCES, TRANSLATION } from './inputs.ts';
import { TRAINED_MAX_WORDS } from './read-english.ts';
import type { TranslationState } from './use-translation.ts';
import './translation.css';

/** The English box, bound to this lesson's sentence unless another lesson passes its own input. */
export function EnglishInput<S extends InputSpecs>({ t, lesson, name }: { t: TranslationState; lesson?: LessonInputs<S>; name?: TextInputName<S> }) {
  const box = { label: 'English sentence', examples: EXAMPLE_SENTENCES, examplesLabel: 'Example sentences' };
  return (
    <div className="tr-input">
      {lesson && name ? <SentenceInput {...box} lesson={lesson} name={name} /> : <SentenceInput {...box} lesson={TRANSLATION} name="sentence" />}
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
