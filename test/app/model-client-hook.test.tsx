// @vitest-environment jsdom
/**
 * Under React's StrictMode (as `npm start` runs the app), effects mount, unmount and mount
 * again. The Explorer's model client must survive that: a client created once and disposed
 * by the first cleanup left the development app computing nothing.
 */
import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { useModelClient } from '../../src/app/use-model-client.ts';
import { isSuperseded, type ModelClient } from '../../src/app/worker/client.ts';

describe('useModelClient', () => {
  it('ends StrictMode double mounting with a live client', async () => {
    let seen: ModelClient | null = null;
    function Probe() {
      seen = useModelClient();
      return null;
    }
    render(
      <StrictMode>
        <Probe />
      </StrictMode>,
    );
    expect(seen).not.toBeNull();
    // jsdom has no Worker: a live client fails to start one; a disposed one answers "superseded".
    const outcome = await (seen as unknown as ModelClient).request('coref', 'The cat sat.').then(
      () => 'resolved',
      (e: unknown) => (isSuperseded(e) ? 'disposed' : 'tried to start a worker'),
    );
    expect(outcome).toBe('tried to start a worker');
  });

  it('holds no client when switched off', () => {
    let seen: ModelClient | null | undefined;
    function Probe() {
      seen = useModelClient(false);
      return null;
    }
    render(<Probe />);
    expect(seen).toBeNull();
  });
});
