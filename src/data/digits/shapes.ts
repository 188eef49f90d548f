/**
 * Pen-path primitives for the digit templates: lines, elliptical arcs, cubic Béziers and
 * free parametric curves, each sampled into a dense polyline, plus `path` to join pieces
 * into one stroke (one pen-down, pen-up). Coordinates are the template's own units: a digit
 * is about 1 tall and 0.6 wide, y grows downwards as on a canvas.
 */

/** A point on the canvas or in template units (y grows downwards). */
export interface Point {
  x: number;
  y: number;
}

/** One pen-down polyline, as a mouse or a template draws it. */
export type Stroke = Point[];

/** Spacing of sampled points: dense enough that wobble and trimming act smoothly. */
const STEP = 0.02;

function count(length: number): number {
  return Math.max(2, Math.ceil(length / STEP));
}

/** Straight segment from a to b. */
export function line(a: Point, b: Point): Stroke {
  const n = count(Math.hypot(b.x - a.x, b.y - a.y));
  const out: Stroke = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
  }
  return out;
}

/**
 * Elliptical arc around c, from angle `from` to `to` in degrees. Angles follow the screen:
 * 0 = right, 90 = bottom, 180 = left, 270 (or -90) = top, so increasing angles turn
 * clockwise as seen by the student; `to < from` turns anticlockwise.
 */
export function arc(c: Point, rx: number, ry: number, from: number, to: number): Stroke {
  const a0 = (from * Math.PI) / 180;
  const a1 = (to * Math.PI) / 180;
  const n = count(Math.abs(a1 - a0) * Math.max(rx, ry));
  const out: Stroke = [];
  for (let i = 0; i <= n; i++) {
    const a = a0 + ((a1 - a0) * i) / n;
    out.push({ x: c.x + rx * Math.cos(a), y: c.y + ry * Math.sin(a) });
  }
  return out;
}

/** Point of an elliptical arc at an angle, to start or end a line where an arc does. */
export function onArc(c: Point, rx: number, ry: number, angle: number): Point {
  const a = (angle * Math.PI) / 180;
  return { x: c.x + rx * Math.cos(a), y: c.y + ry * Math.sin(a) };
}

/** Cubic Bézier from p0 to p3 with control points p1, p2. */
export function cubic(p0: Point, p1: Point, p2: Point, p3: Point): Stroke {
  // The control polygon's length bounds the curve's, so it sets a safe sample count.
  const hull = Math.hypot(p1.x - p0.x, p1.y - p0.y) + Math.hypot(p2.x - p1.x, p2.y - p1.y) + Math.hypot(p3.x - p2.x, p3.y - p2.y);
  const n = count(hull);
  const out: Stroke = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    const b0 = u * u * u;
    const b1 = 3 * u * u * t;
    const b2 = 3 * u * t * t;
    const b3 = t * t * t;
    out.push({ x: b0 * p0.x + b1 * p1.x + b2 * p2.x + b3 * p3.x, y: b0 * p0.y + b1 * p1.y + b2 * p2.y + b3 * p3.y });
  }
  return out;
}

/** A parametric curve f(t) for t in [t0, t1], sampled at n + 1 points. */
export function curve(f: (t: number) => Point, t0: number, t1: number, n = 120): Stroke {
  const out: Stroke = [];
  for (let i = 0; i <= n; i++) out.push(f(t0 + ((t1 - t0) * i) / n));
  return out;
}

/** Pieces drawn without lifting the pen, joined end to start into one stroke. */
export function path(...pieces: Stroke[]): Stroke {
  const out: Stroke = [];
  for (const piece of pieces) {
    for (const p of piece) {
      const last = out[out.length - 1];
      // Adjacent pieces share their join point; keep it once.
      if (last && Math.abs(last.x - p.x) < 1e-9 && Math.abs(last.y - p.y) < 1e-9) continue;
      out.push(p);
    }
  }
  return out;
}
