/**
 * A labelled text box with example sentences one click away, looking like the shared
 * store-bound SentenceInput; this one is local to a figure, because this lesson's figures read
 * different models with different vocabularies (English for the translator, tiny-gpt's world).
 */
import '../../../src/components/lesson/lesson.css';
import { useId } from 'react';

export interface SentenceInputProps {
  label: string;
  value: string;
  onChange(text: string): void;
  examples?: readonly string[];
  /** Longest text accepted by the box itself; the models check their own limits. */
  maxLength?: number;
}

export function SentenceInput({ label, value, onChange, examples = [], maxLength = 400 }: SentenceInputProps) {
  const id = useId();
  return (
    <div className="sentence-input">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} maxLength={maxLength} spellCheck={false} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      {examples.length > 0 && (
        <div className="sentence-examples" role="group" aria-label={`Examples for “${label}”`}>
          {examples.map((ex) => (
            <button key={ex} type="button" aria-pressed={ex === value} onClick={() => onChange(ex)}>
              {ex}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
