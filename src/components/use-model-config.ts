/**
 * The shape of a text model (layers, heads, widths) for prose that states it: a course
 * model's from its loaded bundle, a downloaded model's from the config.json in the download
 * cache (no weights are read). Null until known, or for a model that is not downloaded.
 */
import { useEffect, useState } from 'react';
import { browserFileCache } from '../checkpoints/browser-cache.ts';
import { textConfigFromHf, type HfConfig } from '../checkpoints/hf-config.ts';
import { folderUrl, tryParseModelRef } from '../checkpoints/model-ref.ts';
import type { TransformerConfig } from '../models/config.ts';
import { useModel } from './use-model.ts';

export function useModelConfig(modelId: string): TransformerConfig | null {
  const ref = tryParseModelRef(modelId);
  const course = useModel(ref?.kind === 'builtin' ? modelId : null);
  const [downloaded, setDownloaded] = useState<{ id: string; config: TransformerConfig | null }>({ id: '', config: null });
  useEffect(() => {
    const ref = tryParseModelRef(modelId);
    if (!ref || ref.kind === 'builtin') return;
    let live = true;
    browserFileCache
      .get(`${folderUrl(ref)}config.json`)
      .then((bytes) => (bytes ? textConfigFromHf(JSON.parse(new TextDecoder().decode(bytes)) as HfConfig) : null))
      .then((config) => live && setDownloaded({ id: modelId, config }), () => live && setDownloaded({ id: modelId, config: null }));
    return () => {
      live = false;
    };
  }, [modelId]);
  if (ref?.kind === 'builtin') return course.state === 'ready' && course.model.kind === 'text' ? course.model.model.config : null;
  return downloaded.id === modelId ? downloaded.config : null;
}
