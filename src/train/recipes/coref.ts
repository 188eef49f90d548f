/**
 * The two coref models: small BERT-style encoders (post-norm, learned positions, tied
 * masked-LM head) on the coref world (src/data/coref-world), with one vocabulary.
 * - `coref-mlm`: masked-language modelling alone. No head learned to resolve pronouns.
 * - `coref` (the default text model): masked-LM, a noun target at visible pronouns and an
 *   attention loss on one named head, which learns to point from a pronoun to its antecedent.
 * Both cards measure every head with the metric of ../shared/coref/README.md.
 */
import * as world from '../../data/coref-world/index.ts';
import { encoderConfig } from '../../models/config.ts';
import { transformerForward, type TransformerModel } from '../../models/transformer.ts';
import { initTransformer } from '../../models/weights.ts';
import { add, concatRows, crossEntropy, gather, log, mean, Rng, scale, type Tensor } from '../../runtime/index.ts';
import { buildWordPieceVocab, WordPieceTokenizer } from '../../tokenizers/index.ts';
import { maskTokens, type MaskOptions } from '../mlm.ts';
import type { TrainConfig } from '../trainer.ts';
import { corefBatch, type CorefBatchSettings } from './coref-batch.ts';

/** What both coref recipes share: the vocabulary, the model's shape, the judge set's seed. */
const common = {
  vocabSeed: 11, // corpus sample the vocabulary is built from
  vocabLines: 40_000,
  judgeSeed: 99, // held-out labelled cases, excluded from training
  // GPT-2's tanh GELU: same shape as BERT's exact GELU, several times cheaper to compute.
  model: { dModel: 64, nHeads: 4, nLayers: 4, dFF: 256, maxPositions: 64, activation: 'geluTanh' as const },
};

/** `coref-mlm`: masked-LM alone on the corpus (kept to show that no pronoun head grows from it). */
export const corefMlmSettings = {
  ...common,
  judgePerKind: 100,
  contrast: 0.5, // share of corpus cases whose candidates take different pronouns (the generator's default)
  mix: {} as world.CorpusOptions['mix'], // corpus template weights over the generator's defaults
  // Chosen pronouns are swapped for another of their group half the time (else 80/10/10).
  mask: { p: 0.15, pronoun: 0.5, predicate: 0.3, swap: 0.5 },
  train: { steps: 8000, batchSize: 32, lr: 2e-3, warmup: 300, weightDecay: 0.01, clip: 1, seed: 7, evalEvery: 500 } satisfies TrainConfig & { batchSize: number },
};

/**
 * `coref`: the recipe of ../shared/coref/RECIPES.md that passed ("both"): masked-LM, the
 * noun target and an attention loss on one named head, with winograd cases weighted x3.
 */
export const corefSettings = {
  ...common,
  judgePerKind: 200,
  mask: { p: 0.15, pronoun: 0.5, predicate: 0.3, swap: 0 },
  batch: { batchSize: 32, caseShare: 0.7, kinds: { winograd: 0.48 }, contrast: 0.5, nounTarget: 0.5 } satisfies CorefBatchSettings,
  /** The head the attention loss trains (0-based), and the loss's weight next to masked-LM. */
  attentionLoss: { layer: 3, head: 0, weight: 1 },
  train: { steps: 3000, batchSize: 32, lr: 2e-3, warmup: 200, minLr: 0, weightDecay: 0.01, clip: 1, seed: 7, evalEvery: 250 } satisfies TrainConfig & { batchSize: number },
};

type Settings = typeof corefMlmSettings | typeof corefSettings;

/** Pronouns by grammatical slot: a swap stays within its slot, so the sentence stays grammatical. */
const PRONOUN_GROUPS = [
  ['he', 'she', 'it', 'they'],
  ['him', 'her', 'it', 'them'],
  ['his', 'her', 'its', 'their'],
];
const PRONOUNS = [...new Set(PRONOUN_GROUPS.flat())];

export interface CorefSetup {
  tokenizer: WordPieceTokenizer;
  mask: MaskOptions;
  judge: world.CorefExample[];
  exclude: Set<string>;
}

/** The tokenizer, masking policy and held-out judge set: all deterministic from the settings. */
export function corefSetup(s: Settings, alsoExclude: readonly string[] = []): CorefSetup {
  const lines = world.generateCorpus(s.vocabSeed, s.vocabLines);
  const vocab = buildWordPieceVocab([...lines, world.worldVocabulary().join(' ')], { minCount: 1, lowercase: true });
  const tokenizer = new WordPieceTokenizer(vocab, { lowercase: true });
  const id = (w: string) => tokenizer.tokenToId(w);
  const boost = new Map<number, number>();
  for (const p of predicateWords()) {
    const i = id(p);
    if (i !== undefined) boost.set(i, s.mask.predicate);
  }
  for (const p of PRONOUNS) {
    const i = id(p);
    if (i !== undefined) boost.set(i, s.mask.pronoun);
  }
  const swapGroups = new Map<number, number[]>();
  for (const group of PRONOUN_GROUPS) {
    const groupIds = group.map(id).filter((x): x is number => x !== undefined);
    // "her" and "it" sit in two groups: they may become any pronoun of either.
    for (const g of groupIds) swapGroups.set(g, [...new Set([...(swapGroups.get(g) ?? []), ...groupIds])]);
  }
  const sp = tokenizer.specialIds;
  const special = new Set([sp.cls, sp.sep, sp.pad].filter((x): x is number => x !== undefined));
  const judge = world.generateLabelled(s.judgeSeed, s.judgePerKind * world.KINDS.length);
  return {
    tokenizer,
    mask: { maskId: sp.mask as number, vocabSize: tokenizer.vocabSize, special, p: s.mask.p, boost, swapGroups, swap: s.mask.swap },
    judge,
    exclude: world.sentencesOf([...judge.map((j) => j.sentence), ...alsoExclude]),
  };
}

/** Words that say something about one candidate: the ones a pronoun's referent decides. */
function predicateWords(): Set<string> {
  const out = new Set<string>();
  for (const t of world.generateLabelled(3, 2000)) {
    const words = t.sentence.toLowerCase().replace(/[.]/g, '').split(/\s+/);
    const last = words.lastIndexOf('was') >= 0 ? words.slice(words.lastIndexOf('was') + 1) : [];
    for (const w of last) if (!['too', 'so', 'very', 'really', 'yesterday', 'in', 'the', 'morning', 'park', 'garden', 'today'].includes(w)) out.add(w);
  }
  return out;
}

export function createCorefModel(setup: CorefSetup, s: Settings): TransformerModel {
  const config = encoderConfig({ vocabSize: setup.tokenizer.vocabSize, nKvHeads: s.model.nHeads, ...s.model });
  return { config, weights: initTransformer(config, new Rng(s.train.seed)) };
}

/** `coref-mlm`: one MLM loss over a fresh batch of corpus lines (seeded by the step, so a resumed run sees the same data). */
export function corefMlmLoss(model: TransformerModel, setup: CorefSetup, step: number, rng: Rng, s = corefMlmSettings): Tensor {
  const lines = world.generateCorpus(1_000_003 * (step + 1) + s.train.seed, s.train.batchSize, { exclude: setup.exclude, contrast: s.contrast, mix: s.mix });
  const pad = setup.tokenizer.specialIds.pad as number;
  const maxT = model.config.maxPositions;
  const seqs = lines.map((l) => setup.tokenizer.encode(l).map((t) => t.id).slice(0, maxT));
  const T = Math.max(...seqs.map((q) => q.length));
  const inputs: number[][] = [];
  const rows: number[] = [];
  const targets: number[] = [];
  seqs.forEach((ids, b) => {
    const m = maskTokens(ids, rng, setup.mask);
    inputs.push([...m.input, ...new Array<number>(T - ids.length).fill(pad)]);
    m.targets.forEach((t, i) => {
      if (t !== -100) {
        rows.push(b * T + i);
        targets.push(t);
      }
    });
  });
  const logits = transformerForward(model, inputs, { training: true, rng, lengths: seqs.map((q) => q.length), headRows: rows }).output;
  return crossEntropy(logits, targets);
}

/** `coref`: masked-LM (with the noun target) plus -log attention of the named head from each visible pronoun to its antecedent. */
export function corefLoss(model: TransformerModel, setup: CorefSetup, step: number, rng: Rng, s = corefSettings): Tensor {
  const b = corefBatch(setup.tokenizer, setup.mask, s.batch, step, s.train.seed, setup.exclude, rng, model.config.maxPositions);
  const { layer, head, weight } = s.attentionLoss;
  const r = transformerForward(model, b.inputs, { training: true, rng, lengths: b.lengths, headRows: b.rows, keepWeightsOf: { layer, head } });
  const mlm = crossEntropy(r.output, b.targets);
  if (b.links.length === 0) return mlm;
  const T = b.inputs[0].length;
  // Each row's (T, T) weights stacked into (B*T, T); one weight picked per visible pronoun.
  const picked = gather(concatRows(r.kept), b.links.map((l) => (l.row * T + l.pronoun) * T + l.antecedent));
  return add(mlm, scale(mean(log(picked)), -weight));
}
