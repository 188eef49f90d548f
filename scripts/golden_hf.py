"""Tiny BertForMaskedLM and ViTForImageClassification written by hand after transformers'
modeling_bert.py and modeling_vit.py (the package is not installed here), so that their
state_dict() names are Hugging Face's own, plus a safetensors writer, for the loader tests
in test/models/hf-*.test.ts.
"""
import json
import math
import os
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_common import OUT, Draw, pack, write_json


def write_safetensors(path, tensors):
    """u64 LE header length, JSON header {name: {dtype, shape, data_offsets}} padded with spaces
    to 8 bytes, then the raw little-endian float32 data, tensors in name order."""
    header, blobs, offset = {'__metadata__': {'format': 'pt'}}, [], 0
    for name in sorted(tensors):
        data = tensors[name].detach().to(torch.float32).contiguous().numpy().astype('<f4').tobytes()
        header[name] = {'dtype': 'F32', 'shape': list(tensors[name].shape), 'data_offsets': [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(',', ':')).encode()
    text += b' ' * (-len(text) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text + b''.join(blobs))
    print(f'{os.path.relpath(path)}: {os.path.getsize(path)} bytes')


def randomize(model, seed):
    """Float32 draws far from the fresh-init values, so a swapped or skipped tensor shows."""
    draw = Draw(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            norm = 'layernorm' in name.lower()
            if norm and name.endswith('weight'):
                v = draw.normal(p.shape, 0.1, 1.0)
            elif p.dim() == 1 or norm:
                v = draw.normal(p.shape, 0.1)
            elif 'embedding' in name or 'cls_token' in name:
                v = draw.normal(p.shape, 0.5)
            else:
                v = draw.normal(p.shape, (1.6 if ('query' in name or 'key' in name) else 1.0) / math.sqrt(p[0].numel()))
            p.copy_(v)
    return model.double()


class SelfAttention(nn.Module):
    """BertSelfAttention / ViTSelfAttention: query, key, value, scaled dot product plus an additive mask."""

    def __init__(self, d, H):
        super().__init__()
        self.H, self.dh = H, d // H
        self.query, self.key, self.value = nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d)

    def forward(self, h, additive_mask=None):
        B, T, d = h.shape
        split = lambda t: t.view(B, T, self.H, self.dh).permute(0, 2, 1, 3)  # transpose_for_scores
        q, k, v = split(self.query(h)), split(self.key(h)), split(self.value(h))
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.dh)
        if additive_mask is not None:
            scores = scores + additive_mask
        probs = F.softmax(scores, dim=-1)
        return (probs @ v).permute(0, 2, 1, 3).reshape(B, T, d), probs


class DenseNorm(nn.Module):
    """BertSelfOutput / BertOutput: LayerNorm(dense(h) + residual)."""

    def __init__(self, d_in, d, eps):
        super().__init__()
        self.dense, self.LayerNorm = nn.Linear(d_in, d), nn.LayerNorm(d, eps=eps)

    def forward(self, h, residual):
        return self.LayerNorm(self.dense(h) + residual)


class Dense(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.dense = nn.Linear(d_in, d_out)


class BertAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.self = SelfAttention(c['hidden_size'], c['num_attention_heads'])
        self.output = DenseNorm(c['hidden_size'], c['hidden_size'], c['layer_norm_eps'])


class BertLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        d, f, eps = c['hidden_size'], c['intermediate_size'], c['layer_norm_eps']
        self.attention, self.intermediate, self.output = BertAttention(c), Dense(d, f), DenseNorm(f, d, eps)

    def forward(self, h, mask):
        ctx, probs = self.attention.self(h, mask)
        a = self.attention.output(ctx, h)
        return self.output(F.gelu(self.intermediate.dense(a)), a), probs


class BertEmbeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c['hidden_size']
        self.word_embeddings = nn.Embedding(c['vocab_size'], d)
        self.position_embeddings = nn.Embedding(c['max_position_embeddings'], d)
        self.token_type_embeddings = nn.Embedding(c['type_vocab_size'], d)
        self.LayerNorm = nn.LayerNorm(d, eps=c['layer_norm_eps'])

    def forward(self, ids, types):
        pos = torch.arange(ids.shape[1])[None]
        return self.LayerNorm(self.word_embeddings(ids) + self.token_type_embeddings(types) + self.position_embeddings(pos))


class BertModel(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.embeddings = BertEmbeddings(c)
        self.encoder = nn.Module()
        self.encoder.layer = nn.ModuleList(BertLayer(c) for _ in range(c['num_hidden_layers']))

    def forward(self, ids, attention_mask, types):
        # get_extended_attention_mask: 0 where attended, the dtype's minimum where padded.
        mask = (1.0 - attention_mask[:, None, None, :].double()) * torch.finfo(torch.float64).min
        h = self.embeddings(ids, types)
        hidden, attentions = [h], []
        for layer in self.encoder.layer:
            h, probs = layer(h, mask)
            hidden.append(h)
            attentions.append(probs)
        return hidden, attentions


class BertForMaskedLM(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c['hidden_size']
        self.bert = BertModel(c)
        self.cls = nn.Module()
        self.cls.predictions = nn.Module()
        p = self.cls.predictions
        p.transform = DenseNorm(d, d, c['layer_norm_eps'])
        p.bias = nn.Parameter(torch.zeros(c['vocab_size']))
        # The decoder's weight is the word embedding table (tied), its bias is predictions.bias.

    def forward(self, ids, attention_mask, types):
        hidden, attentions = self.bert(ids, attention_mask, types)
        t = self.cls.predictions.transform
        x = t.LayerNorm(F.gelu(t.dense(hidden[-1])))  # BertPredictionHeadTransform
        logits = x @ self.bert.embeddings.word_embeddings.weight.T + self.cls.predictions.bias
        return logits, hidden, attentions


BERT_CONFIG = {
    'architectures': ['BertForMaskedLM'], 'model_type': 'bert', 'attention_probs_dropout_prob': 0.1,
    'hidden_act': 'gelu', 'hidden_dropout_prob': 0.1, 'hidden_size': 32, 'initializer_range': 0.02,
    'intermediate_size': 64, 'layer_norm_eps': 1e-12, 'max_position_embeddings': 16, 'num_attention_heads': 4,
    'num_hidden_layers': 2, 'pad_token_id': 0, 'position_embedding_type': 'absolute', 'torch_dtype': 'float32',
    'type_vocab_size': 2, 'vocab_size': 30,
}


def save(folder, config, model, expected):
    path = os.path.join(OUT, folder)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, 'config.json'), 'w') as f:
        json.dump(config, f, indent=2)
    write_safetensors(os.path.join(path, 'model.safetensors'), model.state_dict())
    write_json(os.path.join(folder, 'expected.json'), expected)


def bert_fixture():
    torch.manual_seed(0)
    model = randomize(BertForMaskedLM(BERT_CONFIG), 70)
    draw = Draw(71)
    ids, types = draw.ints(30, (2, 7)), draw.ints(2, (2, 7))
    lengths = [7, 4]
    for b, n in enumerate(lengths):
        ids[b, n:] = 0
    mask = torch.tensor([[1 if t < n else 0 for t in range(7)] for n in lengths])
    with torch.no_grad():
        logits, hidden, attentions = model(ids, mask, types)
    save('hf-bert-tiny', BERT_CONFIG, model, {
        'ids': ids.tolist(), 'tokenTypes': types.tolist(), 'lengths': lengths, 'logits': pack(logits),
        'hiddenStates': [pack(h) for h in hidden], 'attentions': [pack(a) for a in attentions],
    })


class ViTLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        d, f, eps = c['hidden_size'], c['intermediate_size'], c['layer_norm_eps']
        self.attention = nn.Module()
        self.attention.attention = SelfAttention(d, c['num_attention_heads'])
        self.attention.output = Dense(d, d)  # ViTSelfOutput: no residual or norm inside
        self.intermediate, self.output = Dense(d, f), Dense(f, d)
        self.layernorm_before, self.layernorm_after = nn.LayerNorm(d, eps=eps), nn.LayerNorm(d, eps=eps)

    def forward(self, h):
        ctx, probs = self.attention.attention(self.layernorm_before(h))
        h = self.attention.output.dense(ctx) + h
        out = self.output.dense(F.gelu(self.intermediate.dense(self.layernorm_after(h)))) + h
        return out, probs


class ViTForImageClassification(nn.Module):
    def __init__(self, c):
        super().__init__()
        d, p = c['hidden_size'], c['patch_size']
        n = (c['image_size'] // p) ** 2
        self.vit = nn.Module()
        e = self.vit.embeddings = nn.Module()
        e.cls_token = nn.Parameter(torch.zeros(1, 1, d))
        e.patch_embeddings = nn.Module()
        e.patch_embeddings.projection = nn.Conv2d(c['num_channels'], d, kernel_size=p, stride=p)
        e.position_embeddings = nn.Parameter(torch.zeros(1, n + 1, d))
        self.vit.encoder = nn.Module()
        self.vit.encoder.layer = nn.ModuleList(ViTLayer(c) for _ in range(c['num_hidden_layers']))
        self.vit.layernorm = nn.LayerNorm(d, eps=c['layer_norm_eps'])
        self.classifier = nn.Linear(d, len(c['id2label']))

    def forward(self, pixels):
        e = self.vit.embeddings
        x = e.patch_embeddings.projection(pixels).flatten(2).transpose(1, 2)  # ViTPatchEmbeddings
        x = torch.cat([e.cls_token.expand(x.shape[0], -1, -1), x], dim=1) + e.position_embeddings
        attentions = []
        for layer in self.vit.encoder.layer:
            x, probs = layer(x)
            attentions.append(probs)
        x = self.vit.layernorm(x)
        return self.classifier(x[:, 0]), x, attentions


VIT_CONFIG = {
    'architectures': ['ViTForImageClassification'], 'model_type': 'vit', 'attention_probs_dropout_prob': 0.0,
    'encoder_stride': 4, 'hidden_act': 'gelu', 'hidden_dropout_prob': 0.0, 'hidden_size': 32,
    'id2label': {str(i): name for i, name in enumerate(['circle', 'square', 'cross', 'line', 'dot'])},
    'label2id': {name: i for i, name in enumerate(['circle', 'square', 'cross', 'line', 'dot'])},
    'image_size': 12, 'initializer_range': 0.02, 'intermediate_size': 64, 'layer_norm_eps': 1e-12,
    'num_attention_heads': 4, 'num_channels': 3, 'num_hidden_layers': 2, 'patch_size': 4, 'qkv_bias': True,
    'torch_dtype': 'float32',
}


def vit_fixture():
    torch.manual_seed(0)
    model = randomize(ViTForImageClassification(VIT_CONFIG), 80)
    pixels = Draw(81).normal((2, 3, 12, 12)).detach()
    with torch.no_grad():
        logits, hidden, attentions = model(pixels)
    save('hf-vit-tiny', VIT_CONFIG, model, {
        'pixels': pack(pixels), 'logits': pack(logits), 'lastHidden': pack(hidden),
        'attentions': [pack(a) for a in attentions],
    })
