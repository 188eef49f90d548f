/**
 * npm run train -- <model id> [--fresh] [--steps N] [--threads 2]
 * Trains one of the project's own models from its seed and writes public/models/<id>/: the
 * model files, card.json (measured results) and card.md. Progress goes to stderr and to
 * .train/<id>/log.jsonl; a checkpoint is written every few minutes to .train/<id>/, and a
 * run started again resumes from it (use --fresh to start over).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeGemmPool } from '../node/gemm-pool.ts';
import { setGemmParallelism } from '../runtime/index.ts';
import { loadCheckpoint, saveCheckpoint } from '../train/checkpoint.ts';
import { recipeIds, findRecipe } from '../train/recipes/index.ts';
import { startTraining, trainSteps } from '../train/trainer.ts';
import { parseArgs, runCli, UsageError } from './args.ts';
import { trainingFacts, writeCard } from './cards.ts';
import { builtInModelsDir, readShared, repoRoot } from './model-files.ts';

const CHECKPOINT_EVERY_MS = 3 * 60_000;

await runCli('train', async () => {
  const [id, ...rest] = process.argv.slice(2);
  const recipe = id ? findRecipe(id) : undefined;
  if (!recipe) throw new UsageError(`unknown model "${id ?? ''}" (trainable: ${recipeIds().join(', ')})`);
  const args = parseArgs(rest.filter((a) => a !== '--fresh'), ['steps', 'threads']);
  const fresh = rest.includes('--fresh');
  const cfg = { ...recipe.train };
  if (args.has('steps')) {
    const steps = Number(args.get('steps'));
    if (!Number.isInteger(steps) || steps < 1) throw new UsageError('--steps must be a positive integer');
    cfg.steps = steps;
  }

  // Extra threads only split large matrix products; results are identical to one thread.
  const threads = Number(args.get('threads') ?? 1);
  if (!Number.isInteger(threads) || threads < 1 || threads > 16) throw new UsageError('--threads must be an integer from 1 to 16');
  const pool = threads > 1 ? await createNodeGemmPool(threads - 1) : null;
  setGemmParallelism(pool);

  const work = join(repoRoot, '.train', id);
  mkdirSync(work, { recursive: true });
  const log = join(work, 'log.jsonl');
  const checkpoint = join(work, 'checkpoint.safetensors');
  const say = (line: string, entry?: object): void => {
    process.stderr.write(`${line}\n`);
    if (entry) appendFileSync(log, `${JSON.stringify(entry)}\n`);
  };

  const run = recipe.create(readShared);
  const state = startTraining([...run.params.values()], cfg);
  const resumed = !fresh && existsSync(checkpoint) ? loadCheckpoint(new Uint8Array(readFileSync(checkpoint)), id, run.params, state) : null;
  // Wall time adds up across resumed segments, so the card reports the whole training.
  const earlierSeconds = resumed ? Number(resumed.wallSeconds ?? 0) : 0;
  if (resumed) {
    say(`resuming ${id} at step ${state.step}`);
  } else {
    writeFileSync(log, '');
    say(`training ${id} from seed ${cfg.seed} for ${cfg.steps} steps`);
  }
  const started = performance.now();
  const save = (): void => {
    // Write then rename, so a run killed mid-write never leaves a torn checkpoint.
    const wallSeconds = String(earlierSeconds + (performance.now() - started) / 1000);
    writeFileSync(`${checkpoint}.tmp`, saveCheckpoint(id, run.params, state, { wallSeconds }));
    renameSync(`${checkpoint}.tmp`, checkpoint);
  };

  let lastSave = started;
  let smooth = Number.NaN;
  trainSteps(state, (step, rng) => run.loss(step, rng), cfg, {
    onStep: (s) => {
      smooth = Number.isNaN(smooth) ? s.loss : 0.98 * smooth + 0.02 * s.loss;
      if (s.step % 50 === 0) say(`step ${s.step} loss ${smooth.toFixed(4)} lr ${s.lr.toExponential(2)}`, { ...s, smoothLoss: smooth });
      if (performance.now() - lastSave > CHECKPOINT_EVERY_MS) {
        save();
        lastSave = performance.now();
      }
    },
    onEval: (step) => {
      if (!run.progress || step === cfg.steps) return;
      const p = run.progress();
      say(`step ${step} ${JSON.stringify(p)}`, { step, progress: p });
    },
  });
  save();
  const wallSeconds = Number((earlierSeconds + (performance.now() - started) / 1000).toFixed(1));
  say(`trained in ${wallSeconds} s; evaluating`);
  const evaluation = run.evaluate();
  const dir = join(builtInModelsDir, id);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(run.files())) writeFileSync(join(dir, name), content);
  const parameters = [...run.params.values()].reduce((n, t) => n + t.size, 0);
  writeCard(dir, recipe, parameters, trainingFacts(cfg, wallSeconds, existsSync(log) ? readFileSync(log, 'utf8') : '', threads), evaluation);
  say(`wrote ${dir}: ${JSON.stringify(evaluation)}`);
  setGemmParallelism(null);
  await pool?.close();
});
