/**
 * `translate-rnn`: the RNN of the "attention in translation" lesson. A bidirectional GRU
 * encoder and a GRU decoder with Bahdanau (additive) attention (src/models/seq2seq.ts),
 * trained here on the toy English -> French corpus (src/data/translation). Nothing tells the
 * attention where to look; the card measures that it learned to: a French adjective's row
 * peaks on the English adjective even though French puts it after the noun.
 */
import {
  createTranslateRnn, loadTranslationModel, translationModelFiles, translationParameters, PAD_ID,
  type TranslateRnn,
} from '../../checkpoints/atlas-translation.ts';
import { padBatch, seq2seqLoss, teacherForcing } from '../../models/seq2seq.ts';
import { noGrad, Tensor } from '../../runtime/index.ts';
import type { Recipe } from '../recipe.ts';
import type { TrainConfig } from '../trainer.ts';
import {
  createBatcher, evaluateTranslation, translateWith, translationCorpus, translationVocabs, trainingExclusions,
  type Translation, type TranslatorOps,
} from './translate-common.ts';

export const translateRnnSettings = {
  // Widths are small next to the paper's 620/1000, enough for a ~280-word English lexicon.
  model: { dEmb: 64, dEnc: 64, dDec: 128, dAttn: 64 },
  train: {
    // Measured on 2 shared cores, one thread: ~0.35-0.6 s a step, ~12 min in all; held-out
    // exact match 0.90 after 500 steps and 0.985 after 1000 (200-sentence progress checks).
    steps: 1500,
    batchSize: 64,
    lr: 3e-3,
    warmup: 200,
    weightDecay: 0, // decay pulls the recurrent weights towards forgetting
    clip: 1,
    seed: 1,
    evalEvery: 250,
  } satisfies TrainConfig & { batchSize: number },
};

/** A fresh translator: the vocabularies of every corpus word, weights from the training seed. */
export function createRnnTranslator(s = translateRnnSettings): TranslateRnn {
  return createTranslateRnn(s.model, translationVocabs(), s.train.seed);
}

/** Greedy decoding and teacher-forced Bahdanau weights, for the evaluation and translate(). */
export function rnnOps(m: TranslateRnn): TranslatorOps {
  return {
    decode: (src) => m.model.greedyDecode(padBatch(src, PAD_ID)).tokens,
    attend: (src, tgt) =>
      noGrad(() => {
        const { tgtIn } = teacherForcing([tgt], m.config);
        const trace = m.model.forward([src], tgtIn).trace;
        if (!trace) throw new Error('translate-rnn: the forward pass returned no trace');
        const S = src.length;
        const rows = new Float32Array(trace.steps.length * S);
        trace.steps.forEach((step, t) => rows.set((step.weights as Tensor).row(0), t * S));
        return new Tensor(rows, [trace.steps.length, S]); // (tgt.length + 1, S)
      }),
  };
}

/**
 * English text to French with the alignment a_tj behind each output word (row t: the
 * Bahdanau weights over the English words while producing tokens[t]).
 */
export function translateRnn(m: TranslateRnn, english: string): Translation {
  return translateWith(rnnOps(m), m.vocabs, english);
}

export const translateRnnRecipe: Recipe = {
  id: 'translate-rnn',
  description: 'A GRU encoder-decoder with Bahdanau attention that translates toy English sentences into French, learning to look back at the adjective after the noun.',
  architecture: 'Seq2Seq (bidirectional GRU encoder, GRU decoder, Bahdanau additive attention)',
  data: {
    generator: `src/data/translation (complexity ${translationCorpus.complexity}, at most ${translationCorpus.maxWords} English words)`,
    examples: `fresh pairs every step, ${translateRnnSettings.train.batchSize} a step, grouped by length; the held-out sentences and the named examples are never drawn`,
    heldOut: `${translationCorpus.heldOutSize} distinct sentences from heldOutPairs, seed ${translationCorpus.heldOutSeed}`,
  },
  train: translateRnnSettings.train,
  create() {
    const m = createRnnTranslator();
    const { seed, batchSize } = translateRnnSettings.train;
    const batch = createBatcher(m.vocabs, seed, batchSize, trainingExclusions());
    return {
      params: translationParameters(m),
      loss: (step) => {
        const b = batch(step);
        return seq2seqLoss(m.model, b.map((x) => x.src), b.map((x) => x.tgt));
      },
      progress: () => evaluateTranslation(rnnOps(m), m.vocabs, true),
      evaluate: () => evaluateTranslation(rnnOps(m), m.vocabs),
      files: () => translationModelFiles(m),
    };
  },
  async evaluateShipped(read) {
    const m = await loadTranslationModel(read);
    if (m.kind !== 'rnn') throw new Error(`translate-rnn: the files hold a ${m.kind} model`);
    return evaluateTranslation(rnnOps(m), m.vocabs);
  },
  notes: () =>
    'Row t of the alignment heatmap is the Bahdanau weights a_tj the decoder used to produce French word t. ' +
    '`alignment.argmaxOnAlignedWord` counts, over held-out sentences whose nouns and adjectives cross ' +
    '(the red car -> la voiture rouge), how often such a row peaks on the English word it translates (teacher-forced on the reference).\n',
};
