/**
 * "PNG" and "SVG" buttons that save the figure inside `target` (its first kit svg), for slides
 * and handouts. Errors (no canvas, nothing drawn yet) are announced, not thrown.
 */
import type { RefObject } from 'react';
import { useState } from 'react';
import { downloadBlob, fileNameFor, svgToBlob, svgToPng } from '../../viz/export.ts';
import './viz.css';

export interface ExportButtonsProps {
  /** The element holding the figure's svg (a wrapper's div or a <figure>). */
  target: RefObject<HTMLElement | null>;
  /** Base of the file name, e.g. the figure's title; made safe and given the extension. */
  filename: string;
  /** PNG pixels per svg px (default 2). */
  scale?: number;
}

/** Two download buttons for the figure inside `target`. */
export function ExportButtons({ target, filename, scale = 2 }: ExportButtonsProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const svg = () => target.current?.querySelector<SVGSVGElement>('svg.viz') ?? target.current?.querySelector<SVGSVGElement>('svg') ?? null;

  const saveSvg = () => {
    const el = svg();
    if (!el) return setError('Nothing to export yet.');
    setError(null);
    downloadBlob(svgToBlob(el), fileNameFor(filename, 'svg'));
  };

  const savePng = async () => {
    const el = svg();
    if (!el) return setError('Nothing to export yet.');
    setError(null);
    setBusy(true);
    try {
      downloadBlob(await svgToPng(el, { scale }), fileNameFor(filename, 'png'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="viz-export" role="group" aria-label="Export figure">
      <button type="button" onClick={savePng} disabled={busy} aria-label={`Download “${filename}” as PNG`}>
        PNG
      </button>
      <button type="button" onClick={saveSvg} aria-label={`Download “${filename}” as SVG`}>
        SVG
      </button>
      {error && (
        <p role="alert" className="viz-error">
          {error}
        </p>
      )}
    </div>
  );
}
