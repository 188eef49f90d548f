/**
 * The drawing pad: mouse, touch or pen strokes go into the lesson's inputs, from which
 * drawing.ts rasterises the model's 28 x 28 input; buttons clear, undo, or draw a seeded digit
 * from the generator. Points arriving within one animation frame are sent together, so a
 * fast stroke recomputes the figures at most once a frame.
 */
import { useEffect, useId, useRef } from 'react';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import type { Point } from '../../src/data/digits/index.ts';
import { useAtlas } from '../../src/store/index.ts';
import { padActions, padView } from './drawing.ts';
import { DIGIT_CLASSES, PAD, VISION } from './inputs.ts';
import { padPoint, paintStrokes } from './pad-canvas.ts';

const SIDE = 280; // css px
const STYLE = { paper: '#000000', ink: '#ffffff', pen: 18 };
const pad = padActions(useAtlas);

export function DrawingPad() {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [digit] = useLessonInput(VISION, 'digit');
  const [drawing] = useLessonInput(VISION, 'drawing');
  const { strokes, source } = padView(digit, drawing);
  const [label, setLabel] = useLessonInput(VISION, 'class');
  const pending = useRef<Point[]>([]);
  const frame = useRef(0);
  const down = useRef(false);
  // The pad's box, measured once per stroke: measuring on every move would force a layout each time.
  const box = useRef<DOMRect | null>(null);
  const selectId = useId();

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== SIDE * dpr) {
      c.width = SIDE * dpr;
      c.height = SIDE * dpr;
    }
    paintStrokes(ctx, strokes, (SIDE * dpr) / PAD, STYLE);
  }, [strokes]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const flush = () => {
    frame.current = 0;
    const points = pending.current;
    pending.current = [];
    pad.extendStroke(points);
  };
  const at = (e: { clientX: number; clientY: number }) => padPoint(e.clientX, e.clientY, box.current ?? canvas.current!.getBoundingClientRect());

  return (
    <div className="vision-pad">
      <canvas
        ref={canvas}
        className="vision-pad-canvas"
        role="img"
        aria-label={`Drawing pad. ${source.kind === 'drawn' ? `Your drawing, ${strokes.length} strokes.` : `A generated ${source.label}.`} Draw with a mouse, finger or pen; or use the buttons below.`}
        onPointerDown={(e) => {
          e.preventDefault();
          try {
            // Keeps the stroke going when the pen leaves the pad; strokes end at its edge.
            e.currentTarget.setPointerCapture(e.pointerId);
          } catch {
            // A pointer the browser no longer tracks: draw without capture.
          }
          down.current = true;
          box.current = e.currentTarget.getBoundingClientRect();
          pad.startStroke(at(e));
        }}
        onPointerMove={(e) => {
          if (!down.current) return;
          const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
          for (const ev of events.length > 0 ? events : [e]) pending.current.push(at(ev));
          if (!frame.current) frame.current = requestAnimationFrame(flush);
        }}
        onPointerUp={() => {
          down.current = false;
          cancelAnimationFrame(frame.current);
          flush();
        }}
        onPointerCancel={() => {
          down.current = false;
          cancelAnimationFrame(frame.current);
          flush();
        }}
      />
      <p className="vision-pad-source muted" aria-live="polite">
        {source.kind === 'drawn'
          ? strokes.length === 0
            ? 'The pad is empty: draw a digit.'
            : `Your drawing: ${strokes.length} stroke${strokes.length === 1 ? '' : 's'}.`
          : `Generated: a ${source.label} (“${source.template}”, seed ${source.seed}).`}
      </p>
      <div className="vision-pad-buttons">
        <button type="button" onClick={pad.undo} disabled={source.kind !== 'drawn' || strokes.length === 0}>Undo</button>
        <button type="button" onClick={pad.clear}>Clear</button>
      </div>
      <div className="vision-pad-buttons">
        <label htmlFor={selectId}>Digit</label>
        <select id={selectId} value={label} onChange={(e) => setLabel(DIGIT_CLASSES.find((c) => c === e.currentTarget.value) ?? 'any')}>
          {DIGIT_CLASSES.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </select>
        <button type="button" onClick={() => pad.drawRandom(label === 'any' ? undefined : Number(label))}>Random digit</button>
      </div>
    </div>
  );
}
