/**
 * The text model the Explorer and the text lessons share (the store's modelId, `model=` in
 * a link): the course's encoders and decoder, downloaded text models, and any other opened.
 */
import { selectModelId, selectSetModel, useAtlas } from '../store/index.ts';
import type { RemoteModel } from './explorer/use-remote-model.ts';
import { ModelChooser, type ModelOption } from './ModelChooser.tsx';

export const TEXT_MODELS: readonly ModelOption[] = [
  { id: 'coref', label: 'coref (BERT-style encoder, one head trained to link pronouns)' },
  { id: 'coref-mlm', label: 'coref-mlm (BERT-style encoder, masked-LM only)' },
  { id: 'tiny-gpt', label: 'tiny-gpt (GPT-style decoder)' },
];

/** Hub models worth trying: the course's runtime reads each family. */
export const TEXT_SUGGESTIONS: readonly string[] = [
  'hf:google-bert/bert-base-uncased',
  'hf:distilbert/distilbert-base-uncased',
  'hf:openai-community/gpt2',
  'hf:HuggingFaceTB/SmolLM2-135M',
];

/** Any downloaded text model (a ViT attends over patches, not words). */
export const isTextModel = (modelType: string) => modelType !== 'vit';

/** `remote`: the shared model's download state (useRemoteModel of the store's modelId, held by the caller). */
export function TextModelChooser({ remote }: { remote: RemoteModel }) {
  const modelId = useAtlas(selectModelId);
  const setModel = useAtlas(selectSetModel);
  return <ModelChooser label="Model" value={modelId} onChange={setModel} course={TEXT_MODELS} accepts={isTextModel} suggestions={TEXT_SUGGESTIONS} remote={remote} />;
}
