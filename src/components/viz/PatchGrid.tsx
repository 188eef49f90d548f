/** React wrapper of createPatchGrid: an image cut into ViT patches, with an optional overlay. */
import { useMemo } from 'react';
import type { PatchGridData, PatchGridOptions } from '../../viz/patch-grid.ts';
import { createPatchGrid } from '../../viz/patch-grid.ts';
import { useChart, useLatest } from './use-chart.ts';
import './viz.css';

export type PatchGridProps = PatchGridData & PatchGridOptions & { className?: string };

/** A grayscale image with its patch grid; hover a patch for its index and overlay value. */
export function PatchGrid(props: PatchGridProps) {
  const { image, imageHeight, imageWidth, patch, overlay, overlayLabel, title, onHoverPatch, className, ...settings } = props;
  const callbacks = useLatest({ onHoverPatch });
  const data = useMemo(
    () => ({ image, imageHeight, imageWidth, patch, overlay, overlayLabel, title }),
    [image, imageHeight, imageWidth, patch, overlay, overlayLabel, title],
  );
  const { width, maxSize, scheme, overlayOpacity, invert } = settings;
  const ref = useChart(
    (el) => createPatchGrid(el, { ...settings, onHoverPatch: (p) => callbacks.current.onHoverPatch?.(p) }),
    data,
    [width, maxSize, scheme, overlayOpacity, invert],
  );
  return <div ref={ref} className={['viz-figure', className].filter(Boolean).join(' ')} />;
}
