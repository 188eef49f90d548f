/**
 * What the model's own masked-LM head says: at a typed [MASK], the words that would fit; at a
 * pronoun of a model trained to name its antecedent, the noun it thinks the pronoun means.
 * For an encoder with an LM head, any word can be hidden with one click (its text becomes
 * [MASK], so the link reproduces it).
 */
import { useMemo } from 'react';
import { resultLabels, type AttentionResult, type Prediction } from '../../store/index.ts';
import { pct } from './CorefLine.tsx';
import { candidatesOf, wordsOf } from './rank-heads.ts';
import './explorer.css';

const pctOf = (p: number) => `${(p * 100).toFixed(p >= 0.995 || p < 0.01 ? 1 : 0)}%`;

function FillBars({ prediction }: { prediction: Prediction }) {
  return (
    <ol className="fill-bars">
      {prediction.fills.map((f) => (
        <li key={f.text}>
          <span className="fill-word">{f.text}</span>
          <span className="fill-bar" aria-hidden="true"><span style={{ width: `${Math.max(1, Math.round(f.p * 100))}%` }} /></span>
          <span className="fill-p">{pctOf(f.p)}</span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The model's answer at a pronoun: the nouns of the sentence it could mean, most probable
 * first, with the probability its LM head gives each (over the whole vocabulary).
 */
export function modelAnswer(result: AttentionResult, p: Prediction): Prediction {
  const words = wordsOf(result);
  const at = words.findIndex((w) => w.tokens.includes(p.position));
  const nouns = new Set(candidatesOf(words, at).map((w) => w.text.toLowerCase()));
  const fills = p.inSentence.filter((f) => nouns.has(f.text.toLowerCase()));
  return { ...p, fills: fills.length > 0 ? fills : p.fills };
}

/** "it = animal (74%)": the model's answer, in words. */
export function answerSentence(result: AttentionResult, p: Prediction): string {
  const word = resultLabels(result)[p.position];
  const top = modelAnswer(result, p).fills[0];
  return top ? `${word} = ${top.text} (${pctOf(top.p)})` : word;
}

export interface PredictionsProps {
  result: AttentionResult;
  maskable: boolean; // an encoder with an LM head: hiding a word means something
  onMaskWord: (start: number, end: number) => void;
}

export function Predictions({ result, maskable, onMaskWord }: PredictionsProps) {
  const words = useMemo(() => wordsOf(result).filter((w) => !result.tokens[w.tokens[0]].special), [result]);
  const answers = result.predictions.filter((p) => p.why === 'pronoun');
  const masks = result.predictions.filter((p) => p.why === 'mask');
  const acc = result.coreference?.answerAccuracy;
  if (!maskable && result.predictions.length === 0) return null;
  return (
    <section className="predictions" aria-label="What the model predicts">
      {answers.length > 0 && (
        <div className="answers">
          <h3>What the model says the pronoun means</h3>
          <p className="muted">
            Trained to predict, at a pronoun, the noun it refers to: the probability its masked-LM head gives each noun of your
            sentence there
            {acc !== undefined ? ` (the right one beats the other candidate ${pct(acc)} of the time on ${result.coreference?.cases} sentences it never saw)` : ''}.
            It always names some noun, even for an “it” that means nothing (“it was raining”).
          </p>
          {answers.map((p) => (
            <div key={p.position} className="answer">
              <p className="answer-line" data-testid="model-answer"><strong>{answerSentence(result, p)}</strong></p>
              <FillBars prediction={modelAnswer(result, p)} />
            </div>
          ))}
        </div>
      )}
      {masks.map((p) => (
        <div key={p.position} className="mask-fill">
          <h3>Words for [MASK] (token {p.position + 1})</h3>
          <FillBars prediction={p} />
        </div>
      ))}
      {maskable && (
        <div className="mask-words">
          <p className="muted">Hide a word: click it to replace it with [MASK] and see what the model would put there.</p>
          <div className="word-chips" role="group" aria-label="Hide a word">
            {words.map((w) => (
              <button key={w.start} type="button" onClick={() => onMaskWord(w.start, w.end)}>{w.text}</button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
