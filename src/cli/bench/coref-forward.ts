/**
 * The text model's interactive path: one forward pass with the full trace (every head's q,
 * k, v, scores, weights) on a 24-token sentence, as the Explorer runs it on each keystroke.
 * Uses the shipped coref model when it exists, else a model of the same shape from its seed
 * (timing does not depend on the weights' values).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from '../../checkpoints/bundle.ts';
import { transformerForward, type TransformerModel } from '../../models/transformer.ts';
import { noGrad } from '../../runtime/index.ts';
import { corefSettings, corefSetup, createCorefModel } from '../../train/recipes/coref.ts';
import { builtInModelsDir } from '../model-files.ts';
import { medianMs, type TimingOptions } from './timing.ts';

async function corefModel(): Promise<{ model: TransformerModel; source: string }> {
  const dir = join(builtInModelsDir, 'coref');
  if (existsSync(join(dir, 'config.json'))) {
    const bundle = await loadBundle('coref', async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null));
    if (bundle.kind === 'text') return { model: bundle.model, source: 'public/models/coref' };
  }
  return { model: createCorefModel(corefSetup(corefSettings), corefSettings), source: 'coref recipe shape, untrained weights' };
}

/** Median ms of a traced forward over 24 tokens. */
export async function corefForwardMs(timing: TimingOptions): Promise<{ ms: number; tokens: number; source: string; config: object }> {
  const { model, source } = await corefModel();
  const ids = Array.from({ length: 24 }, (_, i) => 5 + ((i * 37) % (model.config.vocabSize - 5)));
  const ms = medianMs(() => noGrad(() => transformerForward(model, [ids], { trace: true })), timing);
  const { dModel, nLayers, nHeads, dFF, vocabSize } = model.config;
  return { ms, tokens: ids.length, source, config: { dModel, nLayers, nHeads, dFF, vocabSize } };
}
