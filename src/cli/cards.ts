/**
 * Model cards: card.json (what `npm run eval` re-measures) and card.md (for people), written
 * from the recipe, the training settings and the measured evaluation only.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Evaluation, Recipe, TrainingRun } from '../train/recipe.ts';
import type { TrainConfig } from '../train/trainer.ts';

export function writeCard(
  dir: string, recipe: Recipe, cfg: TrainConfig & { batchSize: number }, run: TrainingRun,
  evaluation: Evaluation, wallSeconds: number, log: string, threads: number,
): void {
  const parameters = [...run.params.values()].reduce((n, t) => n + t.size, 0);
  const losses = log.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { step?: number; smoothLoss?: number }).filter((e) => e.smoothLoss !== undefined);
  const card = {
    id: recipe.id,
    description: recipe.description,
    architecture: recipe.architecture,
    parameters,
    data: recipe.data,
    training: {
      ...cfg,
      wallSeconds,
      machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${threads} thread${threads > 1 ? 's' : ''}`,
      lossFirst: losses[0]?.smoothLoss,
      lossLast: losses[losses.length - 1]?.smoothLoss,
    },
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
    `- Training: ${cfg.steps} steps, batch ${cfg.batchSize}, peak learning rate ${cfg.lr}, seed ${cfg.seed}, ${wallSeconds} s wall time on ${card.training.machine}.`,
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
