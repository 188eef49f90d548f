/**
 * Framework-free drawing code of the pad: painting strokes onto a canvas, and turning a
 * pointer position on the page into the pad's 280 x 280 stroke units.
 */
import type { Point, Stroke } from '../../src/data/digits/index.ts';
import { PAD } from './inputs.ts';

export interface PadStyle {
  paper: string;
  ink: string;
  /** Pen width in pad units (cosmetic: the model's pen width is fixed by the rasteriser). */
  pen: number;
}

/** Where a pointer at (clientX, clientY) lands on a pad element occupying `rect`, in pad units. */
export function padPoint(clientX: number, clientY: number, rect: { left: number; top: number; width: number; height: number }): Point {
  const x = rect.width > 0 ? ((clientX - rect.left) / rect.width) * PAD : 0;
  const y = rect.height > 0 ? ((clientY - rect.top) / rect.height) * PAD : 0;
  return { x, y };
}

/** Paints every stroke on a cleared canvas; `scale` is canvas pixels per pad unit. */
export function paintStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], scale: number, style: PadStyle): void {
  const { width, height } = ctx.canvas;
  ctx.fillStyle = style.paper;
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = style.ink;
  ctx.fillStyle = style.ink;
  ctx.lineWidth = style.pen * scale;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const s of strokes) {
    if (s.length === 0) continue;
    if (s.length === 1) {
      ctx.beginPath();
      ctx.arc(s[0].x * scale, s[0].y * scale, (style.pen * scale) / 2, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(s[0].x * scale, s[0].y * scale);
    for (let i = 1; i < s.length; i++) ctx.lineTo(s[i].x * scale, s[i].y * scale);
    ctx.stroke();
  }
}
