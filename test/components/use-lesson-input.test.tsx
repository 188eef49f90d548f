// @vitest-environment jsdom
/**
 * useLessonInput and the bound SentenceInput: an input set in one figure is seen by another
 * figure of the same lesson (and not by another lesson's input of the same name); a loose or
 * hostile stored string is shown as the default and rewritten in its canonical form; the
 * sentence box edits the store's shared sentence, or a lesson's text input, clipped.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { defineLessonInputs, initialState, intInput, textInput, useAtlas } from '../../src/store/index.ts';

const ONE = defineLessonInputs('lesson-one', { seed: intInput(1, 0, 99), sentence: textInput('the cat sat', 12) });
const TWO = defineLessonInputs('lesson-two', { seed: intInput(1, 0, 99) });

function SeedFigure({ inputs, label }: { inputs: typeof ONE | typeof TWO; label: string }) {
  const [seed, setSeed] = useLessonInput(inputs, 'seed');
  return (
    <button type="button" aria-label={label} onClick={() => setSeed((s) => s + 1)}>
      {seed}
    </button>
  );
}

beforeEach(() => useAtlas.setState({ ...initialState }));
afterEach(cleanup);

describe('useLessonInput', () => {
  it('a value set in one figure is seen by another figure of the same lesson, not by another lesson', () => {
    render(
      <>
        <SeedFigure inputs={ONE} label="first figure" />
        <SeedFigure inputs={ONE} label="second figure" />
        <SeedFigure inputs={TWO} label="other lesson" />
      </>,
    );
    fireEvent.click(screen.getByLabelText('first figure'));
    fireEvent.click(screen.getByLabelText('first figure'));
    expect(screen.getByLabelText('second figure')).toHaveTextContent('3');
    expect(screen.getByLabelText('other lesson')).toHaveTextContent('1');
    expect(useAtlas.getState().lessonInputs).toEqual({ 'lesson-one': { seed: '3' } });
  });

  it('a figure that mounts later starts from the value already set (another step of the lesson)', () => {
    const first = render(<SeedFigure inputs={ONE} label="step 1" />);
    fireEvent.click(screen.getByLabelText('step 1'));
    first.unmount();
    render(<SeedFigure inputs={ONE} label="step 2" />);
    expect(screen.getByLabelText('step 2')).toHaveTextContent('2');
  });

  it('shows the default for a hostile stored value and rewrites loose ones canonically', () => {
    act(() => useAtlas.setState({ lessonInputs: { 'lesson-one': { seed: '1e9' }, 'lesson-two': { seed: '007' } } }));
    render(
      <>
        <SeedFigure inputs={ONE} label="hostile" />
        <SeedFigure inputs={TWO} label="loose" />
      </>,
    );
    expect(screen.getByLabelText('hostile')).toHaveTextContent('1');
    expect(screen.getByLabelText('loose')).toHaveTextContent('7');
    expect(useAtlas.getState().lessonInputs).toEqual({ 'lesson-two': { seed: '7' } });
  });
});

describe('SentenceInput', () => {
  it('without a lesson, edits the store shared sentence', () => {
    render(<SentenceInput examples={['The dog barked.']} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Sentence' }), { target: { value: 'A bird sang.' } });
    expect(useAtlas.getState().text).toBe('A bird sang.');
    fireEvent.click(screen.getByRole('button', { name: 'The dog barked.' }));
    expect(useAtlas.getState().text).toBe('The dog barked.');
    expect(screen.getByRole('group', { name: 'Example sentences' })).toBeInTheDocument();
  });

  it('bound to a lesson input, two boxes share it, clipped to the input length', () => {
    render(
      <>
        <SentenceInput lesson={ONE} name="sentence" label="First box" examples={['a red car']} examplesLabel="Examples" />
        <SentenceInput lesson={ONE} name="sentence" label="Second box" />
      </>,
    );
    const first = screen.getByRole('textbox', { name: 'First box' });
    const second = screen.getByRole('textbox', { name: 'Second box' });
    expect(first).toHaveValue('the cat sat');
    expect(first).toHaveAttribute('maxLength', '12');
    fireEvent.change(first, { target: { value: 'a very long sentence indeed' } });
    expect(second).toHaveValue('a very long ');
    fireEvent.click(screen.getByRole('button', { name: 'a red car' }));
    expect(second).toHaveValue('a red car');
    expect(screen.getByRole('button', { name: 'a red car' })).toHaveAttribute('aria-pressed', 'true');
    expect(useAtlas.getState().text).toBe(initialState.text);
  });
});
