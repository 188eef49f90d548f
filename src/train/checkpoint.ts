/**
 * Training checkpoints: parameters, AdamW moments, the step and the rng state as one
 * safetensors file, so an interrupted run resumes exactly where it stopped.
 */
import { parseSafetensors, serializeSafetensors } from '../checkpoints/safetensors.ts';
import { Tensor } from '../runtime/index.ts';
import type { TrainState } from './trainer.ts';

/** Serialises the state of a run whose parameters are `params` (the optimiser's order). */
export function saveCheckpoint(recipeId: string, params: Map<string, Tensor>, state: TrainState, extra: Record<string, string> = {}): Uint8Array {
  const tensors = new Map<string, Tensor>();
  const names = [...params.keys()];
  const opt = state.optimizer.state();
  names.forEach((name, i) => {
    const p = params.get(name) as Tensor;
    tensors.set(`param.${name}`, p);
    tensors.set(`adam_m.${name}`, new Tensor(opt.m[i], p.shape));
    tensors.set(`adam_v.${name}`, new Tensor(opt.v[i], p.shape));
  });
  return serializeSafetensors(tensors, {
    metadata: {
      ...extra,
      recipe: recipeId,
      step: String(state.step),
      adamSteps: JSON.stringify(opt.steps),
      rng: JSON.stringify(state.rng.state()),
      names: JSON.stringify(names),
    },
  });
}

/**
 * Restores a checkpoint into a fresh run's params and state. Returns the file's metadata
 * (with any extras saved), or null if the checkpoint belongs to another recipe or model shape.
 */
export function loadCheckpoint(bytes: Uint8Array, recipeId: string, params: Map<string, Tensor>, state: TrainState): Record<string, string> | null {
  const file = parseSafetensors(bytes);
  const meta = file.metadata;
  const names = [...params.keys()];
  if (meta.recipe !== recipeId || meta.names !== JSON.stringify(names)) return null;
  const m: Float32Array[] = [];
  const v: Float32Array[] = [];
  for (const name of names) {
    const p = params.get(name) as Tensor;
    const saved = file.tensors.get(`param.${name}`);
    if (!saved || saved.size !== p.size) return null;
    p.data.set(saved.data);
    m.push((file.tensors.get(`adam_m.${name}`) as Tensor).data);
    v.push((file.tensors.get(`adam_v.${name}`) as Tensor).data);
  }
  state.optimizer.loadState({ steps: JSON.parse(meta.adamSteps), m, v });
  state.rng.setState(JSON.parse(meta.rng));
  state.step = Number(meta.step);
  return meta;
}
