/**
 * "Predict, then reveal": the student commits to an answer before the figure shows it.
 * The answer is revealed only after a choice, and says why, right or wrong.
 */
import { useId, useState } from 'react';
import './lesson.css';

export interface QuestionProps {
  prompt: string;
  choices: readonly string[];
  correct: number; // index into choices
  explanation: string; // shown after answering
  /** Called once the student has answered (a lesson may reveal its figure then). */
  onAnswer?: (right: boolean) => void;
}

export function Question({ prompt, choices, correct, explanation, onAnswer }: QuestionProps) {
  const [picked, setPicked] = useState<number | null>(null);
  const id = useId();
  return (
    <fieldset className="question panel">
      <legend>Predict, then reveal</legend>
      <p id={`${id}-prompt`}>{prompt}</p>
      <div className="question-choices" role="group" aria-labelledby={`${id}-prompt`}>
        {choices.map((c, i) => (
          <button
            key={c}
            type="button"
            aria-pressed={picked === i}
            disabled={picked !== null}
            onClick={() => {
              setPicked(i);
              onAnswer?.(i === correct);
            }}
          >
            {c}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {picked !== null && (
          <p className={picked === correct ? 'question-right' : 'question-wrong'}>
            <strong>{picked === correct ? 'Right.' : `Not quite: the answer is “${choices[correct]}”.`}</strong> {explanation}
          </p>
        )}
      </div>
      {picked !== null && <button type="button" onClick={() => setPicked(null)}>Try again</button>}
    </fieldset>
  );
}
