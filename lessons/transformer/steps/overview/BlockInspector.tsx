/**
 * What the selected block of the diagram computes, live, for the current sentence: each
 * block id maps to the panel that shows its part of the translator's trace.
 */
import { useId } from 'react';
import type { TranslateTransformer } from '../../../../src/checkpoints/atlas-translation.ts';
import { blockName, type ArchitectureBlockId } from '../../../../src/viz/architecture-diagram.ts';
import type { TracedTranslation } from '../../model/translator.ts';
import type { SubLayer } from '../../model/residual.ts';
import { StoreLayerPicker, useStoreLayer } from '../../ui/SelectionPickers.tsx';
import { AddNormPanel } from './AddNormPanel.tsx';
import { AttentionPanel } from './AttentionPanel.tsx';
import { EmbeddingPanel } from './EmbeddingPanel.tsx';
import { FeedForwardPanel } from './FeedForwardPanel.tsx';
import { OutputPanel } from './OutputPanel.tsx';

/** Blocks inside the "N×" frames: they exist once per layer, so the panel offers a layer. */
const PER_LAYER = new Set<ArchitectureBlockId>([
  'encoder-self-attention', 'encoder-add-norm-1', 'encoder-feed-forward', 'encoder-add-norm-2',
  'decoder-masked-self-attention', 'decoder-add-norm-1', 'decoder-cross-attention', 'decoder-add-norm-2',
  'decoder-feed-forward', 'decoder-add-norm-3',
]);

const ADD_NORM: Partial<Record<ArchitectureBlockId, { side: 'encoder' | 'decoder'; which: SubLayer }>> = {
  'encoder-add-norm-1': { side: 'encoder', which: 'attention' },
  'encoder-add-norm-2': { side: 'encoder', which: 'ffn' },
  'decoder-add-norm-1': { side: 'decoder', which: 'attention' },
  'decoder-add-norm-2': { side: 'decoder', which: 'cross' },
  'decoder-add-norm-3': { side: 'decoder', which: 'ffn' },
};

function Panel({ model, t, block, layer }: { model: TranslateTransformer; t: TracedTranslation; block: ArchitectureBlockId; layer: number }) {
  const enc = { model: model.model.encoder, trace: t.trace.encoder, labels: t.source.labels };
  const dec = { model: model.model.decoder, trace: t.trace.decoder, labels: t.decoderInput };
  const addNorm = ADD_NORM[block];
  if (addNorm) return <AddNormPanel {...(addNorm.side === 'encoder' ? enc : dec)} layer={layer} which={addNorm.which} />;
  switch (block) {
    case 'input-embedding':
      return <EmbeddingPanel model={model} t={t} side="encoder" part="token" />;
    case 'input-positional':
      return <EmbeddingPanel model={model} t={t} side="encoder" part="position" />;
    case 'output-embedding':
      return <EmbeddingPanel model={model} t={t} side="decoder" part="token" />;
    case 'output-positional':
      return <EmbeddingPanel model={model} t={t} side="decoder" part="position" />;
    case 'encoder-self-attention':
      return <AttentionPanel model={model} t={t} kind="encoder" layer={layer} />;
    case 'decoder-masked-self-attention':
      return <AttentionPanel model={model} t={t} kind="masked" layer={layer} />;
    case 'decoder-cross-attention':
      return <AttentionPanel model={model} t={t} kind="cross" layer={layer} />;
    case 'encoder-feed-forward':
      return <FeedForwardPanel {...enc} layer={layer} />;
    case 'decoder-feed-forward':
      return <FeedForwardPanel {...dec} layer={layer} />;
    case 'linear':
      return <OutputPanel model={model} t={t} part="linear" />;
    default:
      return <OutputPanel model={model} t={t} part="softmax" />;
  }
}

export function BlockInspector({ model, t, block }: { model: TranslateTransformer; t: TracedTranslation; block: ArchitectureBlockId }) {
  const titleId = useId();
  const perLayer = PER_LAYER.has(block);
  const cfg = block.startsWith('encoder') ? model.config.encoder : model.config.decoder;
  const nLayers = cfg.nLayers;
  const layer = useStoreLayer(nLayers);
  return (
    <section className="tf-inspector panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{blockName(block)}</h3>
      {perLayer && (
        <div className="tf-controls">
          <StoreLayerPicker nLayers={nLayers} nHeads={cfg.nHeads} label={`Layer (N = ${nLayers} here)`} />
        </div>
      )}
      <Panel model={model} t={t} block={block} layer={layer} />
    </section>
  );
}
