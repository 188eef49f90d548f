/**
 * The Explorer's second sentence, run in a worker of its own (so it never supersedes the
 * first sentence's run), only while compare mode is on. Kept out of the store: nothing
 * else reads it, and the URL already carries the text.
 */
import { useEffect, useState } from 'react';
import type { AttentionResult } from '../store/index.ts';
import { useModelClient } from './use-model-client.ts';
import { isSuperseded } from './worker/client.ts';

export type CompareRun = { state: 'off' } | { state: 'running' } | { state: 'ready'; result: AttentionResult } | { state: 'error'; message: string };

export function useCompareRun(on: boolean, modelId: string, text: string): CompareRun {
  const client = useModelClient(on);
  const [run, setRun] = useState<CompareRun>({ state: 'off' });
  useEffect(() => {
    if (!client) return setRun({ state: 'off' });
    setRun((r) => (r.state === 'ready' ? r : { state: 'running' }));
    client.request(modelId, text).then(
      (result) => setRun({ state: 'ready', result }),
      (e: unknown) => {
        if (!isSuperseded(e)) setRun({ state: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
  }, [client, modelId, text]);
  return run;
}
