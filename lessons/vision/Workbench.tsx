/**
 * Every step of the vision lesson: the drawing pad and the 28 x 28 image the model reads on
 * the left, the step's own figure on the right, recomputed from the same drawing.
 */
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { PatchGrid } from '../../src/components/viz/PatchGrid.tsx';
import { DrawingPad } from './DrawingPad.tsx';
import { drawingStore } from './drawing-store.ts';
import { useVit, type VitState } from './use-vit.ts';
import './vision.css';

/** The 28 x 28 input, as the model receives it, cut into the model's patches. */
function ModelInput() {
  const image = useStore(drawingStore, (s) => s.image);
  return <PatchGrid title="What the model reads: 28 × 28" image={image} imageHeight={28} imageWidth={28} patch={7} maxSize={168} className="vision-input" />;
}

/** Renders `children(state)` beside the pad once the model is loaded; messages otherwise. */
export function Workbench({ children, needsInk = true }: { children: (vit: Extract<VitState, { state: 'ready' | 'empty' }>) => ReactNode; needsInk?: boolean }) {
  const vit = useVit();
  return (
    <div className="vision-bench">
      <div className="vision-bench-pad">
        <DrawingPad />
        <ModelInput />
      </div>
      <div className="vision-bench-figure">
        {vit.state === 'loading' && <p className="status">Loading the vision model…</p>}
        {vit.state === 'error' && <p className="error" role="alert">{vit.message}</p>}
        {vit.state === 'empty' && needsInk && <p className="vision-empty">The pad is empty. Draw a digit, or press “Random digit”.</p>}
        {(vit.state === 'ready' || (vit.state === 'empty' && !needsInk)) && children(vit)}
      </div>
    </div>
  );
}
