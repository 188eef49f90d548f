/**
 * The two coref recipes, `coref` (the default text model, a head trained to link pronouns)
 * and `coref-mlm` (masked-LM alone, no head links pronouns). Both cards are measured by
 * evaluateCoref (coref-eval.ts) and worded by corefNotes (coref-notes.ts).
 */
import { loadBundle } from '../../checkpoints/bundle.ts';
import { toBert } from '../../checkpoints/hf-export.ts';
import { serializeSafetensors } from '../../checkpoints/safetensors.ts';
import type { TransformerModel } from '../../models/transformer.ts';
import { namedTensors } from '../../models/weights.ts';
import type { Rng, Tensor } from '../../runtime/index.ts';
import { WordPieceTokenizer } from '../../tokenizers/index.ts';
import { parseCorefTsv } from '../eval/coref-cases.ts';
import { bestCorefHead, headAccuracies } from '../eval/coref-metric.ts';
import type { Recipe, SharedFiles } from '../recipe.ts';
import type { TrainConfig } from '../trainer.ts';
import { corefLoss, corefMlmLoss, corefMlmSettings, corefSettings, corefSetup, createCorefModel, type CorefSetup } from './coref.ts';
import { evaluateCoref, type CorefEvalPlan } from './coref-eval.ts';
import { corefNotes } from './coref-notes.ts';

const round = (x: number) => Number(x.toFixed(4));
const roundAll = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));

interface CorefVariant {
  id: string;
  description: string;
  data: Record<string, unknown>;
  train: TrainConfig & { batchSize: number };
  plan: CorefEvalPlan;
  setup(shared: SharedFiles): CorefSetup;
  create(setup: CorefSetup): TransformerModel;
  loss: (model: TransformerModel, setup: CorefSetup, step: number, rng: Rng) => Tensor;
}

function corefRecipeOf(v: CorefVariant): Recipe {
  return {
    id: v.id,
    description: v.description,
    architecture: 'BertForMaskedLM',
    data: v.data,
    train: v.train,
    create(shared) {
      const setup = v.setup(shared);
      const model = v.create(setup);
      const trained = v.plan.trainedHead;
      return {
        params: namedTensors(model.weights),
        loss: (step, rng) => v.loss(model, setup, step, rng),
        progress: () => {
          const rep = headAccuracies(model, setup.tokenizer, setup.judge.slice(0, 350));
          const best = bestCorefHead(rep);
          const named = trained ? { trained: roundAll(rep.accuracy[trained[0]][trained[1]]) } : {};
          return { ...named, head: [best.layer, best.head], accuracy: roundAll(rep.accuracy[best.layer][best.head]) };
        },
        evaluate: () => evaluateCoref(model, setup.tokenizer, shared, v.plan),
        files: () => {
          const hf = toBert(model);
          return {
            'config.json': `${JSON.stringify(hf.config, null, 2)}\n`,
            'model.safetensors': serializeSafetensors(hf.tensors, { metadata: { format: 'pt', trainedBy: 'attention-atlas' } }),
            'vocab.txt': setup.tokenizer.toVocabTxt(),
          };
        },
      };
    },
    async evaluateShipped(read, shared) {
      const bundle = await loadBundle(v.id, read);
      if (bundle.kind !== 'text' || !(bundle.tokenizer instanceof WordPieceTokenizer)) throw new Error(`${v.id}: expected a text model with a WordPiece vocabulary`);
      return evaluateCoref(bundle.model, bundle.tokenizer, shared, v.plan);
    },
    cardFields: (e) => ({ coreferenceHead: e.coreferenceHead, coreference: e.coreference, heads: e.heads }),
    notes: (e) => corefNotes(e),
  };
}

const { attentionLoss: att, batch, mask } = corefSettings;

export const corefRecipe: Recipe = corefRecipeOf({
  id: 'coref',
  description:
    `A small BERT-style encoder on a generated world of people, animals, objects and places, trained to fill in masked words, to name the noun a pronoun refers to, and with an extra loss (as in LISA) that teaches layer ${att.layer + 1}, head ${att.head + 1} to point from a pronoun to that noun. Its card measures every head on the coreference metric of ../shared/coref (Clark et al. 2019) on sentences it never saw.`,
  data: {
    generator: 'src/data/coref-world; the held-out judge cases and the sentences of public.tsv are excluded from training',
    examples: `${batch.batchSize} sentences per step: ${Math.round(batch.batchSize * batch.caseShare)} labelled cases (winograd weighted x3, candidates with different pronouns ${batch.contrast} of the time), the rest corpus lines`,
    masking: `15% of tokens; pronouns ${mask.pronoun}, predicates ${mask.predicate}`,
    nounTarget: `on ${batch.nounTarget} of the case sentences the pronoun stays visible and its target is its antecedent noun`,
    attentionLoss: `${att.weight} x mean -log(attention of layer ${att.layer} head ${att.head} (0-based) from each visible pronoun to its antecedent)`,
  },
  train: corefSettings.train,
  plan: { judgeSeed: corefSettings.judgeSeed, judgePerKind: corefSettings.judgePerKind, trainedHead: [att.layer, att.head], answers: true },
  setup: (shared) => corefSetup(corefSettings, parseCorefTsv(shared('coref/public.tsv')).map((c) => c.sentence)),
  create: (setup) => createCorefModel(setup, corefSettings),
  loss: (model, setup, step, rng) => corefLoss(model, setup, step, rng),
});

export const corefMlmRecipe: Recipe = corefRecipeOf({
  id: 'coref-mlm',
  description:
    'A small BERT-style encoder trained only to fill in masked words on a generated world of people, animals, objects and places. No head links pronouns: its card measures every head on the coreference metric of ../shared/coref (Clark et al. 2019) and the route masked-LM took instead.',
  data: {
    generator: 'src/data/coref-world (never reads public.tsv)',
    examples: `${corefMlmSettings.train.batchSize} fresh corpus lines per step, excluding the held-out cases`,
    masking: `15% of tokens; pronouns ${corefMlmSettings.mask.pronoun}, predicates ${corefMlmSettings.mask.predicate}`,
  },
  train: corefMlmSettings.train,
  plan: { judgeSeed: corefMlmSettings.judgeSeed, judgePerKind: corefMlmSettings.judgePerKind, trainedHead: null, answers: false },
  setup: () => corefSetup(corefMlmSettings),
  create: (setup) => createCorefModel(setup, corefMlmSettings),
  loss: (model, setup, step, rng) => corefMlmLoss(model, setup, step, rng),
});
