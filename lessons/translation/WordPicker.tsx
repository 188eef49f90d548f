/** A row of buttons, one per French word the decoder wrote: picks the step a figure shows. */
export function WordPicker({ words, selected, onSelect, label }: { words: readonly string[]; selected: number; onSelect: (t: number) => void; label: string }) {
  return (
    <div className="tr-picker" role="group" aria-label={label}>
      <span className="tr-picker-label" aria-hidden="true">{label}:</span>
      {words.map((w, t) => (
        <button key={`${t}-${w}`} type="button" aria-pressed={t === selected} onClick={() => onSelect(t)}>
          {w}
        </button>
      ))}
    </div>
  );
}

/** The step to show: the one picked if it still exists, else the first French word that `prefer` accepts, else 0. */
export function pickStep(words: readonly string[], picked: number | null, prefer: (w: string) => boolean = () => false): number {
  if (picked !== null && picked < words.length) return picked;
  const i = words.findIndex(prefer);
  return i === -1 ? 0 : i;
}
