/**
 * Layer and head choice bound to the store's selection, like the other lessons (so ↑/↓ and
 * [ ] step them from the keyboard), plus this lesson's extra: the mean over a layer's heads.
 * Choosing a head, by click or key, switches the mean off again.
 */
import { useEffect, useRef } from 'react';
import { HeadPicker, useSelectedHead } from '../../../src/components/lesson/HeadPicker.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { selectLayer, selectSelectLayer, selectSetLimits, useAtlas } from '../../../src/store/index.ts';
import { TRANSFORMER } from '../inputs.ts';
import type { HeadChoice } from '../model/attention-views.ts';

/** The lesson input that holds one figure's "mean of the heads" switch. */
export type MeanInput = 'block-mean' | 'encoder-mean' | 'causal-mean' | 'cross-mean';

export interface LayerHead {
  layer: number;
  head: HeadChoice;
  storeHead: number; // the selected head even while the mean is shown
  mean: boolean;
  setMean(on: boolean): void;
}

/** The store's layer and head, clamped to this model, or 'mean' while the figure's mean switch is on. */
export function useLayerHead(nLayers: number, nHeads: number, meanInput: MeanInput): LayerHead {
  const { layer, head } = useSelectedHead(nLayers, nHeads);
  const [mean, setMean] = useLessonInput(TRANSFORMER, meanInput);
  const lastHead = useRef(head);
  useEffect(() => {
    if (head !== lastHead.current) setMean(false);
    lastHead.current = head;
  }, [head, setMean]);
  return { layer, head: mean ? 'mean' : head, storeHead: head, mean, setMean };
}

/** The shared layer and head buttons, and a toggle for the mean of the layer's heads. */
export function LayerHeadControls({ nLayers, nHeads, sel, showLayer = true }: { nLayers: number; nHeads: number; sel: LayerHead; showLayer?: boolean }) {
  return (
    // While the mean is shown, the store's head stays selected (for the keys) but is drawn unpressed.
    <div className={sel.mean ? 'tf-layer-head is-mean' : 'tf-layer-head'}>
      <HeadPicker nLayers={nLayers} nHeads={nHeads} showLayer={showLayer} />
      <button type="button" aria-pressed={sel.mean} onClick={() => sel.setMean(!sel.mean)}>
        Mean of the {nHeads} heads
      </button>
    </div>
  );
}

/** Layer buttons alone (for figures where the head plays no part), bound to the store. */
export function StoreLayerPicker({ nLayers, nHeads, label = 'Layer' }: { nLayers: number; nHeads: number; label?: string }) {
  const layer = Math.min(useAtlas(selectLayer), nLayers - 1);
  const select = useAtlas(selectSelectLayer);
  const setLimits = useAtlas(selectSetLimits);
  useEffect(() => setLimits(nLayers, nHeads), [nLayers, nHeads, setLimits]);
  return (
    <div className="picker" role="group" aria-label={label}>
      <span className="picker-label">{label}</span>
      {Array.from({ length: nLayers }, (_, i) => (
        <button key={i} type="button" aria-pressed={i === layer} onClick={() => select(i)}>
          {i + 1}
        </button>
      ))}
    </div>
  );
}

/** The store's layer clamped to this model (for StoreLayerPicker's figures). */
export function useStoreLayer(nLayers: number): number {
  return Math.min(useAtlas(selectLayer), nLayers - 1);
}
