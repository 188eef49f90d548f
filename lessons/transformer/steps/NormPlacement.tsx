/**
 * Which norm placement each of the course's models uses, read from the model's own config
 * (never written by hand): tiny-gpt, the translator's two halves, and the coref encoder
 * when it has been shipped.
 */
import type { ReactNode } from 'react';
import type { ModelBundle } from '../../../src/checkpoints/bundle.ts';
import { RetryButton } from '../../../src/components/lesson/RetryButton.tsx';
import { useModel, type ModelState } from '../../../src/components/use-model.ts';
import type { TransformerConfig } from '../../../src/models/config.ts';
import { isMissingModel } from '../ui/model-availability.ts';
import { BERT_ID, GPT_ID } from '../ui/use-gpt-trace.ts';
import { useTranslator, type TranslatorState } from '../ui/use-translator.ts';

/** The placement in words, with the formula it stands for. */
export function placement(cfg: TransformerConfig): string {
  return cfg.preNorm
    ? `pre-norm: x + f(LN(x))${cfg.finalNorm ? ', and a final LN after the last block' : ''}`
    : `post-norm: LN(x + f(x))${cfg.embeddingNorm ? ', and an LN on the embeddings' : ''}`;
}

function fromBundle(b: ModelState<ModelBundle>): ReactNode {
  if (b.state === 'loading') return 'loading…';
  if (b.state === 'error') {
    if (isMissingModel(b.message)) return 'not shipped yet (public/models/coref is missing)';
    return <>{b.message}<RetryButton retry={b.retry} /></>;
  }
  return b.model.kind === 'text' ? placement(b.model.model.config) : 'not a text model';
}

function fromTranslator(t: TranslatorState, half: 'encoder' | 'decoder'): ReactNode {
  if (t.state === 'loading') return 'loading…';
  if (t.state === 'error') return <>{t.message}<RetryButton retry={t.retry} /></>;
  return placement(t.model.config[half]);
}

export function NormPlacementTable() {
  const gpt = useModel(GPT_ID);
  const bert = useModel(BERT_ID);
  const tr = useTranslator();
  const rows = [
    { model: 'tiny-gpt (GPT-style decoder)', where: fromBundle(gpt) },
    { model: 'translator, encoder', where: fromTranslator(tr, 'encoder') },
    { model: 'translator, decoder', where: fromTranslator(tr, 'decoder') },
    { model: 'coref (BERT-style encoder)', where: fromBundle(bert) },
  ];
  return (
    <div className="viz-table-wrap">
      <table className="viz-table tf-text-table">
        <caption>Where each shipped model puts its LayerNorm (read from its config)</caption>
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">norm placement</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.model}>
              <th scope="row">{r.model}</th>
              <td>{r.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
