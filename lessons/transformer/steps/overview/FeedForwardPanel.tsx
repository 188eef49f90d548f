/**
 * The feed-forward network of one block for the current sentence: its hidden layer is four
 * times wider than the stream, and for each token only some of those units fire.
 */
import { useMemo } from 'react';
import { VectorBars } from '../../../../src/components/viz/VectorBars.tsx';
import type { TransformerModel, TransformerTrace } from '../../../../src/models/transformer.ts';
import { firingShares, firingUnits } from '../../model/feed-forward.ts';
import { TokenPicker } from '../../ui/Pickers.tsx';
import { useLessonInput } from '../../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../../inputs.ts';

export interface FeedForwardPanelProps {
  model: TransformerModel;
  trace: TransformerTrace;
  labels: readonly string[];
  layer: number;
  /** The token to show; when given, the caller owns the choice and the panel shows no picker. */
  token?: number;
}

const ACTIVATION_NAME: Record<string, string> = { relu: 'ReLU', gelu: 'GELU', geluTanh: 'GELU (tanh approximation)', swiglu: 'SwiGLU' };

export function FeedForwardPanel({ model, trace, labels, layer, token: given }: FeedForwardPanelProps) {
  const [own, setOwn] = useLessonInput(TRANSFORMER, 'block-token');
  const token = given ?? own;
  const cfg = model.config;
  const l = trace.layers[Math.min(layer, trace.layers.length - 1)];
  const tok = Math.min(token, labels.length - 1);
  const summary = useMemo(() => firingUnits(l.ffnActivation, tok), [l, tok]);
  const shares = useMemo(() => firingShares(l.ffnActivation), [l]);
  const row = useMemo(() => l.ffnActivation.row(tok), [l, tok]);
  return (
    <div className="tf-panel-figure">
      <p>
        The same two-layer network is applied to every token separately: {cfg.dModel} numbers go up to {cfg.dFF} hidden units ({cfg.dFF / cfg.dModel}×
        wider), through {ACTIVATION_NAME[cfg.activation] ?? cfg.activation}, and back down to {cfg.dModel}. No token looks at another here; that was
        attention's job.
      </p>
      {given === undefined && (
        <div className="tf-controls">
          <TokenPicker tokens={labels} value={tok} onChange={setOwn} />
        </div>
      )}
      <p aria-live="polite">
        “{labels[tok]}” fires <strong>{summary.firing}</strong> of {summary.width} hidden units in layer {layer + 1} (activation above 0); the strongest
        is unit {summary.top[0].unit} at {summary.top[0].value.toFixed(2)}. Across the sentence, tokens fire between{' '}
        {Math.round(100 * Math.min(...shares))}% and {Math.round(100 * Math.max(...shares))}% of the units.
      </p>
      <VectorBars label={`hidden activation of “${labels[tok]}”, layer ${layer + 1}`} values={row} length={120} />
    </div>
  );
}
