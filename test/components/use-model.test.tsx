// @vitest-environment jsdom
/**
 * useModel, the one hook for a shipped model: 'loading' until the page's model cache has
 * it, then 'ready'; a failed load shows "Could not load <what>: <why>" with a retry that
 * loads it again; figures asking for the same model share one load; a new id starts at
 * 'loading' on its first render, never showing the old model.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelLoader } from '../../src/checkpoints/model-cache.ts';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { useModel, type ModelState } from '../../src/components/use-model.ts';

afterEach(cleanup);

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A loader (new per test, so the page cache holds nothing of it) whose n-th call returns pending[n]. */
function scriptedLoader(n: number) {
  const pending = Array.from({ length: n }, () => deferred<string>());
  const calls: string[] = [];
  const load: ModelLoader<string> = (id) => {
    calls.push(id);
    return pending[calls.length - 1].promise;
  };
  return { load, calls, pending };
}

function Probe({ id, load, what }: { id: string; load: ModelLoader<string>; what?: string }) {
  const m: ModelState<string> = useModel(id, load, what);
  if (m.state === 'loading') return <p>loading {id}</p>;
  if (m.state === 'ready') return <p>ready: {m.model}</p>;
  return (
    <p role="alert">
      {m.message}
      <RetryButton retry={m.retry} />
    </p>
  );
}

describe('useModel', () => {
  it('is loading, then ready with the model', async () => {
    const { load, pending } = scriptedLoader(1);
    render(<Probe id="tiny-gpt" load={load} />);
    expect(screen.getByText('loading tiny-gpt')).toBeInTheDocument();
    await act(async () => pending[0].resolve('the gpt'));
    expect(screen.getByText('ready: the gpt')).toBeInTheDocument();
  });

  it('says what failed to load and why, and loads again on retry', async () => {
    const { load, calls, pending } = scriptedLoader(2);
    render(<Probe id="translate-rnn" load={load} what="the translator" />);
    await act(async () => pending[0].reject(new Error('HTTP 503')));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the translator: HTTP 503');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('loading translate-rnn')).toBeInTheDocument();
    await act(async () => pending[1].resolve('the translator'));
    expect(screen.getByText('ready: the translator')).toBeInTheDocument();
    expect(calls).toEqual(['translate-rnn', 'translate-rnn']);
  });

  it('names the model by its id when not told what it is', async () => {
    const { load, pending } = scriptedLoader(1);
    render(<Probe id="vit-digits" load={load} />);
    await act(async () => pending[0].reject(new Error('no model.safetensors')));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the model “vit-digits”: no model.safetensors');
  });

  it('shares one load between figures, under StrictMode too', async () => {
    const { load, calls, pending } = scriptedLoader(1);
    render(
      <StrictMode>
        <Probe id="coref" load={load} />
        <Probe id="coref" load={load} />
      </StrictMode>,
    );
    await act(async () => pending[0].resolve('the coref model'));
    expect(screen.getAllByText('ready: the coref model')).toHaveLength(2);
    expect(calls).toEqual(['coref']);
  });

  it('shows a new id as loading from its first render, not the previous model', async () => {
    const { load, pending } = scriptedLoader(2);
    const seen: string[] = [];
    function Spy({ id }: { id: string }) {
      const m = useModel(id, load);
      seen.push(`${id}:${m.state === 'ready' ? m.model : m.state}`);
      return null;
    }
    const { rerender } = render(<Spy id="long-range-rnn" />);
    await act(async () => pending[0].resolve('rnn'));
    seen.length = 0;
    rerender(<Spy id="long-range-lstm" />);
    expect(seen[0]).toBe('long-range-lstm:loading');
    await act(async () => pending[1].resolve('lstm'));
    expect(seen.at(-1)).toBe('long-range-lstm:lstm');
    expect(seen.some((s) => s.endsWith(':rnn'))).toBe(false);
  });

  it('refuses an id that is not a model name, with a message', async () => {
    const { load, calls } = scriptedLoader(1);
    await act(async () => {
      render(<Probe id="../secrets" load={load} />);
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the model “../secrets”: "../secrets" is not a model name.');
    expect(calls).toEqual([]);
  });
});
