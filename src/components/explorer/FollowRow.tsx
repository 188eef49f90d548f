/**
 * One head's row from one word, read as the coreference metric reads it: the student clicks
 * the word to follow (by default the pronoun after "because") and sees how much of its
 * attention goes to each noun of the sentence, and, for a model trained to name antecedents,
 * which noun the model itself says it means.
 */
import { useMemo } from 'react';
import { argmax } from '../../runtime/index.ts';
import { headWeights, type AttentionResult } from '../../store/index.ts';
import { answerSentence } from './Predictions.tsx';
import { candidatesOf, defaultFollow, wordsOf, wordToWord } from './rank-heads.ts';
import './explorer.css';

export interface FollowRowProps {
  result: AttentionResult;
  layer: number;
  head: number;
  word: number | null; // index into the sentence's words; null for the default
  onWord: (i: number) => void;
}

/** The followed word's index, its candidates and the head's attention to each. */
export function followRow(result: AttentionResult, layer: number, head: number, word: number | null) {
  const words = wordsOf(result);
  const chosen = word !== null && word < words.length ? word : defaultFollow(words);
  const candidates = chosen >= 0 ? candidatesOf(words, chosen) : [];
  const w = headWeights(result, layer, head);
  const T = result.tokens.length;
  const to = chosen >= 0 ? candidates.map((c) => wordToWord(w, T, words[chosen], c)) : [];
  return { words, chosen, candidates, to };
}

export function FollowRow({ result, layer, head, word, onWord }: FollowRowProps) {
  const { words, chosen, candidates, to } = useMemo(() => followRow(result, layer, head, word), [result, layer, head, word]);
  const from = chosen >= 0 ? words[chosen] : null;
  const best = argmax(to);
  const answer = from ? result.predictions.find((p) => p.why === 'pronoun' && from.tokens.includes(p.position)) : undefined;
  return (
    <section className="follow-row" aria-label="Where one word looks">
      <div className="word-chips" role="group" aria-label="Choose the word to follow">
        {words.map((w, i) => (
          <button key={w.start} type="button" aria-pressed={i === chosen} onClick={() => onWord(i)}>{w.text}</button>
        ))}
      </div>
      {!from && <p className="muted">Click a word to see where it looks.</p>}
      {from && candidates.length === 0 && <p className="muted">There is no other noun here for “{from.text}” to point at.</p>}
      {from && candidates.length > 0 && (
        <>
          <p className="follow-caption">
            Layer {layer + 1}, head {head + 1}: attention from “{from.text}” to each noun
            {best >= 0 ? <>; it gives most to <strong data-testid="follow-pick">{candidates[best].text}</strong></> : null}.
          </p>
          <ol className="fill-bars" data-testid="follow-bars">
            {candidates.map((c, i) => (
              <li key={c.start}>
                <span className="fill-word">{c.text}</span>
                <span className="fill-bar" aria-hidden="true"><span style={{ width: `${Math.max(1, Math.round(to[i] * 100))}%` }} /></span>
                <span className="fill-p">{to[i].toFixed(2)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {answer && <p className="answer-line">The model's own answer: <strong>{answerSentence(result, answer)}</strong></p>}
    </section>
  );
}
