/**
 * The bottom of either column for the current sentence: the token embeddings looked up from
 * the model's table, the learned position vectors, and their sum (what block 1 reads).
 */
import type { TranslateTransformer } from '../../../../src/checkpoints/atlas-translation.ts';
import { MatrixView } from '../../../../src/components/viz/MatrixView.tsx';
import type { TracedTranslation } from '../../model/translator.ts';

export function EmbeddingPanel({ model, t, side, part }: { model: TranslateTransformer; t: TracedTranslation; side: 'encoder' | 'decoder'; part: 'token' | 'position' }) {
  const trace = side === 'encoder' ? t.trace.encoder : t.trace.decoder;
  const cfg = side === 'encoder' ? model.config.encoder : model.config.decoder;
  const labels = side === 'encoder' ? t.source.labels : t.decoderInput;
  const T = labels.length;
  const vocab = side === 'encoder' ? model.vocabs.en.size : model.vocabs.fr.size;
  if (part === 'token') {
    return (
      <div className="tf-panel-figure">
        <p>
          Each {side === 'encoder' ? 'English word' : 'French token'} picks its row of a learned table of {vocab} × {cfg.dModel} numbers: {T} rows for
          this sentence, one vector of {cfg.dModel} per token.
        </p>
        <MatrixView name="token embeddings" values={trace.tokenEmbeddings} rows={T} cols={cfg.dModel} rowLabels={labels} maxCell={14} />
      </div>
    );
  }
  return (
    <div className="tf-panel-figure">
      <p>
        Attention by itself ignores order, so each position gets a vector of its own. This model <strong>learned</strong> its table of {cfg.maxPositions}{' '}
        positions (its config says positions: “{cfg.positions}”); the 2017 paper used fixed sinusoids instead. The sum is the residual stream that
        block 1 reads.
      </p>
      {trace.positionEmbeddings && <MatrixView name="position vectors" values={trace.positionEmbeddings} rows={T} cols={cfg.dModel} rowLabels={labels} maxCell={14} />}
      <MatrixView name="token + position" values={trace.embeddings} rows={T} cols={cfg.dModel} rowLabels={labels} maxCell={14} />
    </div>
  );
}
