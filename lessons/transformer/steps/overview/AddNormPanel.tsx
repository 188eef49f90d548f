/**
 * An "Add & Norm" box of the diagram for the current sentence: how long each token's vector
 * is on its way through one sub-layer (stream in, what the LayerNorm gives, what the
 * sub-layer adds, stream out), in the placement the model actually uses.
 */
import { useMemo } from 'react';
import type { TransformerModel, TransformerTrace } from '../../../../src/models/transformer.ts';
import { residualStep, rowNorms, type SubLayer } from '../../model/residual.ts';

export interface AddNormPanelProps {
  model: TransformerModel;
  trace: TransformerTrace;
  labels: readonly string[];
  layer: number;
  which: SubLayer;
}

const SUBLAYER_NAME: Record<SubLayer, string> = { attention: 'self-attention', cross: 'cross-attention', ffn: 'feed-forward' };

export function AddNormPanel({ model, trace, labels, layer, which }: AddNormPanelProps) {
  const step = useMemo(() => residualStep(model, trace, layer, which), [model, trace, layer, which]);
  const pre = model.config.preNorm;
  const f = SUBLAYER_NAME[which];
  const columns = useMemo(() => {
    const col = (header: string, t: typeof step.before) => ({ header, norms: rowNorms(t) });
    return pre
      ? [col('‖x‖ stream in', step.before), col(`‖LN(x)‖ what ${f} reads`, step.normOut), col(`‖f‖ what ${f} adds`, step.out), col('‖x + f‖ stream out', step.after)]
      : [col('‖x‖ stream in', step.before), col(`‖f(x)‖ what ${f} adds`, step.out), col('‖LN(x + f)‖ stream out', step.after)];
  }, [step, pre, f]);
  return (
    <div className="tf-panel-figure">
      <p>
        {pre ? (
          <>
            The diagram draws the 2017 paper's order, <em>add, then norm</em>. This model is <strong>pre-norm</strong> (its config says preNorm: true): the
            LayerNorm sits at the <em>entrance</em> of each sub-layer, and the residual adds the sub-layer's output to the un-normalised stream,
            x + f(LN(x)). One more LayerNorm comes after the last block.
          </>
        ) : (
          <>
            This model is <strong>post-norm</strong>, as in the 2017 paper: it adds the sub-layer's output to the stream, then normalises the sum,
            LN(x + f(x)).
          </>
        )}{' '}
        Lengths (Euclidean norms) of each token's {model.config.dModel}-number vector, layer {layer + 1}, {f}:
      </p>
      <div className="viz-table-wrap">
        <table className="viz-table tf-number-table">
          <caption>
            Residual stream around layer {layer + 1}'s {f}
          </caption>
          <thead>
            <tr>
              <th scope="col">token</th>
              {columns.map((c) => (
                <th scope="col" key={c.header}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((tok, i) => (
              <tr key={i}>
                <th scope="row">{tok}</th>
                {columns.map((c) => (
                  <td key={c.header}>{c.norms[i].toFixed(2)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
