/**
 * Writes a ViT trained here as a Hugging Face ViTForImageClassification checkpoint, so the
 * shipped digit model is a real checkpoint that transformers (and loadHfModel) can load.
 * The inverse of vitWeights and vitConfigFromHf; the round trip is tested.
 */
import { Tensor, noGrad } from '../runtime/index.ts';
import type { VitModel } from '../models/vit.ts';
import type { NormWeights } from '../models/weights.ts';
import type { HfCheckpoint } from './hf-export.ts';

function need(t: Tensor | undefined, what: string): Tensor {
  if (!t) throw new Error(`export: the ViT has no ${what}`);
  return t;
}

function putNorm(out: Map<string, Tensor>, name: string, n: NormWeights): void {
  out.set(`${name}.weight`, n.weight);
  out.set(`${name}.bias`, need(n.bias, `${name} bias (ViT uses LayerNorm)`));
}

/** ViTForImageClassification state dict and config.json; `labels` name the classes. */
export function toVit(model: VitModel, labels?: readonly string[]): HfCheckpoint {
  const { config: cfg, weights: w } = model;
  const ok = cfg.preNorm && !cfg.causal && cfg.norm === 'layer' && cfg.bias && cfg.finalNorm && cfg.nKvHeads === cfg.nHeads &&
    (cfg.activation === 'gelu' || cfg.activation === 'geluTanh' || cfg.activation === 'relu');
  if (!ok) throw new Error('export: only pre-norm, biased LayerNorm encoders with full heads fit the ViT layout');
  const names = labels ?? Array.from({ length: cfg.numClasses }, (_, i) => String(i));
  if (names.length !== cfg.numClasses) throw new Error(`export: ${names.length} labels for ${cfg.numClasses} classes`);
  const d = cfg.dModel;
  const p = cfg.patchSize;
  const n = (cfg.imageSize / p) ** 2;
  return noGrad(() => {
    const t = new Map<string, Tensor>();
    const e = 'vit.embeddings.';
    // Same data, HF's shapes: the flat (d, c*p*p) projection is a stride-p conv kernel (d, c, p, p).
    t.set(`${e}cls_token`, new Tensor(w.cls.data, [1, 1, d]));
    t.set(`${e}position_embeddings`, new Tensor(w.positionEmbedding.data, [1, n + 1, d]));
    t.set(`${e}patch_embeddings.projection.weight`, new Tensor(w.patchProjection.data, [d, cfg.channels, p, p]));
    t.set(`${e}patch_embeddings.projection.bias`, w.patchBias);
    w.blocks.forEach((b, l) => {
      const q = `vit.encoder.layer.${l}.`;
      const proj = (name: string, weight: Tensor, bias: Tensor | undefined) => {
        t.set(`${q}${name}.weight`, weight);
        t.set(`${q}${name}.bias`, need(bias, `${name} bias`));
      };
      putNorm(t, `${q}layernorm_before`, b.attnNorm);
      proj('attention.attention.query', b.attn.wq, b.attn.bq);
      proj('attention.attention.key', b.attn.wk, b.attn.bk);
      proj('attention.attention.value', b.attn.wv, b.attn.bv);
      proj('attention.output.dense', b.attn.wo, b.attn.bo);
      putNorm(t, `${q}layernorm_after`, b.ffnNorm);
      proj('intermediate.dense', b.ffn.up, b.ffn.upBias);
      proj('output.dense', b.ffn.down, b.ffn.downBias);
    });
    putNorm(t, 'vit.layernorm', w.finalNorm);
    t.set('classifier.weight', w.head);
    t.set('classifier.bias', w.headBias);
    const config = {
      architectures: ['ViTForImageClassification'],
      model_type: 'vit',
      hidden_size: d,
      num_hidden_layers: cfg.nLayers,
      num_attention_heads: cfg.nHeads,
      intermediate_size: cfg.dFF,
      hidden_act: { gelu: 'gelu', geluTanh: 'gelu_new', relu: 'relu' }[cfg.activation as 'gelu' | 'geluTanh' | 'relu'],
      hidden_dropout_prob: 0,
      attention_probs_dropout_prob: 0,
      initializer_range: 0.02,
      layer_norm_eps: cfg.normEps,
      image_size: cfg.imageSize,
      patch_size: p,
      num_channels: cfg.channels,
      qkv_bias: true,
      encoder_stride: p,
      id2label: Object.fromEntries(names.map((name, i) => [String(i), name])),
      label2id: Object.fromEntries(names.map((name, i) => [name, i])),
      torch_dtype: 'float32',
    };
    return { config, tensors: t };
  });
}
