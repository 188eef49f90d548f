/**
 * Model cards: card.json (what `npm run eval` re-measures) and card.md (for people), written
 * from the recipe, the training settings and the measured evaluation only.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Evaluation, Recipe } from '../train/recipe.ts';
import type { TrainConfig } from '../train/trainer.ts';

/** What card.json says of the training run itself (kept as it was when only the evaluation is re-measured). */
export interface TrainingFacts extends TrainConfig {
  batchSize: number;
  wallSeconds: number;
  machine: string;
  lossFirst?: number;
  lossLast?: number;
}

/** The training facts of a finished run, from its settings and its log. */
export function trainingFacts(cfg: TrainConfig & { batchSize: number }, wallSeconds: number, log: string, threads: number): TrainingFacts {
  const losses = log.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { step?: number; smoothLoss?: number }).filter((e) => e.smoothLoss !== undefined);
  return {
    ...cfg,
    wallSeconds,
    machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${threads} thread${threads > 1 ? 's' : ''}`,
    lossFirst: losses[0]?.smoothLoss,
    lossLast: losses[losses.length - 1]?.smoothLoss,
  };
}

export function writeCard(dir: string, recipe: Recipe, parameters: number, training: TrainingFacts, evaluation: Evaluation): void {
  const card = {
    id: recipe.id,
    description: recipe.description,
    architecture: recipe.architecture,
    parameters,
    data: recipe.data,
    training,
    ...(recipe.cardFields ? recipe.cardFields(evaluation) : {}),
    evaluation,
    reproduce: { train: `npm run train -- ${recipe.id} --fresh`, evaluate: `npm run eval -- ${recipe.id}` },
  };
  writeFileSync(join(dir, 'card.json'), `${JSON.stringify(card, null, 2)}\n`);
  const md = [
    `# ${recipe.id}`,
    '',
    recipe.description,
    '',
    `- Architecture: ${recipe.architecture}, ${parameters.toLocaleString('en')} parameters.`,
    `- Data: ${Object.entries(recipe.data).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ')}.`,
    `- Training: ${training.steps} steps, batch ${training.batchSize}, peak learning rate ${training.lr}, seed ${training.seed}, ${training.wallSeconds} s wall time on ${training.machine}.`,
    '',
    '## Measured (re-measure with `npm run eval -- ' + recipe.id + '`)',
    '',
    '```json',
    JSON.stringify(evaluation, null, 2),
    '```',
    '',
    recipe.notes ? recipe.notes(evaluation) : '',
    `Retrain from the seed with \`npm run train -- ${recipe.id} --fresh\`.`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'card.md'), md);
}
