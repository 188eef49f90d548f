/**
 * npm run --silent attention -- --model <id or folder> (--text "..." | --input FILE | --ids 1,2,3)
 * Prints one JSON object per input: tokens with offsets, attention[layer][head][query][key],
 * the 10 most likely next tokens for language models, and the model's description.
 */
import { readFileSync, existsSync } from 'node:fs';
import type { ModelBundle } from '../checkpoints/bundle.ts';
import { topK } from '../models/generate.ts';
import { transformerForward } from '../models/transformer.ts';
import { noGrad } from '../runtime/index.ts';
import { parseArgs, parseIds, round7, runCli, UsageError } from './args.ts';
import { fromIds, fromText, textBundle, type PreparedInput } from './inputs.ts';
import { loadModelArg } from './model-files.ts';

/** The JSON line for one input. */
function describe(bundle: Extract<ModelBundle, { kind: 'text' }>, input: PreparedInput): unknown {
  const { model } = bundle;
  const ids = input.tokens.map((t) => t.id);
  const result = noGrad(() => transformerForward(model, [ids], { trace: true }));
  const trace = result.trace!;
  const T = ids.length;
  const attention = trace.layers.map((layer) =>
    layer.heads.map((head) => Array.from({ length: T }, (_, q) => Array.from(head.weights.row(q), round7))),
  );
  const line: Record<string, unknown> = {
    text: input.text,
    tokens: input.tokens.map((t) => ({ text: t.text, id: t.id, start: t.start, end: t.end, ...(t.unknown ? { unknown: true } : {}) })),
    attention,
  };
  if (bundle.languageModel) {
    const V = model.config.vocabSize;
    line.topNext = topK(result.output.data.subarray((T - 1) * V, T * V), 10);
  }
  line.model = {
    id: bundle.id,
    architecture: bundle.architecture,
    layers: model.config.nLayers,
    heads: model.config.nHeads,
    ...(bundle.meta.coreferenceHead ? { coreferenceHead: bundle.meta.coreferenceHead } : {}),
  };
  return line;
}

await runCli('attention', async () => {
  const args = parseArgs(process.argv.slice(2), ['model', 'text', 'input', 'ids']);
  const modelArg = args.get('model');
  if (!modelArg) throw new UsageError('--model is required (a built-in model id or a checkpoint folder)');
  const sources = ['text', 'input', 'ids'].filter((k) => args.has(k));
  if (sources.length !== 1) throw new UsageError('give exactly one of --text, --input or --ids');
  // Read the input file before loading the model, so a missing file fails fast.
  let lines: string[] | null = null;
  if (args.has('input')) {
    const path = args.get('input') as string;
    if (!existsSync(path)) throw new UsageError(`input file not found: ${path}`);
    lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0) throw new UsageError(`input file ${path} has no sentences`);
  }
  const bundle = textBundle(await loadModelArg(modelArg));
  if (args.has('ids')) {
    process.stdout.write(`${JSON.stringify(describe(bundle, fromIds(bundle, parseIds(args.get('ids') as string))))}\n`);
  } else if (args.has('text')) {
    process.stdout.write(`${JSON.stringify(describe(bundle, fromText(bundle, args.get('text') as string)))}\n`);
  } else {
    // Check every line first so a bad line fails the run before any output.
    const inputs = (lines as string[]).map((l, i) => {
      try {
        return fromText(bundle, l);
      } catch (e) {
        throw new UsageError(`line ${i + 1}: ${(e as Error).message}`);
      }
    });
    for (const input of inputs) process.stdout.write(`${JSON.stringify(describe(bundle, input))}\n`);
  }
});
