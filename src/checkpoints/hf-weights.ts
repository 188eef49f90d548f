/**
 * Builds the runtime's weight tree from the tensors a Layout names (hf-layout.ts has already
 * checked every name and shape against the config). Tensors are decoded one at a time as each
 * is read, so a loaded model never coexists with a second full F32 copy of itself. GPT-2's
 * Conv1D weights are stored (in, out) and are transposed to the nn.Linear layout (out, in)
 * here, once, at load time.
 */
import { Tensor, transpose, sliceRows, noGrad, shapeStr, sameShape } from '../runtime/index.ts';
import type { TransformerConfig } from '../models/config.ts';
import type { VitConfig, VitWeights } from '../models/vit.ts';
import type { BlockWeights, NormWeights, TransformerWeights } from '../models/weights.ts';
import { CheckpointError } from './errors.ts';
import type { Layout } from './hf-layout.ts';
import type { TensorSource } from './tensor-source.ts';

/** Reads the layout's tensors from a source, keeping count so none is left unread. */
export class WeightReader {
  private readonly layout: Layout;
  private readonly source: TensorSource;
  private readonly read = new Set<string>();

  constructor(layout: Layout, source: TensorSource) {
    this.layout = layout;
    this.source = source;
  }

  /** A tensor by its full name. */
  full(name: string): Tensor {
    const shape = this.layout.tensors.get(name);
    if (!shape) throw new Error(`hf-weights: ${name} is not in the layout (hf-layout.ts and hf-weights.ts disagree)`);
    const t = this.source.read(name);
    if (!sameShape(t.shape, shape)) throw new CheckpointError(`${name}: file has ${shapeStr(t.shape)}, config expects ${shapeStr(shape)}`);
    this.read.add(name);
    return t;
  }

  /** A trunk tensor, named without the prefix ('transformer.', 'bert.', ...). */
  get(name: string): Tensor {
    return this.full(this.layout.prefix + name);
  }

  /** A LayerNorm or RMSNorm under its current or old (gamma/beta) names, as the layout chose. */
  norm(name: string, withBias = true, full = false): NormWeights {
    const p = full ? name : this.layout.prefix + name;
    const pick = (now: string, old: string) => this.full(this.layout.tensors.has(`${p}.${old}`) ? `${p}.${old}` : `${p}.${now}`);
    const weight = pick('weight', 'gamma');
    return withBias ? { weight, bias: pick('bias', 'beta') } : { weight };
  }

  /** Throws if the builder left a layout tensor unread: the two files would have drifted apart. */
  finish(): void {
    const unread = [...this.layout.tensors.keys()].filter((n) => !this.read.has(n));
    if (unread.length > 0) throw new Error(`hf-weights: the layout names tensors the builder never read: ${unread.slice(0, 5).join(', ')}`);
  }
}

/** GPT2LMHeadModel / GPT2Model. */
export function gpt2Weights(cfg: TransformerConfig, r: WeightReader): TransformerWeights {
  const d = cfg.dModel;
  return noGrad(() => {
    const blocks: BlockWeights[] = [];
    for (let l = 0; l < cfg.nLayers; l++) {
      const p = `h.${l}.`;
      const qkv = transpose(r.get(`${p}attn.c_attn.weight`)); // (3d, d)
      const qkvBias = r.get(`${p}attn.c_attn.bias`);
      blocks.push({
        attnNorm: r.norm(`${p}ln_1`),
        attn: {
          wq: sliceRows(qkv, 0, d),
          wk: sliceRows(qkv, d, 2 * d),
          wv: sliceRows(qkv, 2 * d, 3 * d),
          wo: transpose(r.get(`${p}attn.c_proj.weight`)),
          bq: sliceRows(qkvBias, 0, d),
          bk: sliceRows(qkvBias, d, 2 * d),
          bv: sliceRows(qkvBias, 2 * d, 3 * d),
          bo: r.get(`${p}attn.c_proj.bias`),
        },
        ffnNorm: r.norm(`${p}ln_2`),
        ffn: {
          up: transpose(r.get(`${p}mlp.c_fc.weight`)),
          upBias: r.get(`${p}mlp.c_fc.bias`),
          down: transpose(r.get(`${p}mlp.c_proj.weight`)),
          downBias: r.get(`${p}mlp.c_proj.bias`),
        },
      });
    }
    const w: TransformerWeights = {
      tokenEmbedding: r.get('wte.weight'),
      positionEmbedding: r.get('wpe.weight'),
      blocks,
      finalNorm: r.norm('ln_f'),
    };
    if (cfg.lmHead === 'separate') w.lmHead = r.full('lm_head.weight');
    return w;
  });
}

/** LlamaForCausalLM / LlamaModel. */
export function llamaWeights(cfg: TransformerConfig, r: WeightReader): TransformerWeights {
  const blocks: BlockWeights[] = [];
  for (let l = 0; l < cfg.nLayers; l++) {
    const p = `layers.${l}.self_attn.`;
    const attn: BlockWeights['attn'] = {
      wq: r.get(`${p}q_proj.weight`),
      wk: r.get(`${p}k_proj.weight`),
      wv: r.get(`${p}v_proj.weight`),
      wo: r.get(`${p}o_proj.weight`),
    };
    if (cfg.bias) {
      attn.bq = r.get(`${p}q_proj.bias`);
      attn.bk = r.get(`${p}k_proj.bias`);
      attn.bv = r.get(`${p}v_proj.bias`);
      attn.bo = r.get(`${p}o_proj.bias`);
    }
    blocks.push({
      attnNorm: r.norm(`layers.${l}.input_layernorm`, false),
      attn,
      ffnNorm: r.norm(`layers.${l}.post_attention_layernorm`, false),
      ffn: {
        gate: r.get(`layers.${l}.mlp.gate_proj.weight`),
        up: r.get(`layers.${l}.mlp.up_proj.weight`),
        down: r.get(`layers.${l}.mlp.down_proj.weight`),
      },
    });
  }
  const w: TransformerWeights = { tokenEmbedding: r.get('embed_tokens.weight'), blocks, finalNorm: r.norm('norm', false) };
  if (cfg.lmHead === 'separate') w.lmHead = r.full('lm_head.weight');
  return w;
}

/**
 * BERT and ViT layers share one layout (query/key/value, attention.output.dense,
 * intermediate.dense, output.dense); they differ in the self-attention module's name and in
 * where their two LayerNorms sit (after each residual in BERT, before each sublayer in ViT).
 */
function encoderLayers(r: WeightReader, nLayers: number, names: { self: string; attnNorm: string; ffnNorm: string }): BlockWeights[] {
  return Array.from({ length: nLayers }, (_, l) => {
    const p = `encoder.layer.${l}.`;
    const w = (name: string) => r.get(`${p}${name}.weight`);
    const b = (name: string) => r.get(`${p}${name}.bias`);
    return {
      attnNorm: r.norm(`${p}${names.attnNorm}`),
      attn: {
        wq: w(`${names.self}.query`), bq: b(`${names.self}.query`),
        wk: w(`${names.self}.key`), bk: b(`${names.self}.key`),
        wv: w(`${names.self}.value`), bv: b(`${names.self}.value`),
        wo: w('attention.output.dense'), bo: b('attention.output.dense'),
      },
      ffnNorm: r.norm(`${p}${names.ffnNorm}`),
      ffn: { up: w('intermediate.dense'), upBias: b('intermediate.dense'), down: w('output.dense'), downBias: b('output.dense') },
    };
  });
}

/** BertForMaskedLM / BertModel (the MLM head when the config kept one: hf-layout.ts decides). */
export function bertWeights(cfg: TransformerConfig, r: WeightReader, layout: Layout): TransformerWeights {
  const w: TransformerWeights = {
    tokenEmbedding: r.get('embeddings.word_embeddings.weight'),
    positionEmbedding: r.get('embeddings.position_embeddings.weight'),
    typeEmbedding: r.get('embeddings.token_type_embeddings.weight'),
    embeddingNorm: r.norm('embeddings.LayerNorm'),
    blocks: encoderLayers(r, cfg.nLayers, { self: 'attention.self', attnNorm: 'attention.output.LayerNorm', ffnNorm: 'output.LayerNorm' }),
  };
  if (cfg.lmHead !== 'none') {
    w.mlmDense = r.full('cls.predictions.transform.dense.weight');
    w.mlmDenseBias = r.full('cls.predictions.transform.dense.bias');
    w.mlmNorm = r.norm('cls.predictions.transform.LayerNorm', true, true);
    w.lmHeadBias = r.full(layout.tensors.has('cls.predictions.bias') ? 'cls.predictions.bias' : 'cls.predictions.decoder.bias');
  }
  return w;
}

/** DistilBertForMaskedLM / DistilBertModel: BERT's post-norm encoder under other names, no segments. */
export function distilbertWeights(cfg: TransformerConfig, r: WeightReader): TransformerWeights {
  const blocks: BlockWeights[] = Array.from({ length: cfg.nLayers }, (_, l) => {
    const p = `transformer.layer.${l}.`;
    const w = (name: string) => r.get(`${p}${name}.weight`);
    const b = (name: string) => r.get(`${p}${name}.bias`);
    return {
      attnNorm: r.norm(`${p}sa_layer_norm`),
      attn: {
        wq: w('attention.q_lin'), bq: b('attention.q_lin'),
        wk: w('attention.k_lin'), bk: b('attention.k_lin'),
        wv: w('attention.v_lin'), bv: b('attention.v_lin'),
        wo: w('attention.out_lin'), bo: b('attention.out_lin'),
      },
      ffnNorm: r.norm(`${p}output_layer_norm`),
      ffn: { up: w('ffn.lin1'), upBias: b('ffn.lin1'), down: w('ffn.lin2'), downBias: b('ffn.lin2') },
    };
  });
  const weights: TransformerWeights = {
    tokenEmbedding: r.get('embeddings.word_embeddings.weight'),
    positionEmbedding: r.get('embeddings.position_embeddings.weight'),
    embeddingNorm: r.norm('embeddings.LayerNorm'),
    blocks,
  };
  if (cfg.lmHead !== 'none') {
    weights.mlmDense = r.full('vocab_transform.weight');
    weights.mlmDenseBias = r.full('vocab_transform.bias');
    weights.mlmNorm = r.norm('vocab_layer_norm', true, true);
    weights.lmHeadBias = r.full('vocab_projector.bias');
  }
  return weights;
}

/** ViTForImageClassification (classifier required). */
export function vitWeights(cfg: VitConfig, r: WeightReader): VitWeights {
  const d = cfg.dModel;
  const n = (cfg.imageSize / cfg.patchSize) ** 2;
  const inDim = cfg.channels * cfg.patchSize * cfg.patchSize;
  const conv = r.get('embeddings.patch_embeddings.projection.weight'); // (d, c, p, p)
  return {
    patchProjection: new Tensor(conv.data, [d, inDim]),
    patchBias: r.get('embeddings.patch_embeddings.projection.bias'),
    cls: new Tensor(r.get('embeddings.cls_token').data, [1, d]),
    positionEmbedding: new Tensor(r.get('embeddings.position_embeddings').data, [n + 1, d]),
    blocks: encoderLayers(r, cfg.nLayers, { self: 'attention.attention', attnNorm: 'layernorm_before', ffnNorm: 'layernorm_after' }),
    finalNorm: r.norm('layernorm'),
    head: r.full('classifier.weight'),
    headBias: r.full('classifier.bias'),
  };
}
