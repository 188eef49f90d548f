/**
 * The sentence a student types, shared by the Explorer and the lessons through the store:
 * change it in one place and every figure that reads it recomputes.
 */
import { useId } from 'react';
import { selectSetText, selectText, useAtlas } from '../../store/index.ts';
import './lesson.css';

export function SentenceInput({ label = 'Sentence', examples = [] }: { label?: string; examples?: readonly string[] }) {
  const text = useAtlas(selectText);
  const setText = useAtlas(selectSetText);
  const id = useId();
  return (
    <div className="sentence-input">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoComplete="off" />
      {examples.length > 0 && (
        <div className="sentence-examples" role="group" aria-label={`Example ${label.toLowerCase()}s`}>
          {examples.map((s) => (
            <button key={s} type="button" onClick={() => setText(s)} aria-pressed={s === text}>
              {s}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
