/** Small lesson inputs: a labelled slider with its value, and a row of numbered buttons. */
import { useId } from 'react';
import './lesson.css';

export interface RangeFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange(value: number): void;
  /** How the value is written beside the slider (default: the number). */
  format?: (value: number) => string;
}

/** A range input with a visible label and its current value (an <output>). */
export function RangeField({ label, value, min, max, step = 1, onChange, format }: RangeFieldProps) {
  const id = useId();
  return (
    <div className="lesson-range">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))} />
      <output htmlFor={id}>{format ? format(value) : value}</output>
    </div>
  );
}

export interface ButtonRowProps {
  label: string;
  count: number;
  value: number;
  onPick(index: number): void;
  /** Text of button i (default: i + 1). */
  name?: (i: number) => string;
}

/** One pressed button out of `count`, e.g. the layer or the head to show. */
export function ButtonRow({ label, count, value, onPick, name }: ButtonRowProps) {
  const id = useId();
  return (
    <div className="lesson-buttons" role="group" aria-labelledby={id}>
      <span id={id} className="lesson-buttons-label">
        {label}
      </span>
      {Array.from({ length: count }, (_, i) => (
        <button key={i} type="button" aria-pressed={i === value} onClick={() => onPick(i)}>
          {name ? name(i) : i + 1}
        </button>
      ))}
    </div>
  );
}
