/**
 * The small JSON files of the chosen checkpoint that the page reads itself: config.json
 * (model_type, the class names in id2label) and preprocessor_config.json (image_mean and
 * image_std) when the folder has one. Read from the download cache for a hub, folder or disk
 * model (never from the network: useRemoteModel asks first), from the app's models folder
 * for a built-in one, and only once the model is on this machine (`ready`).
 */
import { useEffect, useState } from 'react';
import { browserFileCache } from '../../src/checkpoints/browser-cache.ts';
import { folderUrl, tryParseModelRef } from '../../src/checkpoints/model-ref.ts';

export interface CheckpointFiles {
  config: Record<string, unknown>;
  preprocessor: string | null;
}

export type CheckpointFilesState = { state: 'waiting' } | { state: 'ready'; files: CheckpointFiles } | { state: 'error'; message: string };

/** One file's text, or null when the folder has none. */
async function readText(modelId: string, name: string): Promise<string | null> {
  const ref = tryParseModelRef(modelId);
  if (!ref) throw new Error(`${modelId} is not a model reference`);
  if (ref.kind === 'builtin') {
    const res = await fetch(`${import.meta.env.BASE_URL}models/${ref.id}/${name}`);
    return res.ok && !(res.headers.get('content-type') ?? '').includes('text/html') ? res.text() : null;
  }
  const bytes = await browserFileCache.get(`${folderUrl(ref)}${name}`);
  return bytes ? new TextDecoder().decode(bytes) : null;
}

/** config.json's object; throws a message for a missing or malformed one. */
export function parseConfig(modelId: string, text: string | null): Record<string, unknown> {
  if (text === null) throw new Error(`${modelId} has no config.json.`);
  let c: unknown;
  try {
    c = JSON.parse(text);
  } catch {
    throw new Error(`${modelId}: config.json is not valid JSON.`);
  }
  if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new Error(`${modelId}: config.json is not an object.`);
  return c as Record<string, unknown>;
}

export function useCheckpointFiles(modelId: string, ready: boolean): CheckpointFilesState {
  const [held, setHeld] = useState<{ for: string; s: CheckpointFilesState }>({ for: '', s: { state: 'waiting' } });
  useEffect(() => {
    if (!ready) return;
    let live = true;
    Promise.all([readText(modelId, 'config.json'), readText(modelId, 'preprocessor_config.json').catch(() => null)])
      .then(([config, preprocessor]) => ({ config: parseConfig(modelId, config), preprocessor }))
      .then(
      (files) => live && setHeld({ for: modelId, s: { state: 'ready', files } }),
      (e: unknown) => live && setHeld({ for: modelId, s: { state: 'error', message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
  }, [modelId, ready]);
  return ready && held.for === modelId ? held.s : { state: 'waiting' };
}
