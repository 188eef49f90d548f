/** The lesson's in-place messages: loading, a problem with the input, a caution. */
import type { ReactNode } from 'react';
import { describeUnseen, type UnseenWord } from '../../../src/tokenizers/index.ts';

export function Loading({ what }: { what: string }) {
  return <p className="status">Loading {what}…</p>;
}

/** A problem that replaces the figure (bad input, a model that failed to load). */
export function Problem({ children }: { children: ReactNode }) {
  return (
    <p className="error tf-problem" role="alert">
      {children}
    </p>
  );
}

/** Something the student should know about what is shown, e.g. words the model never saw. */
export function Caution({ children }: { children: ReactNode }) {
  return <p className="warning tf-caution">{children}</p>;
}

/** Words outside a model's vocabulary, named so the student knows the model read them as unknown. */
export function UnknownWords({ words, model, asWhat }: { words: readonly string[]; model: string; asWhat: string }) {
  if (words.length === 0) return null;
  const list = words.map((w) => `“${w}”`).join(', ');
  const them = words.length === 1 ? 'it' : 'them';
  const lead = words.length === 1 ? 'This word is' : 'These words are';
  return (
    <Caution>
      {lead} outside what {model} has learned: {list}. It reads {them} as {asWhat} (marked “?” in the figures), so expect poor output around {them}.
    </Caution>
  );
}

/** Words a tokenizer model never saw whole ([UNK], or split into pieces), said the course's one way. */
export function UnseenWords({ words, model }: { words: readonly UnseenWord[]; model: string }) {
  if (words.length === 0) return null;
  return (
    <Caution>
      {model} never saw {describeUnseen(words)} as a whole word; those tokens are marked “?” in the figures, so expect poor output around them.
    </Caution>
  );
}

/** Said when greedy decoding repeats a word: the input is unlike the sentences it was trained on. */
export function StutterNote() {
  return (
    <Caution>
      The translator repeats itself. It was trained on whole, simple sentences built from its own vocabulary; given a fragment without a verb, or words
      it does not know, greedy decoding can get stuck on one word. The first rows still show where each word came from.
    </Caution>
  );
}
