/**
 * Maps Hugging Face tensor names onto the runtime's weight tree, checking every shape
 * against the config so a checkpoint that disagrees with its config.json is rejected with
 * the tensor's name and both shapes. GPT-2's Conv1D weights are stored (in, out) and are
 * transposed to the nn.Linear layout (out, in) here, once, at load time.
 */
import { Tensor, transpose, sliceRows, noGrad, shapeStr, sameShape } from '../runtime/index.ts';
import { headSize, type TransformerConfig } from '../models/config.ts';
import type { VitConfig, VitWeights } from '../models/vit.ts';
import type { BlockWeights, NormWeights, TransformerWeights } from '../models/weights.ts';
import { ConfigError } from './hf-config.ts';

/** Looks tensors up by name (trying a few prefixes), checking shapes. */
class TensorTable {
  private readonly tensors: ReadonlyMap<string, Tensor>;
  private readonly prefixes: readonly string[];

  constructor(tensors: ReadonlyMap<string, Tensor>, prefixes: readonly string[]) {
    this.tensors = tensors;
    // Keep the prefix under which the checkpoint actually stores its tensors (GPT2Model vs GPT2LMHeadModel).
    this.prefixes = prefixes;
  }

  has(name: string): boolean {
    return this.prefixes.some((p) => this.tensors.has(p + name));
  }

  get(name: string, shape: readonly number[]): Tensor {
    for (const p of this.prefixes) {
      const t = this.tensors.get(p + name);
      if (!t) continue;
      if (!sameShape(t.shape, shape)) {
        throw new ConfigError(`${p + name}: file has ${shapeStr(t.shape)}, config expects ${shapeStr(shape)}`);
      }
      return t;
    }
    throw new ConfigError(`checkpoint is missing tensor "${this.prefixes[0] + name}"`);
  }

  norm(name: string, d: number, withBias = true): NormWeights {
    // Old BERT checkpoints name LayerNorm parameters gamma/beta.
    // Try the old name only when it is there, so a missing tensor is reported by its usual name.
    const weight = this.has(`${name}.gamma`) ? this.get(`${name}.gamma`, [d]) : this.get(`${name}.weight`, [d]);
    if (!withBias) return { weight };
    const bias = this.has(`${name}.beta`) ? this.get(`${name}.beta`, [d]) : this.get(`${name}.bias`, [d]);
    return { weight, bias };
  }
}

/** GPT2LMHeadModel / GPT2Model. */
export function gpt2Weights(cfg: TransformerConfig, tensors: ReadonlyMap<string, Tensor>): TransformerWeights {
  const t = new TensorTable(tensors, ['transformer.', '']);
  const d = cfg.dModel;
  return noGrad(() => {
    const blocks: BlockWeights[] = [];
    for (let l = 0; l < cfg.nLayers; l++) {
      const p = `h.${l}.`;
      const qkv = transpose(t.get(`${p}attn.c_attn.weight`, [d, 3 * d])); // (3d, d)
      const qkvBias = t.get(`${p}attn.c_attn.bias`, [3 * d]);
      blocks.push({
        attnNorm: t.norm(`${p}ln_1`, d),
        attn: {
          wq: sliceRows(qkv, 0, d),
          wk: sliceRows(qkv, d, 2 * d),
          wv: sliceRows(qkv, 2 * d, 3 * d),
          wo: transpose(t.get(`${p}attn.c_proj.weight`, [d, d])),
          bq: sliceRows(qkvBias, 0, d),
          bk: sliceRows(qkvBias, d, 2 * d),
          bv: sliceRows(qkvBias, 2 * d, 3 * d),
          bo: t.get(`${p}attn.c_proj.bias`, [d]),
        },
        ffnNorm: t.norm(`${p}ln_2`, d),
        ffn: {
          up: transpose(t.get(`${p}mlp.c_fc.weight`, [d, cfg.dFF])),
          upBias: t.get(`${p}mlp.c_fc.bias`, [cfg.dFF]),
          down: transpose(t.get(`${p}mlp.c_proj.weight`, [cfg.dFF, d])),
          downBias: t.get(`${p}mlp.c_proj.bias`, [d]),
        },
      });
    }
    const w: TransformerWeights = {
      tokenEmbedding: t.get('wte.weight', [cfg.vocabSize, d]),
      positionEmbedding: t.get('wpe.weight', [cfg.maxPositions, d]),
      blocks,
      finalNorm: t.norm('ln_f', d),
    };
    if (cfg.lmHead === 'separate') w.lmHead = new TensorTable(tensors, ['']).get('lm_head.weight', [cfg.vocabSize, d]);
    return w;
  });
}

/** LlamaForCausalLM / LlamaModel. */
export function llamaWeights(cfg: TransformerConfig, tensors: ReadonlyMap<string, Tensor>): TransformerWeights {
  const t = new TensorTable(tensors, ['model.', '']);
  const d = cfg.dModel;
  const dq = cfg.nHeads * headSize(cfg);
  const dkv = cfg.nKvHeads * headSize(cfg);
  const blocks: BlockWeights[] = [];
  for (let l = 0; l < cfg.nLayers; l++) {
    const p = `layers.${l}.`;
    const attn: BlockWeights['attn'] = {
      wq: t.get(`${p}self_attn.q_proj.weight`, [dq, d]),
      wk: t.get(`${p}self_attn.k_proj.weight`, [dkv, d]),
      wv: t.get(`${p}self_attn.v_proj.weight`, [dkv, d]),
      wo: t.get(`${p}self_attn.o_proj.weight`, [d, dq]),
    };
    if (cfg.bias) {
      attn.bq = t.get(`${p}self_attn.q_proj.bias`, [dq]);
      attn.bk = t.get(`${p}self_attn.k_proj.bias`, [dkv]);
      attn.bv = t.get(`${p}self_attn.v_proj.bias`, [dkv]);
      attn.bo = t.get(`${p}self_attn.o_proj.bias`, [d]); // transformers gives o_proj bias=attention_bias too
    }
    blocks.push({
      attnNorm: t.norm(`${p}input_layernorm`, d, false),
      attn,
      ffnNorm: t.norm(`${p}post_attention_layernorm`, d, false),
      ffn: {
        gate: t.get(`${p}mlp.gate_proj.weight`, [cfg.dFF, d]),
        up: t.get(`${p}mlp.up_proj.weight`, [cfg.dFF, d]),
        down: t.get(`${p}mlp.down_proj.weight`, [d, cfg.dFF]),
      },
    });
  }
  const w: TransformerWeights = {
    tokenEmbedding: t.get('embed_tokens.weight', [cfg.vocabSize, d]),
    blocks,
    finalNorm: t.norm('norm', d, false),
  };
  if (cfg.lmHead === 'separate') w.lmHead = new TensorTable(tensors, ['']).get('lm_head.weight', [cfg.vocabSize, d]);
  return w;
}

/**
 * BERT and ViT layers share one layout (query/key/value, attention.output.dense,
 * intermediate.dense, output.dense); they differ in the self-attention module's name and in
 * where their two LayerNorms sit (after each residual in BERT, before each sublayer in ViT).
 */
function encoderLayers(
  t: TensorTable, cfg: TransformerConfig, names: { self: string; attnNorm: string; ffnNorm: string },
): BlockWeights[] {
  const d = cfg.dModel;
  return Array.from({ length: cfg.nLayers }, (_, l) => {
    const p = `encoder.layer.${l}.`;
    const proj = (name: string, out: number, inp: number) => [t.get(`${p}${name}.weight`, [out, inp]), t.get(`${p}${name}.bias`, [out])];
    const [wq, bq] = proj(`${names.self}.query`, d, d);
    const [wk, bk] = proj(`${names.self}.key`, d, d);
    const [wv, bv] = proj(`${names.self}.value`, d, d);
    const [wo, bo] = proj('attention.output.dense', d, d);
    const [up, upBias] = proj('intermediate.dense', cfg.dFF, d);
    const [down, downBias] = proj('output.dense', d, cfg.dFF);
    return {
      attnNorm: t.norm(`${p}${names.attnNorm}`, d),
      attn: { wq, bq, wk, bk, wv, bv, wo, bo },
      ffnNorm: t.norm(`${p}${names.ffnNorm}`, d),
      ffn: { up, upBias, down, downBias },
    };
  });
}

/** BertForMaskedLM / BertModel (the MLM head is loaded when present). */
export function bertWeights(cfg: TransformerConfig, tensors: ReadonlyMap<string, Tensor>): { weights: TransformerWeights; hasMlmHead: boolean } {
  const t = new TensorTable(tensors, ['bert.', '']);
  const d = cfg.dModel;
  const blocks = encoderLayers(t, cfg, { self: 'attention.self', attnNorm: 'attention.output.LayerNorm', ffnNorm: 'output.LayerNorm' });
  const w: TransformerWeights = {
    tokenEmbedding: t.get('embeddings.word_embeddings.weight', [cfg.vocabSize, d]),
    positionEmbedding: t.get('embeddings.position_embeddings.weight', [cfg.maxPositions, d]),
    typeEmbedding: t.get('embeddings.token_type_embeddings.weight', [cfg.typeVocabSize, d]),
    embeddingNorm: t.norm('embeddings.LayerNorm', d),
    blocks,
  };
  const head = new TensorTable(tensors, ['cls.predictions.']);
  const hasMlmHead = head.has('transform.dense.weight');
  if (hasMlmHead) {
    w.mlmDense = head.get('transform.dense.weight', [d, d]);
    w.mlmDenseBias = head.get('transform.dense.bias', [d]);
    w.mlmNorm = head.norm('transform.LayerNorm', d);
    w.lmHeadBias = head.has('bias') ? head.get('bias', [cfg.vocabSize]) : head.get('decoder.bias', [cfg.vocabSize]);
  }
  return { weights: w, hasMlmHead };
}

/** ViTForImageClassification (classifier required). */
export function vitWeights(cfg: VitConfig, tensors: ReadonlyMap<string, Tensor>): VitWeights {
  const t = new TensorTable(tensors, ['vit.', '']);
  const d = cfg.dModel;
  const n = (cfg.imageSize / cfg.patchSize) ** 2;
  const inDim = cfg.channels * cfg.patchSize * cfg.patchSize;
  const blocks = encoderLayers(t, cfg, { self: 'attention.attention', attnNorm: 'layernorm_before', ffnNorm: 'layernorm_after' });
  const conv = t.get('embeddings.patch_embeddings.projection.weight', [d, cfg.channels, cfg.patchSize, cfg.patchSize]);
  return {
    patchProjection: new Tensor(conv.data, [d, inDim]),
    patchBias: t.get('embeddings.patch_embeddings.projection.bias', [d]),
    cls: new Tensor(t.get('embeddings.cls_token', [1, 1, d]).data, [1, d]),
    positionEmbedding: new Tensor(t.get('embeddings.position_embeddings', [1, n + 1, d]).data, [n + 1, d]),
    blocks,
    finalNorm: t.norm('layernorm', d),
    head: new TensorTable(tensors, ['']).get('classifier.weight', [cfg.numClasses, d]),
    headBias: new TensorTable(tensors, ['']).get('classifier.bias', [cfg.numClasses]),
  };
}
