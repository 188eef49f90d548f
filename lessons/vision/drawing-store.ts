/**
 * The digit on the lesson's drawing pad, shared by every step of the vision lesson (each step
 * renders on its own, so the drawing cannot live in one step's React state). Strokes are in
 * the pad's own 280 x 280 units, as the digit generator's are, and the model's 28 x 28 input
 * is always normalizeDrawing(strokes, { thickness }) — for a drawing and for a generated
 * digit alike. Lesson-local on purpose: nothing outside this lesson reads it, and it is not
 * worth a URL (a drawing is hundreds of points).
 */
import { createStore } from 'zustand/vanilla';
import { CANVAS, generateDigit, normalizeDrawing, type Point, type Stroke } from '../../src/data/digits/index.ts';
import { Rng } from '../../src/runtime/index.ts';

/** Pen width, in output pixels, for the student's drawings: the rasteriser's default, mid-range of training. */
export const DRAWN_THICKNESS = 2.2;
/** Side of the pad in stroke units (the generator's canvas). */
export const PAD = CANVAS;

export type DigitSource = { kind: 'drawn' } | { kind: 'generated'; seed: number; label: number; template: string };

export interface DrawingState {
  strokes: Stroke[];
  thickness: number;
  source: DigitSource;
  /** The model's input, recomputed whenever the strokes change. */
  image: Float32Array;
  /** The seed the next "random digit" uses. */
  nextSeed: number;
}

export interface DrawingActions {
  /** Pen down at p: a new stroke (a drawing replaces a generated digit). */
  startStroke(p: Point): void;
  /** Pen moved: points appended to the last stroke. */
  extendStroke(points: readonly Point[]): void;
  clear(): void;
  undo(): void;
  /** Draws a digit from the generator (label random when not given) with the next seed. */
  drawRandom(label?: number): void;
}

export type Drawing = DrawingState & DrawingActions;

/** The pad point clamped into the pad: strokes that leave the canvas end at its edge. */
function clampPoint(p: Point): Point {
  return { x: Math.min(PAD, Math.max(0, p.x)), y: Math.min(PAD, Math.max(0, p.y)) };
}

/** A generated digit's state; the label comes from the seed when not given. */
export function generatedState(seed: number, label?: number): Pick<DrawingState, 'strokes' | 'thickness' | 'source' | 'image'> {
  const rng = new Rng(seed);
  const digit = label ?? rng.int(10);
  const sample = generateDigit(rng, digit);
  return {
    strokes: sample.strokes,
    thickness: sample.thickness,
    source: { kind: 'generated', seed, label: digit, template: sample.template },
    image: normalizeDrawing(sample.strokes, { thickness: sample.thickness }),
  };
}

/** A fresh store starting with a generated digit (seeded, so every visit starts alike). */
export function createDrawingStore(firstSeed = 1) {
  return createStore<Drawing>()((set, get) => {
    const drawn = (strokes: Stroke[]) => set({ strokes, thickness: DRAWN_THICKNESS, source: { kind: 'drawn' }, image: normalizeDrawing(strokes, { thickness: DRAWN_THICKNESS }) });
    return {
      ...generatedState(firstSeed),
      nextSeed: firstSeed + 1,
      startStroke: (p) => drawn([...(get().source.kind === 'drawn' ? get().strokes : []), [clampPoint(p)]]),
      extendStroke: (points) => {
        const strokes = get().strokes;
        if (strokes.length === 0 || get().source.kind !== 'drawn' || points.length === 0) return;
        const last = strokes[strokes.length - 1];
        drawn([...strokes.slice(0, -1), [...last, ...points.map(clampPoint)]]);
      },
      clear: () => drawn([]),
      undo: () => drawn(get().source.kind === 'drawn' ? get().strokes.slice(0, -1) : []),
      drawRandom: (label) => {
        const seed = get().nextSeed;
        set({ ...generatedState(seed, label), nextSeed: seed + 1 });
      },
    };
  });
}

/** The lesson's one pad. */
export const drawingStore = createDrawingStore();
