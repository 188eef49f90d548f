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
      ? [col('in ‖x‖', step.before), col('‖LN(x)‖', step.normOut), col('added ‖f‖', step.out), col('out ‖x + f‖', step.after)]
      : [col('in ‖x‖', step.before), col('added ‖f(x)‖', step.out), col('out ‖LN(x + f)‖', step.after)];
  }, [step, pre]);
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
        Below, the lengths (Euclidean norms) of each token's {model.config.dModel}-number vector in layer {layer + 1}: the stream coming in, {pre ? `what the ${f} reads after the LayerNorm, ` : ''}
        what the {f} adds, and the stream going out.
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
