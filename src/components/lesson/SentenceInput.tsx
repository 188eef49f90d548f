/**
 * The course's one sentence box: a labelled text input with example sentences one click
 * away, bound to the store. Without `lesson` it edits the store's shared sentence (the
 * Explorer's, which several lessons read too); with `lesson` and `name` it edits that text
 * input of the lesson (lesson-inputs.ts), clipped to the input's own length. Change it in one
 * place and every figure that reads it recomputes.
 */
import { useId } from 'react';
import { selectSetText, selectText, useAtlas, type InputSpecs, type LessonInputs, type TextCodec } from '../../store/index.ts';
import { useLessonInput } from './use-lesson-input.ts';
import './lesson.css';

/** The names of a lesson's text inputs. */
export type TextInputName<S extends InputSpecs> = { [K in keyof S]: S[K] extends TextCodec ? K : never }[keyof S] & string;

interface BoxProps {
  label?: string;
  examples?: readonly string[];
  /** The accessible name of the row of examples; "Example <label>s" when not given. */
  examplesLabel?: string;
}

type Binding<S extends InputSpecs> = { lesson?: undefined; name?: undefined } | { lesson: LessonInputs<S>; name: TextInputName<S> };

export function SentenceInput<S extends InputSpecs>(props: BoxProps & Binding<S>) {
  return props.lesson ? <LessonSentence {...props} lesson={props.lesson} name={props.name} /> : <SharedSentence {...props} />;
}

function SharedSentence(props: BoxProps) {
  const text = useAtlas(selectText);
  const setText = useAtlas(selectSetText);
  return <SentenceBox {...props} value={text} onChange={setText} />;
}

function LessonSentence<S extends InputSpecs>({ lesson, name, ...props }: BoxProps & { lesson: LessonInputs<S>; name: TextInputName<S> }) {
  // TextInputName admits only inputs whose codec is a TextCodec: the value is a string.
  const [text, setText] = useLessonInput(lesson, name) as unknown as [string, (text: string) => void];
  return <SentenceBox {...props} value={text} onChange={setText} maxLength={(lesson.specs[name] as unknown as TextCodec).max} />;
}

function SentenceBox({ label = 'Sentence', examples = [], examplesLabel, value, onChange, maxLength }: BoxProps & { value: string; onChange(text: string): void; maxLength?: number }) {
  const id = useId();
  return (
    <div className="sentence-input">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" />
      {examples.length > 0 && (
        <div className="sentence-examples" role="group" aria-label={examplesLabel ?? `Example ${label.toLowerCase()}s`}>
          {examples.map((s) => (
            <button key={s} type="button" onClick={() => onChange(s)} aria-pressed={s === value}>
              {s}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
