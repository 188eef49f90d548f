/** Step 1: the sentence as the model reads it: WordPiece tokens, their ids, special tokens. */
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { describeUnseen } from '../../src/tokenizers/index.ts';
import { EXAMPLES } from './examples.ts';
import { Status } from './Status.tsx';
import { useLessonHead } from './use-head.ts';

export function TokensProse() {
  return (
    <>
      <p>
        A Transformer never sees letters or words. A tokenizer first cuts your sentence into <em>tokens</em>, pieces
        from a fixed vocabulary, and replaces each by its number. This model's vocabulary has a few hundred entries,
        built from the sentences it was trained on; a word it never saw is split into known pieces (marked <code>##</code>)
        or, failing that, becomes <code>[UNK]</code>.
      </p>
      <p>
        Like BERT, it adds <code>[CLS]</code> at the start and <code>[SEP]</code> at the end. Change the sentence: every
        figure in this lesson recomputes from it.
      </p>
    </>
  );
}

export function TokensFigure() {
  const h = useLessonHead();
  return (
    <>
      <SentenceInput examples={EXAMPLES} />
      <Status h={h} />
      {h.state === 'ready' && (
        <>
          <ol className="token-chips" aria-label="Tokens">
            {h.tokens.map((t, i) => (
              <li key={i} className={h.result.tokens[i].unseen ? 'token-chip unknown' : t.start === null ? 'token-chip special' : 'token-chip'}>
                <span className="token-text">{h.labels[i]}</span>
                <span className="token-id">#{t.id}{h.labels[i] !== t.text ? ` ${t.text}` : ''}</span>
              </li>
            ))}
          </ol>
          <p className="muted">
            {h.tokens.length} tokens, of which {h.tokens.filter((t) => t.start === null).length} special.
          </p>
          {h.result.unseenWords.length > 0 && (
            <p className="warning" role="status">
              The model never saw {describeUnseen(h.result.unseenWords)} as a whole word; those tokens are marked “?” here
              and in every figure of the lesson.
            </p>
          )}
        </>
      )}
    </>
  );
}
