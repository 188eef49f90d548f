/**
 * The reader on real files written by Python's safetensors library: two tiny checkpoints kept in
 * ../shared (never copied into the repo). Names and shapes are derived here from each
 * config.json, independently of src/checkpoints' own config mapping.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseSafetensors, serializeSafetensors, checkShapes, shapeMismatches } from '../../src/checkpoints/safetensors.ts';
import { sharedPath } from '../helpers/shared.ts';
import { splitFile } from './build.ts';

/** Index of the first byte where a and b differ, or -1 (toEqual on a megabyte is slow). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

function load(model: string): { bytes: Uint8Array; config: Record<string, number> } {
  const bytes = new Uint8Array(readFileSync(sharedPath('reference-models', model, 'model.safetensors')));
  const config = JSON.parse(readFileSync(sharedPath('reference-models', model, 'config.json'), 'utf8'));
  return { bytes, config };
}

/** Hugging Face GPT2LMHeadModel names; Conv1D weights are stored (in, out). */
function gpt2Shapes(c: Record<string, number>): Record<string, number[]> {
  const d = c.n_embd;
  const shapes: Record<string, number[]> = {
    'transformer.wte.weight': [c.vocab_size, d],
    'transformer.wpe.weight': [c.n_positions, d],
    'transformer.ln_f.weight': [d],
    'transformer.ln_f.bias': [d],
    'lm_head.weight': [c.vocab_size, d],
  };
  for (let l = 0; l < c.n_layer; l++) {
    const p = `transformer.h.${l}`;
    Object.assign(shapes, {
      [`${p}.ln_1.weight`]: [d], [`${p}.ln_1.bias`]: [d], [`${p}.ln_2.weight`]: [d], [`${p}.ln_2.bias`]: [d],
      [`${p}.attn.bias`]: [1, 1, c.n_positions, c.n_positions], // the causal mask, saved as a buffer
      [`${p}.attn.c_attn.weight`]: [d, 3 * d], [`${p}.attn.c_attn.bias`]: [3 * d],
      [`${p}.attn.c_proj.weight`]: [d, d], [`${p}.attn.c_proj.bias`]: [d],
      [`${p}.mlp.c_fc.weight`]: [d, 4 * d], [`${p}.mlp.c_fc.bias`]: [4 * d],
      [`${p}.mlp.c_proj.weight`]: [4 * d, d], [`${p}.mlp.c_proj.bias`]: [d],
    });
  }
  return shapes;
}

/** Hugging Face LlamaForCausalLM names; nn.Linear weights are stored (out, in). */
function llamaShapes(c: Record<string, number>): Record<string, number[]> {
  const d = c.hidden_size;
  const dHead = d / c.num_attention_heads;
  const kv = c.num_key_value_heads * dHead;
  const shapes: Record<string, number[]> = { 'model.embed_tokens.weight': [c.vocab_size, d], 'model.norm.weight': [d] };
  if (!c.tie_word_embeddings) shapes['lm_head.weight'] = [c.vocab_size, d];
  for (let l = 0; l < c.num_hidden_layers; l++) {
    const p = `model.layers.${l}`;
    Object.assign(shapes, {
      [`${p}.input_layernorm.weight`]: [d], [`${p}.post_attention_layernorm.weight`]: [d],
      [`${p}.self_attn.q_proj.weight`]: [d, d], [`${p}.self_attn.k_proj.weight`]: [kv, d],
      [`${p}.self_attn.v_proj.weight`]: [kv, d], [`${p}.self_attn.o_proj.weight`]: [d, d],
      [`${p}.mlp.gate_proj.weight`]: [c.intermediate_size, d], [`${p}.mlp.up_proj.weight`]: [c.intermediate_size, d],
      [`${p}.mlp.down_proj.weight`]: [d, c.intermediate_size],
    });
  }
  return shapes;
}

describe('gpt-nano-sort (GPT-2 layout)', () => {
  const { bytes, config } = load('gpt-nano-sort');
  const file = parseSafetensors(bytes);

  it('holds exactly the tensors config.json implies, with their shapes', () => {
    expect(file.metadata).toEqual({ format: 'pt' });
    expect(file.tensors.get('transformer.h.0.attn.c_attn.weight')!.shape).toEqual([48, 144]);
    expect(file.tensors.size).toBe(5 + 13 * config.n_layer);
    expect(() => checkShapes(file.tensors, gpt2Shapes(config))).not.toThrow();
  });

  it('reports a config that disagrees with the file, naming the tensor and both shapes', () => {
    const wrong = { ...gpt2Shapes(config), 'transformer.h.0.attn.c_attn.weight': [144, 48] };
    expect(shapeMismatches(file.tensors, wrong)).toEqual([
      'transformer.h.0.attn.c_attn.weight: file has (48, 144), config expects (144, 48)',
    ]);
  });

  it('decodes the same values as the original minGPT weights (stored (out, in), so transposed)', () => {
    const original = JSON.parse(readFileSync(sharedPath('reference-models', 'gpt-nano-sort', 'gpt-nano-sort-model.json'), 'utf8'));
    const values = (name: string) => {
      const raw = Buffer.from(original[name].data, 'base64');
      return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
    };
    expect(file.tensors.get('transformer.wte.weight')!.data).toEqual(values('transformer.wte.weight'));
    expect(file.tensors.get('transformer.h.2.ln_2.bias')!.data).toEqual(values('transformer.h.2.ln_2.bias'));
    const w = file.tensors.get('transformer.h.1.attn.c_attn.weight')!; // (48, 144)
    const linear = values('transformer.h.1.attn.c_attn.weight'); // (144, 48)
    for (let i = 0; i < 48; i++) for (let j = 0; j < 144; j++) expect(w.at(i, j)).toBe(linear[j * 48 + i]);
  });

  it('decodes the causal-mask buffer as a lower triangle of ones', () => {
    const mask = file.tensors.get('transformer.h.0.attn.bias')!;
    for (let i = 0; i < 11; i++) for (let j = 0; j < 11; j++) expect(mask.at(0, 0, i, j)).toBe(j <= i ? 1 : 0);
  });

  it('re-serializes to the same data section and the same header entries', () => {
    const again = splitFile(serializeSafetensors(file.tensors, { metadata: file.metadata }));
    const original = splitFile(bytes);
    expect(firstDifference(again.data, original.data)).toBe(-1);
    expect(again.header).toEqual(original.header); // Python put __metadata__ last; order aside, equal
  });
});

describe('stories260K (Llama layout)', () => {
  const { bytes, config } = load('stories260K');
  const file = parseSafetensors(bytes);

  it('holds exactly the tensors config.json implies (tied head: no lm_head), with their shapes', () => {
    expect(file.metadata.format).toBe('pt');
    expect(file.metadata.source).toMatch(/stories260K/);
    expect(file.tensors.has('lm_head.weight')).toBe(false);
    expect(file.tensors.get('model.layers.0.self_attn.k_proj.weight')!.shape).toEqual([32, 64]); // 4 kv heads of 8
    expect(() => checkShapes(file.tensors, llamaShapes(config))).not.toThrow();
  });

  it('decodes finite, plausibly scaled weights', () => {
    for (const [name, t] of file.tensors) {
      let sumSq = 0;
      for (const x of t.data) {
        if (!Number.isFinite(x)) throw new Error(`${name} holds ${x}`);
        sumSq += x * x;
      }
      const rms = Math.sqrt(sumSq / t.size);
      expect(rms, name).toBeGreaterThan(1e-3);
      expect(rms, name).toBeLessThan(10);
    }
  });

  it('re-serializes byte for byte (same key order, padding and layout as the Python writer)', () => {
    expect(firstDifference(serializeSafetensors(file.tensors, { metadata: file.metadata }), bytes)).toBe(-1);
  });
});
