/**
 * The top of the decoder for the current sentence: the Linear layer's scores (logits) over
 * the French vocabulary at each position, and the softmax that turns them into the
 * probabilities the next word was chosen from.
 */
import { useMemo } from 'react';
import type { TranslateTransformer } from '../../../../src/checkpoints/atlas-translation.ts';
import { nextTokenProbabilities, topK } from '../../../../src/models/generate.ts';
import type { TracedTranslation } from '../../model/translator.ts';

const K = 3;

export function OutputPanel({ model, t, part }: { model: TranslateTransformer; t: TracedTranslation; part: 'linear' | 'softmax' }) {
  const cfg = model.config.decoder;
  const V = model.vocabs.fr.size;
  const rows = useMemo(
    () =>
      t.decoderInput.map((_, i) => {
        const logits = t.logits.data.subarray(i * V, (i + 1) * V);
        const p = nextTokenProbabilities(logits, 1);
        return topK(logits, K).map((id) => ({ word: model.vocabs.fr.word(id), logit: logits[id], p: p[id] }));
      }),
    [t, V, model],
  );
  const tied = cfg.lmHead === 'tied';
  return (
    <div className="tf-panel-figure">
      {part === 'linear' ? (
        <p>
          {cfg.finalNorm ? 'After a last LayerNorm, one' : 'One'} matrix multiplication gives every position a score (logit) for each of the {V} French tokens.
          {tied && ' This model reuses its French embedding table as that matrix (tied weights, lmHead: “tied” in its config): a token scores high when the vector points the way of its embedding.'}
        </p>
      ) : (
        <p>
          Softmax turns each row of {V} logits into probabilities that sum to 1. The translator writes the most probable token (greedy decoding), then reads it
          back as the next input: that is why the decoder's input is its own output shifted right by one.
        </p>
      )}
      <div className="viz-table-wrap">
        <table className="viz-table tf-number-table">
          <caption>{part === 'linear' ? 'Highest logits at each decoder position' : 'Most probable next tokens at each decoder position'}</caption>
          <thead>
            <tr>
              <th scope="col">reads</th>
              {Array.from({ length: K }, (_, k) => (
                <th scope="col" key={k}>
                  {k === 0 ? 'best (written)' : `#${k + 1}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cands, i) => (
              <tr key={i}>
                <th scope="row">{t.decoderInput[i]}</th>
                {cands.map((c) => (
                  <td key={c.word}>
                    {c.word} {part === 'linear' ? c.logit.toFixed(1) : c.p < 0.001 ? '<0.001' : c.p.toFixed(3)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
