/**
 * Which norm placement each of the course's models uses, read from the model's own config
 * (never written by hand): tiny-gpt, the translator's two halves, and the coref encoder
 * when it has been shipped.
 */
import { useBundle, type BundleState } from '../../../src/components/lesson/use-bundle.ts';
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

function fromBundle(b: BundleState): string {
  if (b.state === 'loading') return 'loading…';
  if (b.state === 'error') return isMissingModel(b.message) ? 'not shipped yet (public/models/coref is missing)' : b.message;
  return b.bundle.kind === 'text' ? placement(b.bundle.model.config) : 'not a text model';
}

function fromTranslator(t: TranslatorState, half: 'encoder' | 'decoder'): string {
  if (t.state === 'loading') return 'loading…';
  return t.state === 'error' ? t.message : placement(t.model.config[half]);
}

export function NormPlacementTable() {
  const gpt = useBundle(GPT_ID);
  const bert = useBundle(BERT_ID);
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
