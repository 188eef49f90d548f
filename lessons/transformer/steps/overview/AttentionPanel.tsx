/**
 * One of the translator's three kinds of attention for the current sentence, as a heatmap:
 * encoder self-attention (English over English), decoder masked self-attention (French
 * prefix over itself) or cross-attention (French rows over English columns).
 */
import { useMemo } from 'react';
import type { TranslateTransformer } from '../../../../src/checkpoints/atlas-translation.ts';
import { HeatmapFigure } from '../../../../src/components/viz/HeatmapFigure.tsx';
import { headWeights } from '../../model/attention-views.ts';
import type { TracedTranslation } from '../../model/translator.ts';
import { LayerHeadControls, useLayerHead } from '../../ui/SelectionPickers.tsx';

export type AttentionKind = 'encoder' | 'masked' | 'cross';

export interface AttentionPanelProps {
  model: TranslateTransformer;
  t: TracedTranslation;
  kind: AttentionKind;
  layer: number;
}

/** The rows, columns and axis names of each kind of attention. */
export function attentionAxes(t: TracedTranslation, kind: AttentionKind) {
  if (kind === 'encoder') return { rows: t.source.labels, cols: t.source.labels, rowAxis: 'English query', colAxis: 'English key' };
  if (kind === 'masked') return { rows: t.decoderInput, cols: t.decoderInput, rowAxis: 'French query', colAxis: 'French key' };
  // Row t of cross-attention is the decoder at the position that wrote output[t].
  return { rows: t.output, cols: t.source.labels, rowAxis: 'French word written', colAxis: 'English word' };
}

export function AttentionPanel({ model, t, kind, layer }: AttentionPanelProps) {
  const side = kind === 'encoder' ? t.trace.encoder : t.trace.decoder;
  const { nHeads, nLayers } = kind === 'encoder' ? model.config.encoder : model.config.decoder;
  const sel = useLayerHead(nLayers, nHeads, 'block-mean');
  const choice = sel.head;
  const l = side.layers[Math.min(layer, side.layers.length - 1)];
  const heads = kind === 'cross' ? (l.crossHeads ?? []) : l.heads;
  const values = useMemo(() => headWeights(heads, choice), [heads, choice]);
  const axes = attentionAxes(t, kind);
  const what = kind === 'encoder' ? 'Encoder self-attention' : kind === 'masked' ? 'Decoder masked self-attention' : 'Cross-attention';
  const headText = choice === 'mean' ? `mean of ${nHeads} heads` : `head ${choice + 1}`;
  const title = `${what}, layer ${layer + 1}, ${headText}`;
  return (
    <div className="tf-panel-figure">
      <LayerHeadControls nLayers={nLayers} nHeads={nHeads} sel={sel} showLayer={false} />
      <HeatmapFigure
        rows={axes.rows}
        cols={axes.cols}
        values={values}
        title={title}
        rowAxis={axes.rowAxis}
        colAxis={axes.colAxis}
        domain={[0, 1]}
        maxCell={56}
        legend="weight"
        caption={`${title}: each row is one query's softmax weights, summing to 1.`}
      />
    </div>
  );
}
