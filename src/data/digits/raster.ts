/**
 * The one rasteriser shared by training data and the drawing pad: `normalizeDrawing` turns
 * pen strokes from any canvas into a 28x28 MNIST-style image. The generator draws its
 * digits as strokes and passes them through here too, so an image the model trains on and
 * the image of a student's mouse drawing are made by the same code.
 *
 * The framing follows MNIST: the drawing's bounding box is scaled, keeping its aspect
 * ratio, so that the ink fills a 20px box; then it is moved so that its centre of mass
 * sits at the middle of the 28x28 frame. Strokes are drawn with a pen of fixed width in
 * *output* pixels: how large the student drew, or how thick their brush was on screen,
 * does not change how bold the model sees the digit.
 */
import type { Point, Stroke } from './shapes.ts';

/** Output side in pixels. */
export const FRAME = 28;
/** Side of the box the ink is scaled into, as in MNIST. */
export const BOX = 20;
/** Least distance in pixels from the ink's edge to the frame's edge. */
const MARGIN = 1.5;
/** Pen widths, in output pixels, that the generator samples: thin to bold. */
export const THICKNESS_RANGE: readonly [number, number] = [1.4, 3.2];

export interface NormalizeOptions {
  thickness?: number; // pen width in output pixels (default 2.2, an MNIST-like stroke)
  softness?: number; // width in pixels of the edge's ramp from ink to paper (default 1, plain anti-aliasing)
}

// Reused between calls: squared distance from each pixel centre to the nearest stroke.
const dist2 = new Float32Array(FRAME * FRAME);

/**
 * 28x28 image (row-major, 1 = ink) of strokes given in any coordinate system with y down,
 * e.g. canvas pixels. A stroke of one point is a dot; empty input gives a blank image.
 * Only the strokes' shape matters, not where on the canvas or how large they were drawn.
 */
export function normalizeDrawing(strokes: readonly Stroke[], options: NormalizeOptions = {}): Float32Array {
  const thickness = options.thickness ?? 2.2;
  const softness = options.softness ?? 1;
  const image = new Float32Array(FRAME * FRAME);

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const s of strokes) {
    for (const p of s) {
      if (p.x < minX) minX = p.x;
      if (p.x > maxX) maxX = p.x;
      if (p.y < minY) minY = p.y;
      if (p.y > maxY) maxY = p.y;
    }
  }
  if (minX === Infinity) return image;

  // Fit the centre line into BOX - thickness, so the ink including its width fills BOX.
  const extent = Math.max(maxX - minX, maxY - minY);
  const scale = extent > 0 ? (BOX - thickness) / extent : 0;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;

  // Centre of mass of the ink, taken as the length-weighted centroid of the segments
  // (a lone point counts as a short dot), in scaled coordinates around the box centre.
  let mass = 0, mx = 0, my = 0;
  for (const s of strokes) {
    if (s.length === 1) {
      const w = thickness;
      mass += w;
      mx += w * (s[0].x - cx) * scale;
      my += w * (s[0].y - cy) * scale;
    }
    for (let i = 1; i < s.length; i++) {
      const w = Math.hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y) * scale;
      mass += w;
      mx += (w * ((s[i].x + s[i - 1].x) / 2 - cx) * scale);
      my += (w * ((s[i].y + s[i - 1].y) / 2 - cy) * scale);
    }
  }
  if (mass > 0) {
    mx /= mass;
    my /= mass;
  }
  // Where the box centre goes: centre of mass on the frame's middle, but never so far that
  // ink comes nearer than MARGIN to the edge. A 7's heavy bar would otherwise push it down
  // to the frame's edge; MNIST crops such digits, we keep them whole.
  const halfW = ((maxX - minX) * scale + thickness) / 2 + MARGIN;
  const halfH = ((maxY - minY) * scale + thickness) / 2 + MARGIN;
  const ox = clamp(FRAME / 2 - mx, halfW, FRAME - halfW);
  const oy = clamp(FRAME / 2 - my, halfH, FRAME - halfH);

  dist2.fill(Infinity);
  const reach = thickness / 2 + softness / 2 + 0.5;
  for (const s of strokes) {
    for (let i = 0; i < s.length; i++) {
      // Segment from the previous point to this one; a one-point stroke is a dot.
      if (i === 0 && s.length > 1) continue;
      const a = s[i > 0 ? i - 1 : 0];
      const b = s[i];
      segment((a.x - cx) * scale + ox, (a.y - cy) * scale + oy, (b.x - cx) * scale + ox, (b.y - cy) * scale + oy, reach);
    }
  }

  // Coverage ramps linearly across `softness` pixels centred on the pen's edge.
  const radius = thickness / 2;
  for (let i = 0; i < image.length; i++) {
    const d2 = dist2[i];
    if (d2 === Infinity) continue;
    image[i] = clamp((radius - Math.sqrt(d2)) / softness + 0.5, 0, 1);
  }
  return image;
}

/** Lowers dist2 for pixels within `reach` of segment (x0,y0)-(x1,y1), frame coordinates. */
function segment(x0: number, y0: number, x1: number, y1: number, reach: number): void {
  const c0 = Math.max(0, Math.floor(Math.min(x0, x1) - reach));
  const c1 = Math.min(FRAME - 1, Math.ceil(Math.max(x0, x1) + reach));
  const r0 = Math.max(0, Math.floor(Math.min(y0, y1) - reach));
  const r1 = Math.min(FRAME - 1, Math.ceil(Math.max(y0, y1) + reach));
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  for (let r = r0; r <= r1; r++) {
    const py = r + 0.5; // pixel centres sit at half-integers
    for (let c = c0; c <= c1; c++) {
      const px = c + 0.5;
      let t = len2 > 0 ? ((px - x0) * dx + (py - y0) * dy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = x0 + t * dx - px;
      const ey = y0 + t * dy - py;
      const d2 = ex * ex + ey * ey;
      const k = r * FRAME + c;
      if (d2 < dist2[k]) dist2[k] = d2;
    }
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Centre of mass of an image in pixel-centre coordinates (the frame's middle is 14, 14). */
export function centreOfMass(image: Float32Array): Point {
  let m = 0, x = 0, y = 0;
  for (let r = 0; r < FRAME; r++) {
    for (let c = 0; c < FRAME; c++) {
      const v = image[r * FRAME + c];
      m += v;
      x += v * (c + 0.5);
      y += v * (r + 0.5);
    }
  }
  return m > 0 ? { x: x / m, y: y / m } : { x: FRAME / 2, y: FRAME / 2 };
}
