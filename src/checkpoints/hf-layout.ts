/**
 * What a Hugging Face checkpoint of each family must hold, from config.json and the tensor
 * names alone: every tensor the model needs with the shape the config implies, and the names
 * it may hold but does not use (non-parameter buffers, heads the course does not run). With
 * only the safetensors headers in hand, this checks a checkpoint and sizes it in memory before
 * a single weight is downloaded; hf-weights.ts then reads exactly these tensors.
 */
import { shapeStr, type Shape } from '../runtime/index.ts';
import { headSize, type TransformerConfig } from '../models/config.ts';
import type { VitConfig } from '../models/vit.ts';
import { CheckpointError } from './errors.ts';
import { familyOf, textConfigFromHf, vitConfigFromHf, type Family, type HfConfig } from './hf-config.ts';
import type { TensorDirectory } from './tensor-source.ts';

export type TextFamily = Exclude<Family, 'vit'>;

/** The tensors one config needs from one checkpoint. */
export interface Layout {
  /** Prefix of the trunk's names in this file ('transformer.', 'bert.', ... or '' for a bare trunk). */
  prefix: string;
  /** Every tensor the model reads, by its full name in the checkpoint, with the config's shape. */
  tensors: Map<string, Shape>;
  /** Names the checkpoint may hold that the model does not read. */
  ignorable: (name: string) => boolean;
}

export type ModelPlan =
  | { family: TextFamily; kind: 'text'; config: TransformerConfig; layout: Layout }
  | { family: 'vit'; kind: 'vision'; config: VitConfig; layout: Layout };

/** Most F32 bytes a loaded checkpoint may take (2 GiB): past that a tab runs out of memory. */
export const MAX_F32_BYTES = 2 * 1024 ** 3;

/** Collects a layout; norm() picks the old gamma/beta names when the file uses them. */
class LayoutBuilder {
  readonly tensors = new Map<string, Shape>();
  readonly prefix: string;
  private readonly names: ReadonlySet<string>;

  constructor(names: ReadonlySet<string>, prefix: string) {
    this.names = names;
    // GPT2LMHeadModel stores transformer.h.0..., GPT2Model h.0...: use the prefix the file uses.
    this.prefix = [...names].some((n) => n.startsWith(prefix)) ? prefix : '';
  }

  /** A trunk tensor, named without the prefix. */
  add(name: string, shape: Shape): void {
    this.tensors.set(this.prefix + name, shape);
  }

  /** A head tensor, named in full (heads sit outside the trunk's prefix). */
  head(name: string, shape: Shape): void {
    this.tensors.set(name, shape);
  }

  norm(name: string, d: number, withBias = true, full = false): void {
    const p = full ? '' : this.prefix;
    // Try the old name only when it is there, so a missing tensor is reported by its usual name.
    this.tensors.set(this.names.has(`${p}${name}.gamma`) ? `${p}${name}.gamma` : `${p}${name}.weight`, [d]);
    if (withBias) this.tensors.set(this.names.has(`${p}${name}.beta`) ? `${p}${name}.beta` : `${p}${name}.bias`, [d]);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  layout(ignorable: (name: string) => boolean): Layout {
    return { prefix: this.prefix, tensors: this.tensors, ignorable };
  }
}

const escape = (s: string) => s.replace(/\./g, '\\.');

function gpt2Layout(cfg: TransformerConfig, names: ReadonlySet<string>): Layout {
  const b = new LayoutBuilder(names, 'transformer.');
  const d = cfg.dModel;
  for (let l = 0; l < cfg.nLayers; l++) {
    const p = `h.${l}.`;
    b.norm(`${p}ln_1`, d);
    b.add(`${p}attn.c_attn.weight`, [d, 3 * d]); // Conv1D: (in, out)
    b.add(`${p}attn.c_attn.bias`, [3 * d]);
    b.add(`${p}attn.c_proj.weight`, [d, d]);
    b.add(`${p}attn.c_proj.bias`, [d]);
    b.norm(`${p}ln_2`, d);
    b.add(`${p}mlp.c_fc.weight`, [d, cfg.dFF]);
    b.add(`${p}mlp.c_fc.bias`, [cfg.dFF]);
    b.add(`${p}mlp.c_proj.weight`, [cfg.dFF, d]);
    b.add(`${p}mlp.c_proj.bias`, [d]);
  }
  b.add('wte.weight', [cfg.vocabSize, d]);
  b.add('wpe.weight', [cfg.maxPositions, d]);
  b.norm('ln_f', d);
  if (cfg.lmHead === 'separate') b.head('lm_head.weight', [cfg.vocabSize, d]);
  // The causal mask (attn.bias) and masked_bias are buffers saved beside the parameters.
  const buffer = new RegExp(`^${escape(b.prefix)}h\\.\\d+\\.attn\\.(bias|masked_bias)$`);
  return b.layout((n) => buffer.test(n) || (cfg.lmHead === 'tied' && n === 'lm_head.weight'));
}

function llamaLayout(cfg: TransformerConfig, names: ReadonlySet<string>): Layout {
  const b = new LayoutBuilder(names, 'model.');
  const d = cfg.dModel;
  const dq = cfg.nHeads * headSize(cfg);
  const dkv = cfg.nKvHeads * headSize(cfg);
  for (let l = 0; l < cfg.nLayers; l++) {
    const p = `layers.${l}.`;
    b.norm(`${p}input_layernorm`, d, false);
    b.add(`${p}self_attn.q_proj.weight`, [dq, d]);
    b.add(`${p}self_attn.k_proj.weight`, [dkv, d]);
    b.add(`${p}self_attn.v_proj.weight`, [dkv, d]);
    b.add(`${p}self_attn.o_proj.weight`, [d, dq]);
    if (cfg.bias) {
      b.add(`${p}self_attn.q_proj.bias`, [dq]);
      b.add(`${p}self_attn.k_proj.bias`, [dkv]);
      b.add(`${p}self_attn.v_proj.bias`, [dkv]);
      b.add(`${p}self_attn.o_proj.bias`, [d]); // transformers gives o_proj bias=attention_bias too
    }
    b.norm(`${p}post_attention_layernorm`, d, false);
    b.add(`${p}mlp.gate_proj.weight`, [cfg.dFF, d]);
    b.add(`${p}mlp.up_proj.weight`, [cfg.dFF, d]);
    b.add(`${p}mlp.down_proj.weight`, [d, cfg.dFF]);
  }
  b.add('embed_tokens.weight', [cfg.vocabSize, d]);
  b.norm('norm', d, false);
  if (cfg.lmHead === 'separate') b.head('lm_head.weight', [cfg.vocabSize, d]);
  // Older exports saved RoPE's inverse frequencies; they follow from rope_theta.
  const buffer = new RegExp(`^${escape(b.prefix)}layers\\.\\d+\\.self_attn\\.rotary_emb\\.inv_freq$`);
  return b.layout((n) => buffer.test(n) || (cfg.lmHead === 'tied' && n === 'lm_head.weight'));
}

/** BERT's and ViT's shared layer layout; they differ in module names and where the norms sit. */
function encoderLayers(b: LayoutBuilder, cfg: TransformerConfig, names: { self: string; attnNorm: string; ffnNorm: string }): void {
  const d = cfg.dModel;
  for (let l = 0; l < cfg.nLayers; l++) {
    const p = `encoder.layer.${l}.`;
    const proj = (name: string, out: number, inp: number) => {
      b.add(`${p}${name}.weight`, [out, inp]);
      b.add(`${p}${name}.bias`, [out]);
    };
    for (const x of ['query', 'key', 'value']) proj(`${names.self}.${x}`, d, d);
    proj('attention.output.dense', d, d);
    proj('intermediate.dense', cfg.dFF, d);
    proj('output.dense', d, cfg.dFF);
    b.norm(`${p}${names.attnNorm}`, d);
    b.norm(`${p}${names.ffnNorm}`, d);
  }
}

/** Heads of fine-tuned encoders that the course does not run (it shows the trunk's attention). */
const classifierHeads = /^(classifier|pre_classifier|qa_outputs)\.(weight|bias)$/;

function bertLayout(cfg: TransformerConfig, names: ReadonlySet<string>): Layout {
  const b = new LayoutBuilder(names, 'bert.');
  const d = cfg.dModel;
  b.add('embeddings.word_embeddings.weight', [cfg.vocabSize, d]);
  b.add('embeddings.position_embeddings.weight', [cfg.maxPositions, d]);
  b.add('embeddings.token_type_embeddings.weight', [cfg.typeVocabSize, d]);
  b.norm('embeddings.LayerNorm', d);
  encoderLayers(b, cfg, { self: 'attention.self', attnNorm: 'attention.output.LayerNorm', ffnNorm: 'output.LayerNorm' });
  const withHead = cfg.lmHead !== 'none';
  if (withHead) {
    b.head('cls.predictions.transform.dense.weight', [d, d]);
    b.head('cls.predictions.transform.dense.bias', [d]);
    b.norm('cls.predictions.transform.LayerNorm', d, true, true);
    b.head(b.has('cls.predictions.bias') || !b.has('cls.predictions.decoder.bias') ? 'cls.predictions.bias' : 'cls.predictions.decoder.bias', [cfg.vocabSize]);
  }
  const p = b.prefix;
  const unused = new Set([
    `${p}embeddings.position_ids`, `${p}pooler.dense.weight`, `${p}pooler.dense.bias`,
    'cls.seq_relationship.weight', 'cls.seq_relationship.bias',
    'cls.predictions.decoder.weight', // the decoder is tied to the word embeddings
    'cls.predictions.decoder.bias', // the same tensor as cls.predictions.bias
  ]);
  return b.layout((n) => (unused.has(n) && !b.tensors.has(n)) || classifierHeads.test(n));
}

function distilbertLayout(cfg: TransformerConfig, names: ReadonlySet<string>): Layout {
  const b = new LayoutBuilder(names, 'distilbert.');
  const d = cfg.dModel;
  b.add('embeddings.word_embeddings.weight', [cfg.vocabSize, d]);
  b.add('embeddings.position_embeddings.weight', [cfg.maxPositions, d]);
  b.norm('embeddings.LayerNorm', d);
  for (let l = 0; l < cfg.nLayers; l++) {
    const p = `transformer.layer.${l}.`;
    for (const x of ['q_lin', 'k_lin', 'v_lin', 'out_lin']) {
      b.add(`${p}attention.${x}.weight`, [d, d]);
      b.add(`${p}attention.${x}.bias`, [d]);
    }
    b.norm(`${p}sa_layer_norm`, d);
    b.add(`${p}ffn.lin1.weight`, [cfg.dFF, d]);
    b.add(`${p}ffn.lin1.bias`, [cfg.dFF]);
    b.add(`${p}ffn.lin2.weight`, [d, cfg.dFF]);
    b.add(`${p}ffn.lin2.bias`, [d]);
    b.norm(`${p}output_layer_norm`, d);
  }
  if (cfg.lmHead !== 'none') {
    b.head('vocab_transform.weight', [d, d]);
    b.head('vocab_transform.bias', [d]);
    b.norm('vocab_layer_norm', d, true, true);
    b.head('vocab_projector.bias', [cfg.vocabSize]);
  }
  // vocab_projector.weight is the word embedding table again (tied).
  const unused = new Set([`${b.prefix}embeddings.position_ids`, 'vocab_projector.weight']);
  return b.layout((n) => unused.has(n) || classifierHeads.test(n));
}

function vitLayout(cfg: VitConfig, names: ReadonlySet<string>): Layout {
  const b = new LayoutBuilder(names, 'vit.');
  const d = cfg.dModel;
  const n = (cfg.imageSize / cfg.patchSize) ** 2;
  b.add('embeddings.cls_token', [1, 1, d]);
  b.add('embeddings.position_embeddings', [1, n + 1, d]);
  b.add('embeddings.patch_embeddings.projection.weight', [d, cfg.channels, cfg.patchSize, cfg.patchSize]);
  b.add('embeddings.patch_embeddings.projection.bias', [d]);
  encoderLayers(b, cfg, { self: 'attention.attention', attnNorm: 'layernorm_before', ffnNorm: 'layernorm_after' });
  b.norm('layernorm', d);
  b.head('classifier.weight', [cfg.numClasses, d]);
  b.head('classifier.bias', [cfg.numClasses]);
  const pooler = new Set([`${b.prefix}pooler.dense.weight`, `${b.prefix}pooler.dense.bias`]);
  return b.layout((name) => pooler.has(name));
}

/**
 * The model a config.json describes and the tensors it needs from a checkpoint holding `names`.
 * A BERT or DistilBERT checkpoint without its masked-LM head loads as an encoder without one.
 */
export function planModel(hf: HfConfig, names: ReadonlySet<string>): ModelPlan {
  const family = familyOf(hf);
  if (family === 'vit') {
    const config = vitConfigFromHf(hf);
    return { family, kind: 'vision', config, layout: vitLayout(config, names) };
  }
  let config = textConfigFromHf(hf);
  const mlmHead = family === 'bert' ? 'cls.predictions.transform.dense.weight' : family === 'distilbert' ? 'vocab_transform.weight' : null;
  if (mlmHead && !names.has(mlmHead)) config = { ...config, lmHead: 'none', mlmTransform: false };
  const layout = { gpt2: gpt2Layout, llama: llamaLayout, bert: bertLayout, distilbert: distilbertLayout }[family](config, names);
  return { family, kind: 'text', config, layout };
}

const MAX_LISTED = 12;

/**
 * Every way the checkpoint's tensors disagree with the layout, each naming the tensor and its
 * file: a tensor missing, one of the wrong shape, and one the config does not use.
 */
export function layoutProblems(layout: Layout, dir: TensorDirectory, family: Family): string[] {
  const problems: string[] = [];
  for (const [name, shape] of layout.tensors) {
    const entry = dir.entries.get(name);
    if (!entry) problems.push(`${name}: missing from ${dir.where}, config.json expects ${shapeStr(shape)}`);
    else if (shapeStr(entry.info.shape) !== shapeStr(shape)) {
      problems.push(`${name}: file has ${shapeStr(entry.info.shape)}, config expects ${shapeStr(shape)} (in ${entry.file})`);
    }
  }
  for (const [name, entry] of dir.entries) {
    if (!layout.tensors.has(name) && !layout.ignorable(name)) {
      problems.push(`${name}: ${shapeStr(entry.info.shape)} in ${entry.file}, but a ${family} model with this config.json uses no such tensor`);
    }
  }
  return problems;
}

/** Throws one CheckpointError listing the layout problems (the first dozen); quiet when none. */
export function checkLayout(layout: Layout, dir: TensorDirectory, family: Family): void {
  const problems = layoutProblems(layout, dir, family);
  if (problems.length === 1) throw new CheckpointError(problems[0]);
  if (problems.length > 1) {
    const more = problems.length > MAX_LISTED ? `\n  ... and ${problems.length - MAX_LISTED} more` : '';
    throw new CheckpointError(
      `checkpoint does not match config.json (${problems.length} problems):\n  ${problems.slice(0, MAX_LISTED).join('\n  ')}${more}`,
    );
  }
}

/** F32 bytes the model's tensors take once loaded (a tied head shares the token table). */
export function estimateF32Bytes(layout: Layout): number {
  let n = 0;
  for (const shape of layout.tensors.values()) n += shape.reduce((a, b) => a * b, 1);
  return 4 * n;
}

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB (${bytes.toLocaleString('en-US')} bytes)`;

/** Refuses a model whose F32 weights would exceed `limit` bytes, giving both numbers. */
export function checkMemory(f32Bytes: number, limit = MAX_F32_BYTES): void {
  if (f32Bytes > limit) {
    throw new CheckpointError(`this checkpoint needs ${gib(f32Bytes)} of F32 weights once loaded, more than the limit of ${gib(limit)}`);
  }
}
