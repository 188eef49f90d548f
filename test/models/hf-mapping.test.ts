/**
 * Corners of the Hugging Face name mapping (src/checkpoints/hf-weights.ts) that the golden
 * checkpoints in hf-bert.test.ts and hf-vit.test.ts do not reach: what a missing LayerNorm
 * parameter is called in the error, and Llama checkpoints with attention_bias, whose o_proj
 * carries a bias too (transformers' LlamaAttention builds q, k, v and o projections all with
 * bias=config.attention_bias).
 */
import { describe, expect, it } from 'vitest';
import { Tensor, Rng, normalParam } from '../../src/runtime/index.ts';
import { loadHfModel } from '../../src/checkpoints/hf-load.ts';
import { parseSafetensors, serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { fixtureBytes, fixtureText } from './golden.ts';

describe('Hugging Face mapping corners', () => {
  it('names a missing LayerNorm weight by its current name, not the legacy gamma alias', () => {
    const tensors = new Map(parseSafetensors(fixtureBytes('hf-bert-tiny/model.safetensors')).tensors);
    tensors.delete('bert.encoder.layer.0.output.LayerNorm.weight');
    expect(() => loadHfModel(fixtureText('hf-bert-tiny/config.json'), serializeSafetensors(tensors))).toThrow(
      /bert\.encoder\.layer\.0\.output\.LayerNorm\.weight/,
    );
  });

  it('loads every attention bias of a Llama checkpoint with attention_bias, o_proj.bias included', () => {
    const d = 8;
    const ff = 12;
    const config = {
      model_type: 'llama', architectures: ['LlamaForCausalLM'], hidden_size: d, num_attention_heads: 2, num_key_value_heads: 1,
      num_hidden_layers: 1, intermediate_size: ff, vocab_size: 10, max_position_embeddings: 16, attention_bias: true,
      tie_word_embeddings: true, // LlamaConfig's default is an untied lm_head, which this file does not hold
    };
    const rng = new Rng(1);
    const shapes: Record<string, number[]> = {
      'model.embed_tokens.weight': [10, d], 'model.norm.weight': [d],
      'model.layers.0.input_layernorm.weight': [d], 'model.layers.0.post_attention_layernorm.weight': [d],
      'model.layers.0.self_attn.q_proj.weight': [d, d], 'model.layers.0.self_attn.q_proj.bias': [d],
      'model.layers.0.self_attn.k_proj.weight': [4, d], 'model.layers.0.self_attn.k_proj.bias': [4],
      'model.layers.0.self_attn.v_proj.weight': [4, d], 'model.layers.0.self_attn.v_proj.bias': [4],
      'model.layers.0.self_attn.o_proj.weight': [d, d], 'model.layers.0.self_attn.o_proj.bias': [d],
      'model.layers.0.mlp.gate_proj.weight': [ff, d], 'model.layers.0.mlp.up_proj.weight': [ff, d],
      'model.layers.0.mlp.down_proj.weight': [d, ff],
    };
    const tensors = new Map<string, Tensor>(Object.entries(shapes).map(([k, s]) => [k, normalParam(s, 0.5, rng)]));
    const loaded = loadHfModel(JSON.stringify(config), serializeSafetensors(tensors));
    if (loaded.kind !== 'text') throw new Error('expected a text model');
    const attn = loaded.model.weights.blocks[0].attn;
    expect(Array.from(attn.bq?.data ?? [])).toEqual(Array.from(tensors.get('model.layers.0.self_attn.q_proj.bias')?.data ?? [0]));
    expect(attn.bo, 'o_proj.bias was not loaded: the output projection would run without its bias').toBeDefined();
    expect(Array.from(attn.bo?.data ?? [])).toEqual(Array.from(tensors.get('model.layers.0.self_attn.o_proj.bias')?.data ?? [0]));
  });
});
