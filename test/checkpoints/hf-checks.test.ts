/**
 * What issue 11 asks of a checkpoint before and while it loads: sharded weights through
 * model.safetensors.index.json, the header read from a file's first bytes and checked against
 * config.json before any weight, the F32 memory estimate and its refusal, and a CheckpointError
 * naming the file and the tensor for each way a checkpoint can be wrong.
 */
// @vitest-environment node
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/checkpoints/bundle.ts';
import { CheckpointError } from '../../src/checkpoints/errors.ts';
import { toGpt2 } from '../../src/checkpoints/hf-export.ts';
import { MAX_F32_BYTES } from '../../src/checkpoints/hf-layout.ts';
import { checkHfHeaders, loadHfCheckpoint, loadHfModel } from '../../src/checkpoints/hf-load.ts';
import { readSafetensorsHeader, readSafetensorsHeaderPrefix, safetensorsHeaderSize, serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { decoderConfig } from '../../src/models/config.ts';
import { transformerForward, type TransformerModel } from '../../src/models/transformer.ts';
import { countParameters } from '../../src/models/weights.ts';
import { noGrad, Tensor } from '../../src/runtime/index.ts';
import { rawFile } from './build.ts';
import { folderSource, llamaCheckpoint, randomModel, shard, smallLlama, tempFolder, writeFolder } from './hf-folder.ts';

const tmp = tempFolder();
afterAll(tmp.cleanup);

const gptConfig = decoderConfig({ vocabSize: 13, dModel: 16, nHeads: 2, nKvHeads: 2, nLayers: 2, dFF: 24, maxPositions: 9, activation: 'geluTanh' });
const gpt = randomModel(gptConfig, 21);
const gptHf = toGpt2(gpt);
const gptConfigText = JSON.stringify(gptHf.config);

/** The message of the CheckpointError `f` throws (failing if it throws anything else). */
function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CheckpointError);
    return (e as Error).message;
  }
  throw new Error('expected a CheckpointError');
}

function withTensors(edit: (t: Map<string, Tensor>) => void): Uint8Array {
  const t = new Map(gptHf.tensors);
  edit(t);
  return serializeSafetensors(t);
}

function logits(model: TransformerModel, ids: number[]): Float32Array {
  return noGrad(() => transformerForward(model, [ids]).output.data);
}

describe('sharded checkpoints (model.safetensors.index.json)', () => {
  const model = smallLlama(22, { lmHead: 'separate' });
  const hf = llamaCheckpoint(model);
  const files = shard(hf.tensors, 3);
  const dir = join(tmp.dir, 'sharded');
  mkdirSync(dir);
  writeFolder(dir, { 'config.json': hf.config, ...files });

  it('loads a Llama spread over three shards from its folder', async () => {
    const bundle = await loadBundle('sharded', folderSource(dir));
    if (bundle.kind !== 'text') throw new Error('expected a text model');
    const ids = [3, 1, 4, 1, 5, 9];
    logits(model, ids).forEach((v, i) => expect(logits(bundle.model, ids)[i]).toBeCloseTo(v, 5));
  });

  it('names the missing shard and a tensor the index puts in it', async () => {
    rmSync(join(dir, 'model-00002-of-00003.safetensors'));
    const message = await loadBundle('sharded', folderSource(dir)).then(() => '', (e: Error) => e.message);
    expect(message).toMatch(/model\.safetensors\.index\.json puts tensor "model\.\S+" in shard "model-00002-of-00003\.safetensors", but that file is missing/);
    writeFileSync(join(dir, 'model-00002-of-00003.safetensors'), files['model-00002-of-00003.safetensors'] as Uint8Array);
  });

  it('names a tensor the index maps to a shard that does not hold it', () => {
    const index = files['model.safetensors.index.json'] as { weight_map: Record<string, string> };
    const moved = { ...index, weight_map: { ...index.weight_map, 'model.norm.weight': 'model-00001-of-00003.safetensors' } };
    const held = index.weight_map['model.norm.weight'];
    expect(held).not.toBe('model-00001-of-00003.safetensors');
    const weights = new Map(Object.entries(files).filter(([k]) => k.endsWith('.safetensors')) as [string, Uint8Array][]);
    expect(errorOf(() => loadHfCheckpoint({ config: JSON.stringify(hf.config), weights, index: JSON.stringify(moved) }))).toBe(
      'model-00001-of-00003.safetensors: tensor "model.norm.weight" is listed in model.safetensors.index.json but is not in this shard',
    );
  });
});

describe('errors name the file and the tensor', () => {
  it('a missing tensor', () => {
    const bytes = withTensors((t) => t.delete('transformer.h.1.mlp.c_fc.bias'));
    expect(errorOf(() => loadHfModel(gptConfigText, bytes))).toBe(
      'transformer.h.1.mlp.c_fc.bias: missing from model.safetensors, config.json expects (24)',
    );
  });

  it('a tensor the config does not use', () => {
    const bytes = withTensors((t) => t.set('transformer.h.0.attn.q_norm.weight', Tensor.zeros([16])));
    expect(errorOf(() => loadHfModel(gptConfigText, bytes))).toBe(
      'transformer.h.0.attn.q_norm.weight: (16) in model.safetensors, but a gpt2 model with this config.json uses no such tensor',
    );
  });

  it('a separate lm_head in a checkpoint whose config ties it is unused, not an error; a third layer is', () => {
    expect(loadHfModel(gptConfigText, withTensors((t) => t.set('lm_head.weight', gpt.weights.tokenEmbedding))).family).toBe('gpt2');
    const message = errorOf(() => loadHfModel(gptConfigText, withTensors((t) => t.set('transformer.h.2.ln_1.weight', Tensor.zeros([16])))));
    expect(message).toContain('transformer.h.2.ln_1.weight: (16) in model.safetensors');
  });

  it('weights that are not finite', () => {
    for (const [bad, shown] of [[Number.NaN, 'NaN'], [Number.POSITIVE_INFINITY, 'Infinity'], [Number.NEGATIVE_INFINITY, '-Infinity']] as const) {
      const bytes = withTensors((t) => {
        const w = t.get('transformer.h.0.attn.c_proj.weight')!;
        const data = w.data.slice();
        data[37] = bad;
        t.set('transformer.h.0.attn.c_proj.weight', new Tensor(data, w.shape));
      });
      expect(errorOf(() => loadHfModel(gptConfigText, bytes))).toBe(
        `model.safetensors: tensor "transformer.h.0.attn.c_proj.weight" (16, 16) holds ${shown} at index 37; weights must be finite numbers`,
      );
    }
  });

  it('an unknown model_type, before the weights are looked at', () => {
    const config = JSON.stringify({ ...gptHf.config, model_type: 'mistral', architectures: ['MistralForCausalLM'] });
    expect(errorOf(() => loadHfModel(config, new Uint8Array(3)))).toBe(
      'config.json: unsupported model_type "mistral" (supported: gpt2, bert, distilbert, vit, llama)',
    );
  });

  it('several problems at once, listed', () => {
    const bytes = withTensors((t) => {
      t.delete('transformer.ln_f.bias');
      t.set('extra', Tensor.zeros([2]));
    });
    expect(errorOf(() => loadHfModel(gptConfigText, bytes))).toBe(
      'checkpoint does not match config.json (2 problems):\n' +
        '  transformer.ln_f.bias: missing from model.safetensors, config.json expects (16)\n' +
        '  extra: (2) in model.safetensors, but a gpt2 model with this config.json uses no such tensor',
    );
  });
});

describe('the header first, before the weights', () => {
  const bytes = serializeSafetensors(gptHf.tensors, { dtype: 'BF16' });

  it('reads names, dtypes, shapes and the file size from a truncated prefix', () => {
    const size = safetensorsHeaderSize(bytes.subarray(0, 8));
    const prefix = bytes.slice(0, size + 5); // what a Range request returns: the header and a little more
    const header = readSafetensorsHeaderPrefix(prefix);
    const whole = readSafetensorsHeader(bytes);
    expect([...header.tensors]).toEqual([...whole.tensors]);
    expect(header.byteLength).toBe(bytes.length);
    expect(header.dataStart).toBe(size);
    expect(header.tensors.get('transformer.h.0.attn.c_attn.weight')).toMatchObject({ dtype: 'BF16', shape: [16, 48] });
    expect(() => readSafetensorsHeaderPrefix(bytes.slice(0, size - 1))).toThrow(
      new CheckpointError(`the first ${size - 1} bytes do not hold the header: it ends at byte ${size}`),
    );
  });

  it('checks config.json against the header and sizes the model in F32', () => {
    const header = readSafetensorsHeaderPrefix(bytes.slice(0, safetensorsHeaderSize(bytes)));
    const report = checkHfHeaders(gptConfigText, new Map([['model.safetensors', header]]));
    expect(report.plan).toMatchObject({ family: 'gpt2', kind: 'text' });
    expect(report.fileBytes).toBe(bytes.length);
    const loaded = loadHfModel(gptConfigText, bytes);
    expect(report.f32Bytes).toBe(4 * countParameters(loaded.model.weights));
  });

  it('refuses a config that disagrees with the header, naming the tensor and both shapes', () => {
    const header = readSafetensorsHeaderPrefix(bytes.slice(0, safetensorsHeaderSize(bytes)));
    const config = JSON.stringify({ ...gptHf.config, n_inner: 32 });
    const message = errorOf(() => checkHfHeaders(config, new Map([['model.safetensors', header]])));
    expect(message).toContain('transformer.h.0.mlp.c_fc.weight: file has (16, 24), config expects (16, 32) (in model.safetensors)');
    expect(message).toMatch(/^checkpoint does not match config\.json \(6 problems\)/);
  });

  it('checks shards from their headers alone', () => {
    const model = smallLlama(23, { lmHead: 'tied' });
    const hf = llamaCheckpoint(model);
    const files = shard(hf.tensors, 2);
    const headers = new Map(Object.entries(files).filter(([k]) => k.endsWith('.safetensors')).map(([k, v]) => {
      const b = v as Uint8Array;
      return [k, readSafetensorsHeaderPrefix(b.slice(0, safetensorsHeaderSize(b)))];
    }));
    const report = checkHfHeaders(JSON.stringify(hf.config), headers, JSON.stringify(files['model.safetensors.index.json']));
    expect(report.f32Bytes).toBe(4 * countParameters(model.weights));
    headers.delete('model-00002-of-00002.safetensors');
    expect(errorOf(() => checkHfHeaders(JSON.stringify(hf.config), headers, JSON.stringify(files['model.safetensors.index.json'])))).toMatch(
      /shard "model-00002-of-00002\.safetensors", but that file is missing/,
    );
  });
});

describe('memory', () => {
  it('refuses a model above the limit, giving both numbers', () => {
    const f32 = 4 * countParameters(gpt.weights);
    const message = errorOf(() => loadHfModel(gptConfigText, serializeSafetensors(gptHf.tensors), { maxF32Bytes: f32 - 1 }));
    expect(message).toContain(`(${f32.toLocaleString('en-US')} bytes)`);
    expect(message).toContain(`limit of 0.00 GiB (${(f32 - 1).toLocaleString('en-US')} bytes)`);
    expect(loadHfModel(gptConfigText, serializeSafetensors(gptHf.tensors), { maxF32Bytes: f32 }).family).toBe('gpt2');
  });

  it('refuses a 7B Llama from its header alone, at the default limit of 2 GiB', () => {
    const [V, d, ff, L, kv] = [32000, 4096, 11008, 32, 4096];
    const shapes: [string, number[]][] = [['model.embed_tokens.weight', [V, d]], ['model.norm.weight', [d]], ['lm_head.weight', [V, d]]];
    for (let l = 0; l < L; l++) {
      const p = `model.layers.${l}.`;
      shapes.push([`${p}input_layernorm.weight`, [d]], [`${p}post_attention_layernorm.weight`, [d]],
        [`${p}self_attn.q_proj.weight`, [d, d]], [`${p}self_attn.k_proj.weight`, [kv, d]], [`${p}self_attn.v_proj.weight`, [kv, d]],
        [`${p}self_attn.o_proj.weight`, [d, d]], [`${p}mlp.gate_proj.weight`, [ff, d]], [`${p}mlp.up_proj.weight`, [ff, d]],
        [`${p}mlp.down_proj.weight`, [d, ff]]);
    }
    let offset = 0;
    const header: Record<string, unknown> = {};
    let params = 0;
    for (const [name, shape] of shapes) {
      const n = shape.reduce((a, b) => a * b, 1);
      params += n;
      header[name] = { dtype: 'BF16', shape, data_offsets: [offset, offset + 2 * n] };
      offset += 2 * n;
    }
    const prefix = rawFile(header); // the header only: 13 GB of weights never exist here
    const config = {
      model_type: 'llama', hidden_size: d, intermediate_size: ff, num_hidden_layers: L, num_attention_heads: 32,
      num_key_value_heads: 32, vocab_size: V, max_position_embeddings: 4096,
    };
    const message = errorOf(() => checkHfHeaders(JSON.stringify(config), new Map([['model.safetensors', readSafetensorsHeaderPrefix(prefix)]])));
    expect(params).toBe(6738415616);
    expect(message).toBe(
      `this checkpoint needs 25.10 GiB (${(4 * params).toLocaleString('en-US')} bytes) of F32 weights once loaded, ` +
        `more than the limit of 2.00 GiB (${MAX_F32_BYTES.toLocaleString('en-US')} bytes)`,
    );
  });
});
