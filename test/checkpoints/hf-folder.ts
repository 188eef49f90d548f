/**
 * Small Hugging Face checkpoints built at test time, written into a temporary folder and read
 * back as the Node CLI reads a model folder: random weights with non-trivial norms and biases,
 * saved under each family's own names. No weights are committed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileSource } from '../../src/checkpoints/bundle.ts';
import { serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { decoderConfig, encoderConfig, type TransformerConfig } from '../../src/models/config.ts';
import type { TransformerModel } from '../../src/models/transformer.ts';
import { initTransformer, namedTensors } from '../../src/models/weights.ts';
import { Rng, Tensor } from '../../src/runtime/index.ts';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-hf-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (bytes, or text for JSON and other text files) into `dir`. */
export function writeFolder(dir: string, files: Record<string, Uint8Array | string | object>): void {
  for (const [name, body] of Object.entries(files)) {
    writeFileSync(join(dir, name), body instanceof Uint8Array || typeof body === 'string' ? body : JSON.stringify(body, null, 1));
  }
}

/** Reads `dir` as loadBundle does in Node: absent files are null. */
export function folderSource(dir: string): FileSource {
  return async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
}

export function readText(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

export function readBytes(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

/** Random weights, then noise on every tensor so a swapped or dropped one cannot go unnoticed. */
export function randomModel(config: TransformerConfig, seed: number): TransformerModel {
  const model = { config, weights: initTransformer(config, new Rng(seed)) };
  const rng = new Rng(seed + 1);
  for (const t of namedTensors(model.weights).values()) for (let i = 0; i < t.size; i++) t.data[i] += rng.normal() * 0.1;
  return model;
}

/** A small encoder (BERT-shaped; typeVocabSize 0 also fits DistilBERT). */
export function smallEncoder(seed: number, over: Partial<TransformerConfig> = {}): TransformerModel {
  return randomModel(encoderConfig({ vocabSize: 11, dModel: 16, nHeads: 4, nKvHeads: 4, nLayers: 2, dFF: 32, maxPositions: 10, typeVocabSize: 2, ...over }), seed);
}

/** A small Llama: RMSNorm, rotary positions, SwiGLU, no biases; GQA unless overridden. */
export function smallLlama(seed: number, over: Partial<TransformerConfig> = {}): TransformerModel {
  return randomModel(decoderConfig({
    vocabSize: 13, dModel: 16, nHeads: 4, nKvHeads: 2, nLayers: 2, dFF: 24, maxPositions: 32,
    positions: 'rotary', norm: 'rms', activation: 'swiglu', bias: false, normEps: 1e-6, ...over,
  }), seed);
}

/** LlamaForCausalLM names for a Llama-shaped model (lm_head.weight only when untied). */
export function llamaCheckpoint(model: TransformerModel, opts: { tieKey?: boolean } = {}): { config: Record<string, unknown>; tensors: Map<string, Tensor> } {
  const { config: c, weights: w } = model;
  const t = new Map<string, Tensor>();
  t.set('model.embed_tokens.weight', w.tokenEmbedding);
  t.set('model.norm.weight', w.finalNorm!.weight);
  w.blocks.forEach((b, l) => {
    const p = `model.layers.${l}.`;
    t.set(`${p}input_layernorm.weight`, b.attnNorm.weight);
    t.set(`${p}post_attention_layernorm.weight`, b.ffnNorm.weight);
    t.set(`${p}self_attn.q_proj.weight`, b.attn.wq);
    t.set(`${p}self_attn.k_proj.weight`, b.attn.wk);
    t.set(`${p}self_attn.v_proj.weight`, b.attn.wv);
    t.set(`${p}self_attn.o_proj.weight`, b.attn.wo);
    t.set(`${p}mlp.gate_proj.weight`, b.ffn.gate!);
    t.set(`${p}mlp.up_proj.weight`, b.ffn.up);
    t.set(`${p}mlp.down_proj.weight`, b.ffn.down);
  });
  if (c.lmHead === 'separate') t.set('lm_head.weight', w.lmHead!);
  const config: Record<string, unknown> = {
    architectures: ['LlamaForCausalLM'], model_type: 'llama', vocab_size: c.vocabSize, hidden_size: c.dModel,
    intermediate_size: c.dFF, num_hidden_layers: c.nLayers, num_attention_heads: c.nHeads, num_key_value_heads: c.nKvHeads,
    max_position_embeddings: c.maxPositions, rms_norm_eps: c.normEps, rope_theta: c.ropeTheta, hidden_act: 'silu',
  };
  // Leave the key out for an untied model unless asked: Hugging Face's Llama default is untied.
  if (c.lmHead === 'tied' || opts.tieKey) config.tie_word_embeddings = c.lmHead === 'tied';
  return { config, tensors: t };
}

/** DistilBertForMaskedLM names and config for a BERT-shaped encoder without segments. */
export function distilbertCheckpoint(model: TransformerModel): { config: Record<string, unknown>; tensors: Map<string, Tensor> } {
  const { config: c, weights: w } = model;
  const t = new Map<string, Tensor>();
  const e = 'distilbert.embeddings.';
  t.set(`${e}word_embeddings.weight`, w.tokenEmbedding);
  t.set(`${e}position_embeddings.weight`, w.positionEmbedding!);
  t.set(`${e}LayerNorm.weight`, w.embeddingNorm!.weight);
  t.set(`${e}LayerNorm.bias`, w.embeddingNorm!.bias!);
  w.blocks.forEach((b, l) => {
    const p = `distilbert.transformer.layer.${l}.`;
    const lin = (name: string, weight: Tensor, bias: Tensor | undefined) => {
      t.set(`${p}${name}.weight`, weight);
      t.set(`${p}${name}.bias`, bias!);
    };
    lin('attention.q_lin', b.attn.wq, b.attn.bq);
    lin('attention.k_lin', b.attn.wk, b.attn.bk);
    lin('attention.v_lin', b.attn.wv, b.attn.bv);
    lin('attention.out_lin', b.attn.wo, b.attn.bo);
    lin('sa_layer_norm', b.attnNorm.weight, b.attnNorm.bias);
    lin('ffn.lin1', b.ffn.up, b.ffn.upBias);
    lin('ffn.lin2', b.ffn.down, b.ffn.downBias);
    lin('output_layer_norm', b.ffnNorm.weight, b.ffnNorm.bias);
  });
  t.set('vocab_transform.weight', w.mlmDense!);
  t.set('vocab_transform.bias', w.mlmDenseBias!);
  t.set('vocab_layer_norm.weight', w.mlmNorm!.weight);
  t.set('vocab_layer_norm.bias', w.mlmNorm!.bias!);
  t.set('vocab_projector.weight', w.tokenEmbedding); // tied: transformers saves the table again
  t.set('vocab_projector.bias', w.lmHeadBias!);
  const config = {
    architectures: ['DistilBertForMaskedLM'], model_type: 'distilbert', vocab_size: c.vocabSize, dim: c.dModel,
    n_heads: c.nHeads, n_layers: c.nLayers, hidden_dim: c.dFF, activation: 'gelu',
    max_position_embeddings: c.maxPositions, sinusoidal_pos_embds: false, dropout: 0.1, attention_dropout: 0.1,
  };
  return { config, tensors: t };
}

/** Splits tensors over `n` shard files plus model.safetensors.index.json, as transformers saves them. */
export function shard(tensors: ReadonlyMap<string, Tensor>, n: number): Record<string, Uint8Array | object> {
  const names = [...tensors.keys()].sort();
  const files: Record<string, Uint8Array | object> = {};
  const weightMap: Record<string, string> = {};
  for (let s = 0; s < n; s++) {
    const file = `model-0000${s + 1}-of-0000${n}.safetensors`;
    const part = new Map(names.filter((_, i) => i % n === s).map((k) => [k, tensors.get(k)!]));
    for (const k of part.keys()) weightMap[k] = file;
    files[file] = serializeSafetensors(part);
  }
  files['model.safetensors.index.json'] = { metadata: { total_size: 0 }, weight_map: weightMap };
  return files;
}
