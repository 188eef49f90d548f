/**
 * Runs the explorer's model on the explorer's text in the model worker whenever either
 * changes, and puts status, result or error in the store. The newest text wins: an older
 * run still in flight is superseded and its answer ignored, so typing never shows stale
 * attention for long, and the page thread never runs a forward pass.
 */
import { useEffect } from 'react';
import { selectModelId, selectText, useAtlas } from '../store/index.ts';
import { useModelClient } from './use-model-client.ts';
import { isSuperseded } from './worker/client.ts';

/** `ready` false holds the run back (a hub model not downloaded yet); it runs once ready turns true. */
export function useAttentionRun(ready = true): void {
  const client = useModelClient();
  const modelId = useAtlas(selectModelId);
  const text = useAtlas(selectText);
  useEffect(() => {
    if (!client || !ready) return;
    const s = useAtlas.getState();
    client
      .request(modelId, text, { onProgress: s.setRunStatus })
      .then((r) => {
        s.setRunResult(r);
        s.setLimits(r.nLayers, r.nHeads, r.tokens.length);
      })
      .catch((e: unknown) => {
        if (!isSuperseded(e)) s.setRunError(e instanceof Error ? e.message : String(e));
      });
  }, [client, modelId, text, ready]);
}
