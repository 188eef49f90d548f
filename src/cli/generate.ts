/**
 * npm run --silent generate -- --model <id or folder> (--text "..." | --ids 1,2,3) --max-new N
 * Greedy decoding; prints {"ids": [generated ids], "text": the generated text (null without a tokenizer)}.
 */
import { generate } from '../models/generate.ts';
import { parseArgs, parseIds, runCli, UsageError } from './args.ts';
import { fromIds, fromText, textBundle } from './inputs.ts';
import { loadModelArg } from './model-files.ts';

const MAX_NEW = 4096;

await runCli('generate', async () => {
  const args = parseArgs(process.argv.slice(2), ['model', 'text', 'ids', 'max-new']);
  const modelArg = args.get('model');
  if (!modelArg) throw new UsageError('--model is required (a built-in model id or a checkpoint folder)');
  if (args.has('text') === args.has('ids')) throw new UsageError('give exactly one of --text or --ids');
  const maxNewText = args.get('max-new');
  if (maxNewText === undefined) throw new UsageError('--max-new N is required');
  const maxNew = Number(maxNewText);
  if (!Number.isInteger(maxNew) || maxNew < 0 || maxNew > MAX_NEW) throw new UsageError(`--max-new must be an integer from 0 to ${MAX_NEW}`);
  const bundle = textBundle(await loadModelArg(modelArg));
  if (!bundle.languageModel) throw new UsageError(`model ${bundle.id} is not a causal language model; it cannot generate`);
  const input = args.has('ids') ? fromIds(bundle, parseIds(args.get('ids') as string)) : fromText(bundle, args.get('text') as string);
  const ids = generate(bundle.model, input.tokens.map((t) => t.id), { maxNew });
  const text = bundle.tokenizer ? bundle.tokenizer.decode(ids) : null;
  process.stdout.write(`${JSON.stringify({ ids, text })}\n`);
});
