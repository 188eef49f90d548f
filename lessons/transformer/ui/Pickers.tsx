/** Local pickers: which layer, which head (or their mean), which token. */
import { useId } from 'react';
import type { HeadChoice } from '../model/attention-views.ts';

interface SelectProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly { value: T; text: string }[];
  onChange(value: T): void;
}

function Select<T extends string | number>({ label, value, options, onChange }: SelectProps<T>) {
  const id = useId();
  const index = Math.max(0, options.findIndex((o) => o.value === value));
  return (
    <span className="tf-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={index} onChange={(e) => onChange(options[Number(e.target.value)].value)}>
        {options.map((o, i) => (
          <option key={i} value={i}>
            {o.text}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Buttons in the style of the shared store-bound pickers, for a figure that keeps its own choice. */
function Buttons<T extends string | number>({ label, value, options, onChange }: SelectProps<T>) {
  return (
    <div className="picker" role="group" aria-label={label}>
      <span className="picker-label">{label}</span>
      {options.map((o) => (
        <button key={String(o.value)} type="button" aria-pressed={o.value === value} onClick={() => onChange(o.value)}>
          {o.text}
        </button>
      ))}
    </div>
  );
}

/** Layer buttons, local to a figure (two models side by side cannot share the store's layer). */
export function LayerPicker({ layers, value, onChange, label = 'Layer' }: { layers: number; value: number; onChange(l: number): void; label?: string }) {
  const options = Array.from({ length: layers }, (_, l) => ({ value: l, text: `${l + 1}` }));
  return <Buttons label={label} value={Math.min(value, layers - 1)} options={options} onChange={onChange} />;
}

/** Head buttons and the mean of the heads, local to a figure. */
export function HeadPicker({ heads, value, onChange, label = 'Head' }: { heads: number; value: HeadChoice; onChange(h: HeadChoice): void; label?: string }) {
  const options: { value: HeadChoice; text: string }[] = [
    ...Array.from({ length: heads }, (_, h) => ({ value: h as HeadChoice, text: `${h + 1}` })),
    { value: 'mean', text: `mean of ${heads}` },
  ];
  const safe = value === 'mean' || value < heads ? value : 'mean';
  return <Buttons label={label} value={safe} options={options} onChange={onChange} />;
}

export function TokenPicker({ tokens, value, onChange, label = 'Token' }: { tokens: readonly string[]; value: number; onChange(t: number): void; label?: string }) {
  const options = tokens.map((t, i) => ({ value: i, text: `${i + 1}. ${t}` }));
  return <Select label={label} value={Math.min(value, tokens.length - 1)} options={options} onChange={onChange} />;
}
