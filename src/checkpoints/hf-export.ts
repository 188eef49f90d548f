/**
 * Writes models trained here in Hugging Face format, so every embedded model is a real
 * checkpoint: GPT-2 layout for decoders (Conv1D weights stored (in, out), fused c_attn) and
 * BERT layout for encoders. The inverse of hf-weights.ts; round trips are tested.
 */
import { Tensor, transpose, concatRows, noGrad } from '../runtime/index.ts';
import type { TransformerConfig } from '../models/config.ts';
import type { TransformerModel } from '../models/transformer.ts';
import type { NormWeights } from '../models/weights.ts';

export interface HfCheckpoint {
  config: Record<string, unknown>;
  tensors: Map<string, Tensor>;
}

function need(t: Tensor | undefined, what: string): Tensor {
  if (!t) throw new Error(`export: the model has no ${what}`);
  return t;
}

function putNorm(out: Map<string, Tensor>, name: string, n: NormWeights, gpt2 = true): void {
  out.set(`${name}.weight`, n.weight);
  out.set(`${name}.bias`, need(n.bias, `${name} bias (${gpt2 ? 'GPT-2' : 'BERT'} uses LayerNorm)`));
}

function checkGpt2(cfg: TransformerConfig): void {
  const ok = cfg.causal && cfg.preNorm && cfg.norm === 'layer' && cfg.positions === 'learned' && cfg.bias && cfg.finalNorm &&
    cfg.nKvHeads === cfg.nHeads && cfg.lmHead !== 'none' && !cfg.mlmTransform && cfg.typeVocabSize === 0 && !cfg.embeddingNorm &&
    (cfg.activation === 'geluTanh' || cfg.activation === 'gelu' || cfg.activation === 'relu');
  if (!ok) throw new Error('export: only pre-norm, learned-position, biased LayerNorm decoders fit the GPT-2 layout');
}

/** GPT2LMHeadModel state dict and config.json for a GPT-style decoder. */
export function toGpt2(model: TransformerModel): HfCheckpoint {
  const { config: cfg, weights: w } = model;
  checkGpt2(cfg);
  return noGrad(() => {
    const t = new Map<string, Tensor>();
    t.set('transformer.wte.weight', w.tokenEmbedding);
    t.set('transformer.wpe.weight', need(w.positionEmbedding, 'position table'));
    w.blocks.forEach((b, l) => {
      const p = `transformer.h.${l}.`;
      putNorm(t, `${p}ln_1`, b.attnNorm);
      t.set(`${p}attn.c_attn.weight`, transpose(concatRows([b.attn.wq, b.attn.wk, b.attn.wv])));
      t.set(`${p}attn.c_attn.bias`, concatRows([need(b.attn.bq, 'q bias'), need(b.attn.bk, 'k bias'), need(b.attn.bv, 'v bias')]));
      t.set(`${p}attn.c_proj.weight`, transpose(b.attn.wo));
      t.set(`${p}attn.c_proj.bias`, need(b.attn.bo, 'output bias'));
      putNorm(t, `${p}ln_2`, b.ffnNorm);
      t.set(`${p}mlp.c_fc.weight`, transpose(b.ffn.up));
      t.set(`${p}mlp.c_fc.bias`, need(b.ffn.upBias, 'FFN bias'));
      t.set(`${p}mlp.c_proj.weight`, transpose(b.ffn.down));
      t.set(`${p}mlp.c_proj.bias`, need(b.ffn.downBias, 'FFN bias'));
    });
    if (!w.finalNorm) throw new Error('export: the model has no final norm');
    putNorm(t, 'transformer.ln_f', w.finalNorm);
    if (cfg.lmHead === 'separate') t.set('lm_head.weight', need(w.lmHead, 'LM head'));
    const activation = { geluTanh: 'gelu_new', gelu: 'gelu', relu: 'relu' }[cfg.activation as 'geluTanh' | 'gelu' | 'relu'];
    const config = {
      architectures: ['GPT2LMHeadModel'],
      model_type: 'gpt2',
      vocab_size: cfg.vocabSize,
      n_positions: cfg.maxPositions,
      n_ctx: cfg.maxPositions,
      n_embd: cfg.dModel,
      n_layer: cfg.nLayers,
      n_head: cfg.nHeads,
      n_inner: cfg.dFF,
      activation_function: activation,
      layer_norm_epsilon: cfg.normEps,
      tie_word_embeddings: cfg.lmHead === 'tied',
      torch_dtype: 'float32',
    };
    return { config, tensors: t };
  });
}

/** BertForMaskedLM (or BertModel without a head) state dict and config.json. */
export function toBert(model: TransformerModel): HfCheckpoint {
  const { config: cfg, weights: w } = model;
  const ok = !cfg.causal && !cfg.preNorm && cfg.norm === 'layer' && cfg.positions === 'learned' && cfg.bias && cfg.embeddingNorm &&
    !cfg.finalNorm && cfg.nKvHeads === cfg.nHeads && cfg.lmHead !== 'separate' && (cfg.activation === 'gelu' || cfg.activation === 'relu' || cfg.activation === 'geluTanh');
  if (!ok) throw new Error('export: only post-norm encoders with learned positions and an embedding norm fit the BERT layout');
  const t = new Map<string, Tensor>();
  t.set('bert.embeddings.word_embeddings.weight', w.tokenEmbedding);
  t.set('bert.embeddings.position_embeddings.weight', need(w.positionEmbedding, 'position table'));
  // BERT always has segment embeddings; a model trained without them gets a zero table.
  t.set('bert.embeddings.token_type_embeddings.weight', w.typeEmbedding ?? Tensor.zeros([Math.max(1, cfg.typeVocabSize), cfg.dModel]));
  if (!w.embeddingNorm) throw new Error('export: the model has no embedding norm');
  putNorm(t, 'bert.embeddings.LayerNorm', w.embeddingNorm, false);
  w.blocks.forEach((b, l) => {
    const p = `bert.encoder.layer.${l}.`;
    t.set(`${p}attention.self.query.weight`, b.attn.wq);
    t.set(`${p}attention.self.query.bias`, need(b.attn.bq, 'q bias'));
    t.set(`${p}attention.self.key.weight`, b.attn.wk);
    t.set(`${p}attention.self.key.bias`, need(b.attn.bk, 'k bias'));
    t.set(`${p}attention.self.value.weight`, b.attn.wv);
    t.set(`${p}attention.self.value.bias`, need(b.attn.bv, 'v bias'));
    t.set(`${p}attention.output.dense.weight`, b.attn.wo);
    t.set(`${p}attention.output.dense.bias`, need(b.attn.bo, 'output bias'));
    putNorm(t, `${p}attention.output.LayerNorm`, b.attnNorm, false);
    t.set(`${p}intermediate.dense.weight`, b.ffn.up);
    t.set(`${p}intermediate.dense.bias`, need(b.ffn.upBias, 'FFN bias'));
    t.set(`${p}output.dense.weight`, b.ffn.down);
    t.set(`${p}output.dense.bias`, need(b.ffn.downBias, 'FFN bias'));
    putNorm(t, `${p}output.LayerNorm`, b.ffnNorm, false);
  });
  const hasHead = cfg.lmHead === 'tied' && cfg.mlmTransform;
  if (hasHead) {
    t.set('cls.predictions.transform.dense.weight', need(w.mlmDense, 'MLM dense'));
    t.set('cls.predictions.transform.dense.bias', need(w.mlmDenseBias, 'MLM dense bias'));
    if (!w.mlmNorm) throw new Error('export: the model has no MLM norm');
    putNorm(t, 'cls.predictions.transform.LayerNorm', w.mlmNorm, false);
    t.set('cls.predictions.bias', need(w.lmHeadBias, 'MLM output bias'));
  }
  const act = { gelu: 'gelu', geluTanh: 'gelu_new', relu: 'relu' }[cfg.activation as 'gelu' | 'geluTanh' | 'relu'];
  const config = {
    architectures: [hasHead ? 'BertForMaskedLM' : 'BertModel'],
    model_type: 'bert',
    vocab_size: cfg.vocabSize,
    hidden_size: cfg.dModel,
    num_hidden_layers: cfg.nLayers,
    num_attention_heads: cfg.nHeads,
    intermediate_size: cfg.dFF,
    hidden_act: act,
    max_position_embeddings: cfg.maxPositions,
    type_vocab_size: Math.max(1, cfg.typeVocabSize),
    layer_norm_eps: cfg.normEps,
    torch_dtype: 'float32',
  };
  return { config, tensors: t };
}
