/**
 * Maps a Hugging Face config.json onto the runtime's TransformerConfig for the families the
 * course opens: GPT-2, BERT, DistilBERT, ViT and Llama. Field names and defaults follow
 * transformers' own GPT2Config, BertConfig, DistilBertConfig, ViTConfig and LlamaConfig.
 */
import { validateConfig, baseConfig, type Activation, type TransformerConfig } from '../models/config.ts';
import { vitConfig, type VitConfig } from '../models/vit.ts';
import { CheckpointError } from './errors.ts';

export type Family = 'gpt2' | 'bert' | 'distilbert' | 'vit' | 'llama';

export type HfConfig = Record<string, unknown>;

/** A config.json the loader cannot use; a CheckpointError, so one catch covers every load failure. */
export class ConfigError extends CheckpointError {
  override name = 'ConfigError';
}

function num(cfg: HfConfig, key: string, fallback?: number): number {
  const v = cfg[key];
  if (v === undefined || v === null) {
    if (fallback === undefined) throw new ConfigError(`config.json: missing "${key}"`);
    return fallback;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigError(`config.json: "${key}" must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function activation(name: unknown): Activation {
  switch (name) {
    case 'gelu':
      return 'gelu';
    case 'gelu_new':
    case 'gelu_pytorch_tanh':
    case 'gelu_fast':
      return 'geluTanh';
    case 'relu':
      return 'relu';
    case 'silu':
    case 'swish':
      return 'swiglu';
    default:
      throw new ConfigError(`config.json: unsupported activation ${JSON.stringify(name)}`);
  }
}

/** Which family a config.json describes, from model_type (or architectures as a fallback). */
export function familyOf(cfg: HfConfig): Family {
  const type = String(cfg.model_type ?? '');
  if (type === 'gpt2' || type === 'bert' || type === 'distilbert' || type === 'vit' || type === 'llama') return type;
  if (type === '') {
    const arch = Array.isArray(cfg.architectures) ? String(cfg.architectures[0]) : '';
    const byArch = [['GPT2', 'gpt2'], ['DistilBert', 'distilbert'], ['Bert', 'bert'], ['ViT', 'vit'], ['Llama', 'llama']] as const;
    for (const [prefix, family] of byArch) if (arch.startsWith(prefix)) return family;
  }
  throw new ConfigError(`config.json: unsupported model_type ${JSON.stringify(cfg.model_type)} (supported: gpt2, bert, distilbert, vit, llama)`);
}

/** TransformerConfig for a GPT-2, BERT or Llama config.json. */
export function textConfigFromHf(cfg: HfConfig): TransformerConfig {
  const family = familyOf(cfg);
  switch (family) {
    case 'gpt2': {
      const tied = cfg.tie_word_embeddings !== false; // GPT2Config ties unless told otherwise
      const d = num(cfg, 'n_embd');
      const nHeads = num(cfg, 'n_head');
      return validateConfig({
        ...baseConfig,
        vocabSize: num(cfg, 'vocab_size'),
        dModel: d,
        nHeads,
        nKvHeads: nHeads,
        nLayers: num(cfg, 'n_layer'),
        dFF: num(cfg, 'n_inner', 4 * d),
        maxPositions: num(cfg, 'n_positions'),
        positions: 'learned',
        normEps: num(cfg, 'layer_norm_epsilon', 1e-5),
        preNorm: true,
        activation: activation(cfg.activation_function ?? 'gelu_new'),
        causal: true,
        lmHead: tied ? 'tied' : 'separate',
      });
    }
    case 'bert': {
      if (cfg.position_embedding_type !== undefined && cfg.position_embedding_type !== 'absolute') {
        throw new ConfigError(`config.json: position_embedding_type ${JSON.stringify(cfg.position_embedding_type)} is not supported (only "absolute")`);
      }
      const nHeads = num(cfg, 'num_attention_heads');
      return validateConfig({
        ...baseConfig,
        vocabSize: num(cfg, 'vocab_size'),
        dModel: num(cfg, 'hidden_size'),
        nHeads,
        nKvHeads: nHeads,
        nLayers: num(cfg, 'num_hidden_layers'),
        dFF: num(cfg, 'intermediate_size'),
        maxPositions: num(cfg, 'max_position_embeddings'),
        positions: 'learned',
        normEps: num(cfg, 'layer_norm_eps', 1e-12),
        preNorm: false,
        activation: activation(cfg.hidden_act ?? 'gelu'),
        embeddingNorm: true,
        finalNorm: false,
        typeVocabSize: num(cfg, 'type_vocab_size', 2),
        lmHead: 'tied',
        mlmTransform: true,
      });
    }
    case 'distilbert': {
      // sinusoidal_pos_embds only changes how transformers initialises the position table; the
      // table itself is saved in the checkpoint either way, so it loads as a learned one.
      const nHeads = num(cfg, 'n_heads');
      return validateConfig({
        ...baseConfig,
        vocabSize: num(cfg, 'vocab_size'),
        dModel: num(cfg, 'dim'),
        nHeads,
        nKvHeads: nHeads,
        nLayers: num(cfg, 'n_layers'),
        dFF: num(cfg, 'hidden_dim'),
        maxPositions: num(cfg, 'max_position_embeddings'),
        positions: 'learned',
        normEps: 1e-12, // fixed in modeling_distilbert.py, not a config key
        preNorm: false,
        activation: activation(cfg.activation ?? 'gelu'),
        embeddingNorm: true,
        finalNorm: false,
        typeVocabSize: 0, // no segment embeddings
        lmHead: 'tied',
        mlmTransform: true,
      });
    }
    case 'llama': {
      // LlamaConfig's tie_word_embeddings defaults to false: lm_head is its own matrix unless the config says so.
      const tied = cfg.tie_word_embeddings === true;
      const nHeads = num(cfg, 'num_attention_heads');
      const d = num(cfg, 'hidden_size');
      if (cfg.head_dim !== undefined && cfg.head_dim !== d / nHeads) throw new ConfigError('config.json: head_dim other than hidden_size / heads is not supported');
      if (cfg.rope_scaling) throw new ConfigError('config.json: rope_scaling is not supported');
      if (cfg.hidden_act !== undefined && cfg.hidden_act !== 'silu') throw new ConfigError(`config.json: Llama with hidden_act ${JSON.stringify(cfg.hidden_act)} is not supported (only silu)`);
      if (cfg.mlp_bias === true) throw new ConfigError('config.json: Llama with mlp_bias is not supported');
      return validateConfig({
        ...baseConfig,
        vocabSize: num(cfg, 'vocab_size'),
        dModel: d,
        nHeads,
        nKvHeads: num(cfg, 'num_key_value_heads', nHeads),
        nLayers: num(cfg, 'num_hidden_layers'),
        dFF: num(cfg, 'intermediate_size'),
        maxPositions: num(cfg, 'max_position_embeddings', 2048),
        positions: 'rotary',
        ropeTheta: num(cfg, 'rope_theta', 10000),
        norm: 'rms',
        normEps: num(cfg, 'rms_norm_eps', 1e-6),
        preNorm: true,
        activation: 'swiglu',
        bias: cfg.attention_bias === true,
        causal: true,
        lmHead: tied ? 'tied' : 'separate',
      });
    }
    default:
      throw new ConfigError(`config.json: ${family} is not a text model`);
  }
}

/** VitConfig for a ViT config.json (ViTModel / ViTForImageClassification). */
export function vitConfigFromHf(cfg: HfConfig): VitConfig {
  if (familyOf(cfg) !== 'vit') throw new ConfigError('config.json: not a ViT');
  const nHeads = num(cfg, 'num_attention_heads');
  const labels = cfg.id2label && typeof cfg.id2label === 'object' ? Object.keys(cfg.id2label).length : 0;
  return vitConfig({
    dModel: num(cfg, 'hidden_size'),
    nHeads,
    nKvHeads: nHeads,
    nLayers: num(cfg, 'num_hidden_layers'),
    dFF: num(cfg, 'intermediate_size'),
    normEps: num(cfg, 'layer_norm_eps', 1e-12),
    activation: activation(cfg.hidden_act ?? 'gelu'),
    imageSize: num(cfg, 'image_size'),
    patchSize: num(cfg, 'patch_size'),
    channels: num(cfg, 'num_channels', 3),
    numClasses: num(cfg, 'num_labels', labels || 2),
  });
}
