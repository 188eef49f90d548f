/**
 * A loaded ViT's input picture in colour, cut into its patch grid, optionally tinted patch by
 * patch by a map (a head's CLS row, rollout), each map coloured relative to its own largest
 * value as the course model's maps are. A canvas: a 14 x 14 grid times twelve heads is
 * thousands of patches, cheaper painted than kept as svg elements.
 */
import { useEffect, useRef } from 'react';
import { sequentialInterpolator } from '../../src/viz/colors.ts';

const viridis = sequentialInterpolator('viridis');
const OPACITY = 0.6;

export interface PhotoGridProps {
  /** (side, side, 3) bytes: the picture as the model read it. */
  rgb: Uint8Array;
  side: number;
  patch: number;
  /** One value per patch, reading order. */
  overlay?: Float32Array;
  /** Displayed side in css px. */
  size: number;
  /** What the figure shows, for screen readers (the canvas has no text). */
  label: string;
  caption?: string;
}

/** Paints picture, tint and grid lines on `ctx`, sized size x size device px. */
function paint(ctx: CanvasRenderingContext2D, p: PhotoGridProps, px: number): void {
  const { rgb, side, patch, overlay } = p;
  const picture = document.createElement('canvas');
  picture.width = side;
  picture.height = side;
  const pctx = picture.getContext('2d');
  if (!pctx) return;
  const data = pctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) data.data.set([rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2], 255], i * 4);
  pctx.putImageData(data, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(picture, 0, 0, px, px);
  const grid = side / patch;
  const cell = px / grid;
  if (overlay) {
    const max = Math.max(...overlay);
    ctx.globalAlpha = OPACITY;
    overlay.forEach((v, n) => {
      ctx.fillStyle = viridis(max > 0 ? v / max : 0);
      ctx.fillRect((n % grid) * cell, Math.floor(n / grid) * cell, cell, cell);
    });
    ctx.globalAlpha = 1;
  }
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.45)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let k = 0; k <= grid; k++) {
    const at = Math.min(px - 0.5, Math.round(k * cell) + 0.5);
    ctx.moveTo(at, 0);
    ctx.lineTo(at, px);
    ctx.moveTo(0, at);
    ctx.lineTo(px, at);
  }
  ctx.stroke();
}

export function PhotoGrid(props: PhotoGridProps) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const c = canvas.current;
    const px = Math.round(props.size * (window.devicePixelRatio || 1));
    if (!c) return;
    c.width = px;
    c.height = px;
    const ctx = c.getContext('2d');
    if (ctx) paint(ctx, props, px);
  });
  return (
    <figure className="vision-photo">
      <canvas ref={canvas} role="img" aria-label={props.label} style={{ width: props.size, height: props.size }} />
      {props.caption && <figcaption>{props.caption}</figcaption>}
    </figure>
  );
}

/** The colour key of the maps: 0 to the map's own largest value. */
export function MapKey() {
  const stops = Array.from({ length: 11 }, (_, i) => viridis(i / 10)).join(', ');
  return (
    <p className="vision-key muted">
      <span aria-hidden="true" style={{ background: `linear-gradient(to right, ${stops})` }} /> 0 → the map’s largest value (tint over the picture, {Math.round(OPACITY * 100)}% opaque)
    </p>
  );
}
