// @vitest-environment jsdom
/**
 * The lessons' declared inputs, and real figures reading them: every default is a value its
 * codec holds and survives the round trip through a link; hostile link values read as the
 * defaults; an input set in one figure is seen by another figure of the same lesson (the
 * width d of two positions steps, the recall code of two why-attention steps, the drawing
 * pad's digit); a drawing stays out of the link while the generated digit goes in.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BANK_INPUTS } from '../../lessons/multi-head/inputs.ts';
import { SELF_ATTENTION } from '../../lessons/self-attention/inputs.ts';
import { EXPLORER } from '../../lessons/explorer/inputs.ts';
import { POSITIONS } from '../../lessons/positions/inputs.ts';
import { SinusoidFigure } from '../../lessons/positions/SinusoidStep.tsx';
import { WavelengthFigure } from '../../lessons/positions/WavelengthStep.tsx';
import { TRANSFORMER } from '../../lessons/transformer/inputs.ts';
import { TRANSLATION } from '../../lessons/translation/inputs.ts';
import { DrawingPad } from '../../lessons/vision/DrawingPad.tsx';
import { VISION } from '../../lessons/vision/inputs.ts';
import { WHY_ATTENTION } from '../../lessons/why-attention/inputs.ts';
import { RecallControls } from '../../lessons/why-attention/RecallControls.tsx';
import { useRecall } from '../../lessons/why-attention/use-recall.ts';
import { hashOf, initialState, linkedInputs, readLessonInput, useAtlas, type InputSpecs, type LessonInputs } from '../../src/store/index.ts';

const LESSONS: LessonInputs<InputSpecs>[] = [TRANSLATION, WHY_ATTENTION, VISION, TRANSFORMER, POSITIONS, BANK_INPUTS, SELF_ATTENTION, EXPLORER];

beforeEach(() => {
  useAtlas.setState({ ...initialState });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null); // jsdom has no canvas
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('every lesson declaration', () => {
  it('has defaults its codecs hold and keep through their string form', () => {
    for (const lesson of LESSONS) {
      for (const [name, codec] of Object.entries(lesson.specs)) {
        expect(codec.decode(codec.encode(codec.default)), `${lesson.lessonId}.${name}`).toEqual(codec.default);
      }
    }
  });

  it('reads any hostile link value as a value it can hold (mostly the default), never throwing', () => {
    const hostile = ['', '-1', '1e309', 'NaN', '<script>alert(1)</script>', '%', '\u0000', '🙂'.repeat(600), 'd:1,1', 'mean', 'on', '__proto__', '9'.repeat(30)];
    for (const lesson of LESSONS) {
      for (const [name, codec] of Object.entries(lesson.specs)) {
        for (const value of hostile) {
          const hash = `#/lesson/${lesson.lessonId}/1?${new URLSearchParams({ [name]: value })}`;
          useAtlas.setState({ lessonInputs: { [lesson.lessonId]: linkedInputs(hash) } });
          const read = readLessonInput(useAtlas.getState(), lesson, name);
          expect(codec.decode(codec.encode(read)), `${lesson.lessonId}.${name} = ${value.slice(0, 12)}`).toEqual(read);
        }
      }
    }
  });

  it('goes into a lesson link only where it differs from the default', () => {
    useAtlas.setState({ route: { name: 'lesson', lessonId: 'positions', step: 2 } });
    expect(hashOf(useAtlas.getState())).toBe('#/lesson/positions/3');
  });
});

describe('one input, several figures of a lesson', () => {
  it('positions: the width d set on the sinusoid step is the width of the wavelength step', () => {
    render(
      <>
        <section aria-label="sinusoid"><SinusoidFigure /></section>
        <section aria-label="wavelength"><WavelengthFigure /></section>
      </>,
    );
    const sinusoid = within(screen.getByRole('region', { name: 'sinusoid' }));
    const wavelength = within(screen.getByRole('region', { name: 'wavelength' }));
    fireEvent.change(sinusoid.getByRole('slider', { name: 'Dimensions d' }), { target: { value: '32' } });
    expect(wavelength.getByRole('slider', { name: 'Dimensions d' })).toHaveValue('32');
    expect(useAtlas.getState().lessonInputs).toEqual({ positions: { dims: '32' } });
    useAtlas.setState({ route: { name: 'lesson', lessonId: 'positions', step: 3 } });
    expect(hashOf(useAtlas.getState())).toBe('#/lesson/positions/4?dims=32');
  });

  it('why-attention: a code typed on one step is the sequence of every step', () => {
    function Strip() {
      return <p data-testid="strip">{useRecall().labels.join(' ')}</p>;
    }
    render(
      <>
        <section aria-label="memory"><RecallControls /></section>
        <section aria-label="attention"><RecallControls /><Strip /></section>
      </>,
    );
    const memory = within(screen.getByRole('region', { name: 'memory' }));
    const attention = within(screen.getByRole('region', { name: 'attention' }));
    fireEvent.change(memory.getByLabelText('Code to remember'), { target: { value: '9 0 5' } });
    expect(attention.getByLabelText('Code to remember')).toHaveValue('9 0 5');
    expect(screen.getByTestId('strip').textContent?.startsWith('9 0 5 ')).toBe(true);
    fireEvent.change(memory.getByLabelText('Code to remember'), { target: { value: '9x' } });
    expect(memory.getByRole('alert')).toHaveTextContent('The figures keep using 9 0 5');
    expect(attention.getByLabelText('Code to remember')).toHaveValue('9 0 5');
    act(() => useAtlas.getState().setLessonInput('why-attention', 'code', '123')); // a link, or another step
    expect(memory.getByLabelText('Code to remember')).toHaveValue('1 2 3');
    expect(useAtlas.getState().lessonInputs['why-attention']).toEqual({ code: '123' });
  });

  it('vision: the generated digit goes in the link and a hand drawing does not', () => {
    render(<DrawingPad />);
    fireEvent.change(screen.getByLabelText('Digit'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Random digit' }));
    expect(screen.getByText(/^Generated: a 7/)).toBeInTheDocument();
    useAtlas.setState({ route: { name: 'lesson', lessonId: 'vision', step: 0 } });
    expect(hashOf(useAtlas.getState())).toBe('#/lesson/vision/1?class=7&digit=2-7');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByText('The pad is empty: draw a digit.')).toBeInTheDocument();
    expect(hashOf(useAtlas.getState())).toBe('#/lesson/vision/1?class=7&digit=2-7');
    expect(readLessonInput(useAtlas.getState(), VISION, 'drawing')).toEqual([]);
  });
});
