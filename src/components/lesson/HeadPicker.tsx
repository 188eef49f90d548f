/**
 * Layer and head buttons bound to the store's selection (also stepped by ↑/↓ and [ ]).
 * Positions count from 1 on screen, as in the URL; the coreference head is starred.
 */
import { useEffect } from 'react';
import { selectHead, selectLayer, selectSelectHead, selectSelectLayer, selectSetLimits, useAtlas } from '../../store/index.ts';
import './lesson.css';

function Picker({ label, count, value, onPick, mark }: { label: string; count: number; value: number; onPick: (i: number) => void; mark?: number }) {
  return (
    <div className="picker" role="group" aria-label={label}>
      <span className="picker-label">{label}</span>
      {Array.from({ length: count }, (_, i) => (
        <button key={i} type="button" aria-pressed={i === value} onClick={() => onPick(i)} title={i === mark ? 'the head that links pronouns (see the model card)' : undefined}>
          {i + 1}{i === mark ? '★' : ''}
        </button>
      ))}
    </div>
  );
}

export interface HeadPickerProps {
  nLayers: number;
  nHeads: number;
  coreferenceHead?: readonly [number, number];
  showLayer?: boolean;
}

/** Sets the store's limits to this model's shape, then shows the two pickers. */
export function HeadPicker({ nLayers, nHeads, coreferenceHead, showLayer = true }: HeadPickerProps) {
  const layer = Math.min(useAtlas(selectLayer), nLayers - 1);
  const head = Math.min(useAtlas(selectHead), nHeads - 1);
  const setLayer = useAtlas(selectSelectLayer);
  const setHead = useAtlas(selectSelectHead);
  const setLimits = useAtlas(selectSetLimits);
  useEffect(() => setLimits(nLayers, nHeads), [nLayers, nHeads, setLimits]);
  const c = coreferenceHead;
  return (
    <div className="head-picker">
      {showLayer && <Picker label="Layer" count={nLayers} value={layer} onPick={setLayer} mark={c?.[0]} />}
      <Picker label="Head" count={nHeads} value={head} onPick={setHead} mark={c && c[0] === layer ? c[1] : undefined} />
      {c && (
        <button type="button" onClick={() => { setLayer(c[0]); setHead(c[1]); }}>
          Pronoun head (layer {c[0] + 1}, head {c[1] + 1})
        </button>
      )}
    </div>
  );
}

/** The selected layer and head, clamped to a model's shape. */
export function useSelectedHead(nLayers: number, nHeads: number): { layer: number; head: number } {
  return { layer: Math.min(useAtlas(selectLayer), nLayers - 1), head: Math.min(useAtlas(selectHead), nHeads - 1) };
}
