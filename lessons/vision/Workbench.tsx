/**
 * Every step of the vision lesson: the drawing pad and the 28 x 28 image the model reads on
 * the left, the step's own figure on the right, recomputed from the same drawing.
 */
import type { ReactNode } from 'react';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { PatchGrid } from '../../src/components/viz/PatchGrid.tsx';
import { FRAME } from '../../src/data/digits/index.ts';
import { DrawingPad } from './DrawingPad.tsx';
import { useShownImage, useVit, type VitState } from './use-vit.ts';
import { useVitShape } from './use-vit-shape.ts';
import './vision.css';

/** The 28 x 28 input, as the model receives it, cut into the model's patches. */
function ModelInput() {
  const image = useShownImage();
  const shape = useVitShape();
  return (
    <PatchGrid title={`What the model reads: ${FRAME} × ${FRAME}`} image={image} imageHeight={FRAME} imageWidth={FRAME} patch={shape?.patch ?? FRAME} maxSize={168} className="vision-input" />
  );
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
        {vit.state === 'error' && <p className="error" role="alert">{vit.message}<RetryButton retry={vit.retry} /></p>}
        {vit.state === 'empty' && needsInk && <p className="vision-empty">The pad is empty. Draw a digit, or press “Random digit”.</p>}
        {(vit.state === 'ready' || (vit.state === 'empty' && !needsInk)) && children(vit)}
      </div>
    </div>
  );
}
