/**
 * npm run train -- <model id>
 * Trains one of the project's own models from its seed and writes it as a Hugging Face
 * checkpoint under public/models/<id>/ with a card of measured results. Progress goes to
 * stderr and to public/models/<id>/train-log.jsonl.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toGpt2 } from '../checkpoints/hf-export.ts';
import { serializeSafetensors } from '../checkpoints/safetensors.ts';
import { countParameters, namedTensors } from '../models/weights.ts';
import { startTraining, trainSteps } from '../train/trainer.ts';
import { createSortDemo, sortDemoAccuracy, sortDemoLoss, sortDemoTrain } from '../train/recipes/sort-demo.ts';
import { runCli, UsageError } from './args.ts';
import { builtInModelsDir } from './model-files.ts';

const recipes = ['sort-demo'] as const;

await runCli('train', async () => {
  const id = process.argv[2];
  if (!recipes.includes(id as (typeof recipes)[number])) throw new UsageError(`unknown model "${id ?? ''}" (trainable: ${recipes.join(', ')})`);
  const dir = join(builtInModelsDir, id);
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'train-log.jsonl');
  writeFileSync(log, '');
  const cfg = sortDemoTrain;
  const model = createSortDemo(cfg.seed);
  const params = [...namedTensors(model.weights).values()];
  const state = startTraining(params, cfg);
  const started = performance.now();
  const evals: Array<{ step: number; accuracy: number }> = [];
  trainSteps(state, (_step, rng) => sortDemoLoss(model, rng), cfg, {
    onStep: (s) => {
      if (s.step % 50 === 0) {
        appendFileSync(log, `${JSON.stringify(s)}\n`);
        process.stderr.write(`step ${s.step} loss ${s.loss.toFixed(4)} lr ${s.lr.toExponential(2)}\n`);
      }
    },
    onEval: (step) => {
      const accuracy = sortDemoAccuracy(model, 200, 1000 + step);
      evals.push({ step, accuracy });
      appendFileSync(log, `${JSON.stringify({ step, eval: { accuracy } })}\n`);
      process.stderr.write(`step ${step} held-out accuracy ${accuracy}\n`);
    },
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const finalAccuracy = sortDemoAccuracy(model, 1000, 424242);
  const hf = toGpt2(model);
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(hf.config, null, 2)}\n`);
  writeFileSync(join(dir, 'model.safetensors'), serializeSafetensors(hf.tensors, { metadata: { format: 'pt', trainedBy: 'attention-atlas' } }));
  const card = {
    id,
    architecture: 'GPT2LMHeadModel',
    description: 'A 3-layer GPT-2-shaped decoder that sorts six digits from {0,1,2}.',
    parameters: countParameters(model.weights),
    data: { generator: 'src/data/sort-task.ts', examples: 'fresh random digits every step' },
    training: { ...cfg, wallSeconds: Number(wallSeconds.toFixed(1)) },
    evaluation: { exactMatch: finalAccuracy, samples: 1000, seed: 424242, during: evals },
  };
  writeFileSync(join(dir, 'card.json'), `${JSON.stringify(card, null, 2)}\n`);
  process.stderr.write(`done in ${wallSeconds.toFixed(1)} s; exact-match ${finalAccuracy}\n`);
});
