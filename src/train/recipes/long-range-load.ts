/**
 * Loads a shipped long-range model (public/models/long-range-{rnn,lstm,transformer}): a fresh
 * model of the kind and sizes config.json names, then every tensor copied in by name. The
 * recipe's evaluateShipped, the lesson in the page (fetch) and the tests (node:fs) all read
 * through it, each with its own FileSource.
 */
import type { FileSource } from '../../checkpoints/bundle.ts';
import { CheckpointError } from '../../checkpoints/errors.ts';
import { parseSafetensors } from '../../checkpoints/safetensors.ts';
import type { LongRangeTask } from '../../data/long-range.ts';
import {
  createLongRangeModel, longRangeNamedTensors, type LongRangeKind, type LongRangeModel, type LongRangeSizes,
} from './long-range-models.ts';

/** The shipped folder of each kind. */
export const LONG_RANGE_IDS: Readonly<Record<LongRangeKind, string>> = {
  rnn: 'long-range-rnn',
  lstm: 'long-range-lstm',
  transformer: 'long-range-transformer',
};

/** Reads config.json and model.safetensors of one kind and returns the trained model. */
export async function loadLongRangeModel(kind: LongRangeKind, read: FileSource): Promise<LongRangeModel> {
  const id = LONG_RANGE_IDS[kind];
  const config = await read('config.json');
  const weights = await read('model.safetensors');
  if (!config || !weights) throw new CheckpointError(`${id}: config.json and model.safetensors are both needed`);
  const c = JSON.parse(new TextDecoder().decode(config)) as { model_type?: string; kind?: string; task?: LongRangeTask; sizes?: LongRangeSizes };
  if (c.model_type !== 'atlas-long-range' || c.kind !== kind) throw new CheckpointError(`${id}: config.json is not an atlas-long-range ${kind}`);
  const model = createLongRangeModel(kind, 0, c.task, c.sizes); // seed 0: every value is overwritten below
  const saved = parseSafetensors(weights).tensors;
  for (const [name, t] of longRangeNamedTensors(model)) {
    const s = saved.get(name);
    if (!s || s.size !== t.size) throw new CheckpointError(`${id}: tensor ${name} is missing or has the wrong size`);
    t.data.set(s.data);
  }
  return model;
}
