/**
 * `tiny-gpt`: a GPT-style decoder trained as a causal language model on the coref world's
 * sentences, for the lessons on masked self-attention and next-token prediction ("The cat
 * sat on the" -> plausible next words, with a temperature). Saved in GPT-2 layout with a
 * word-level tokenizer.json; each line ends with [SEP], which the model learns as "stop".
 */
import { loadBundle } from '../../checkpoints/bundle.ts';
import { toGpt2 } from '../../checkpoints/hf-export.ts';
import { serializeSafetensors } from '../../checkpoints/safetensors.ts';
import * as world from '../../data/coref-world/index.ts';
import { decoderConfig } from '../../models/config.ts';
import { generate, lastLogits, nextTokenProbabilities, topK } from '../../models/generate.ts';
import { transformerForward, type TransformerModel } from '../../models/transformer.ts';
import { initTransformer, namedTensors } from '../../models/weights.ts';
import { crossEntropy, noGrad, Rng, type Tensor } from '../../runtime/index.ts';
import { buildWordPieceVocab, WordPieceTokenizer, wordPieceToHf, type Tokenizer } from '../../tokenizers/index.ts';
import type { Evaluation, Recipe, SharedFiles } from '../recipe.ts';
import { corefOnPublic } from './coref-eval.ts';

export const tinyGptSettings = {
  vocabSeed: 11,
  vocabLines: 40_000,
  heldOutSeed: 4242, // perplexity is measured on these lines, never trained on
  heldOutLines: 1000,
  model: { dModel: 64, nHeads: 4, nKvHeads: 4, nLayers: 4, dFF: 256, maxPositions: 48, activation: 'geluTanh' as const },
  train: { steps: 3000, batchSize: 32, lr: 2e-3, warmup: 200, weightDecay: 0.01, clip: 1, seed: 5, evalEvery: 500 },
  prompts: ['The cat sat on the', 'The animal didn\'t cross the street because it was too', 'Mary thanked John because', 'I deposited money in the'],
};

/** Word-level tokenizer: no [CLS] in front; [SEP] written by the caller at the end of a line. */
export function tinyGptTokenizer(): WordPieceTokenizer {
  const lines = world.generateCorpus(tinyGptSettings.vocabSeed, tinyGptSettings.vocabLines);
  const vocab = buildWordPieceVocab([...lines, world.worldVocabulary().join(' ')], { minCount: 1, lowercase: true });
  return new WordPieceTokenizer(vocab, { lowercase: true, template: ['sequence'] });
}

function lineIds(tok: Tokenizer, line: string, maxT: number): number[] {
  return [...tok.encode(line).map((t) => t.id), tok.specialIds.sep as number].slice(0, maxT + 1);
}

/** Mean next-token cross-entropy of a batch of lines (inputs ids[:-1], targets ids[1:]). */
function lmLoss(model: TransformerModel, tok: Tokenizer, lines: readonly string[], training: boolean, rng?: Rng): Tensor {
  const maxT = model.config.maxPositions;
  const seqs = lines.map((l) => lineIds(tok, l, maxT));
  const T = Math.max(...seqs.map((q) => q.length - 1));
  const pad = tok.specialIds.pad as number;
  const inputs = seqs.map((q) => [...q.slice(0, -1), ...new Array<number>(T - (q.length - 1)).fill(pad)]);
  const targets = seqs.flatMap((q) => [...q.slice(1), ...new Array<number>(T - (q.length - 1)).fill(-100)]);
  const logits = transformerForward(model, inputs, { training, rng }).output;
  return crossEntropy(logits, targets);
}

function heldOut(): string[] {
  return world.generateCorpus(tinyGptSettings.heldOutSeed, tinyGptSettings.heldOutLines);
}

/** Held-out perplexity, greedy and sampled continuations, next-word probabilities. */
export function evaluateTinyGpt(model: TransformerModel, tok: Tokenizer, shared: SharedFiles): Evaluation {
  const lines = heldOut();
  let nll = 0;
  let count = 0;
  noGrad(() => {
    for (let i = 0; i < lines.length; i += 50) {
      const batch = lines.slice(i, i + 50);
      const tokens = batch.reduce((n, l) => n + lineIds(tok, l, model.config.maxPositions).length - 1, 0);
      nll += lmLoss(model, tok, batch, false).item() * tokens;
      count += tokens;
    }
  });
  const stop = tok.specialIds.sep;
  const continuations = tinyGptSettings.prompts.map((prompt, i) => {
    const ids = tok.encode(prompt).map((t) => t.id);
    const probs = nextTokenProbabilities(lastLogits(model, ids), 1);
    const next = topK(probs, 5).map((id) => ({ word: tok.idToToken(id), p: Number(probs[id].toFixed(4)) }));
    const greedy = tok.decode(generate(model, ids, { maxNew: 12, stopAt: stop }));
    const sampled = tok.decode(generate(model, ids, { maxNew: 12, stopAt: stop, temperature: 0.8, rng: new Rng(100 + i) }));
    return { prompt, next, greedy, sampledT08: sampled };
  });
  return {
    heldOut: { lines: lines.length, tokens: count, seed: tinyGptSettings.heldOutSeed, perplexity: Number(Math.exp(nll / count).toFixed(3)) },
    continuations,
    coreference: corefOnPublic(model, tok, shared),
  };
}

export const tinyGptRecipe: Recipe = {
  id: 'tiny-gpt',
  description: 'A GPT-style decoder trained as a causal language model on the sentences of the coref world: masked self-attention and next-token prediction.',
  architecture: 'GPT2LMHeadModel',
  data: { generator: 'src/data/coref-world', examples: `${tinyGptSettings.train.batchSize} fresh corpus lines per step`, heldOut: `${tinyGptSettings.heldOutLines} lines from seed ${tinyGptSettings.heldOutSeed}` },
  train: tinyGptSettings.train,
  create(shared) {
    const tok = tinyGptTokenizer();
    const config = decoderConfig({ vocabSize: tok.vocabSize, ...tinyGptSettings.model });
    const model: TransformerModel = { config, weights: initTransformer(config, new Rng(tinyGptSettings.train.seed)) };
    const exclude = world.sentencesOf(heldOut());
    return {
      params: namedTensors(model.weights),
      loss: (step, rng) => lmLoss(model, tok, world.generateCorpus(7_000_003 * (step + 1), tinyGptSettings.train.batchSize, { exclude }), true, rng),
      progress: () => {
        const e = evaluateTinyGpt(model, tok, shared) as { heldOut: { perplexity: number } };
        return { perplexity: e.heldOut.perplexity };
      },
      evaluate: () => evaluateTinyGpt(model, tok, shared),
      files: () => {
        const hf = toGpt2(model);
        return {
          'config.json': `${JSON.stringify(hf.config, null, 2)}\n`,
          'model.safetensors': serializeSafetensors(hf.tensors, { metadata: { format: 'pt', trainedBy: 'attention-atlas' } }),
          'tokenizer.json': `${JSON.stringify(wordPieceToHf(tok))}\n`,
        };
      },
    };
  },
  async evaluateShipped(read, shared) {
    const bundle = await loadBundle('tiny-gpt', read);
    if (bundle.kind !== 'text' || !bundle.tokenizer) throw new Error('tiny-gpt: expected a text model with a tokenizer');
    return evaluateTinyGpt(bundle.model, bundle.tokenizer, shared);
  },
  cardFields: (e) => ({ coreference: e.coreference }),
};
