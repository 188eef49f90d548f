/**
 * What opening a checkpoint costs in memory, measured: a GPT-2-small-shaped decoder (12
 * layers, width 768, an 8192-token vocabulary to keep the bench quick) written as F16
 * safetensors, then loaded. Compares the estimate the download dialog shows (from the
 * headers alone, before any weight arrives) with the bytes the loaded model actually
 * retains. Decoding F16 into one f32 copy, nothing else, gives a ratio of 1.
 */
import { checkHfHeaders, loadHfModel } from '../../checkpoints/hf-load.ts';
import { toGpt2 } from '../../checkpoints/hf-export.ts';
import { readSafetensorsHeader, serializeSafetensors } from '../../checkpoints/safetensors.ts';
import { decoderConfig } from '../../models/config.ts';
import { initTransformer } from '../../models/weights.ts';
import { Rng } from '../../runtime/index.ts';

const MB = 1024 * 1024;

export interface LoadMemory {
  what: string;
  fileMB: number;
  estimateF32MB: number;
  retainedMB: number | null; // null: run without --expose-gc, so no honest figure
  retainedOverEstimate: number | null;
}

/**
 * Bytes held by ArrayBuffers once garbage is gone. A freed buffer's memory is released a
 * little after the collection, so one gc() right after dropping a large model still counts it.
 */
async function settledArrayBuffers(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage().arrayBuffers;
}

function checkpointBytes(): { config: string; bytes: Uint8Array } {
  const cfg = decoderConfig({ vocabSize: 8192, dModel: 768, nHeads: 12, nKvHeads: 12, nLayers: 12, dFF: 3072, maxPositions: 1024, activation: 'geluTanh', lmHead: 'tied' });
  const hf = toGpt2({ config: cfg, weights: initTransformer(cfg, new Rng(1)) });
  return { config: JSON.stringify(hf.config), bytes: serializeSafetensors(hf.tensors, { dtype: 'F16' }) };
}

export async function measureLoadMemory(): Promise<LoadMemory> {
  const { config, bytes } = checkpointBytes();
  const estimate = checkHfHeaders(config, new Map([['model.safetensors', readSafetensorsHeader(bytes)]])).f32Bytes;
  const canMeasure = typeof (globalThis as { gc?: unknown }).gc === 'function';
  const before = await settledArrayBuffers(); // the file's bytes, and nothing left of the model that wrote them
  const loaded = loadHfModel(config, bytes);
  const retained = (await settledArrayBuffers()) - before;
  if (!loaded.model) throw new Error('load-memory: nothing loaded');
  return {
    what: 'GPT-2-small-shaped decoder (vocab 8192) as F16 safetensors',
    fileMB: Math.round(bytes.length / MB),
    estimateF32MB: Math.round(estimate / MB),
    retainedMB: canMeasure ? Math.round(retained / MB) : null,
    retainedOverEstimate: canMeasure ? Math.round((retained / estimate) * 100) / 100 : null,
  };
}
