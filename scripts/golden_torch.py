"""A Transformer written directly in batched PyTorch, the reference for test/models/*.test.ts.

It shares nothing with src/models but the weight names: parameters live in a dict keyed by the
dotted paths that `namedTensors(weights)` in src/models/weights.ts produces (`blocks.0.attn.wq`),
so a fixture's weights load into the TypeScript tree with `assignNamedTensors`. Where the
TypeScript code loops over heads and sequences, this file works on (B, H, T, dHead) tensors, uses
torch's own layer_norm / gelu / softmax / conv2d, and the Hugging Face "rotate half" rotary code.

A config is a dict with the fields of TransformerConfig (src/models/config.ts).
"""
import math

import torch
import torch.nn.functional as F

NEG_INF = float('-inf')


def rope(x, positions, theta):
    """Rotary embedding of x (B, H, T, dHead) as in transformers' Llama: x cos + rotate_half(x) sin."""
    dh = x.shape[-1]
    inv_freq = 1.0 / (theta ** (torch.arange(0, dh, 2, dtype=torch.float64) / dh))
    angles = positions.to(torch.float64)[..., None] * inv_freq  # (B, T, dHead/2)
    emb = torch.cat([angles, angles], dim=-1)[:, None]  # (B, 1, T, dHead)
    x1, x2 = x[..., : dh // 2], x[..., dh // 2:]
    return x * emb.cos() + torch.cat([-x2, x1], dim=-1) * emb.sin()


def attention(x, memory, w, n_heads, n_kv_heads, blocked=None, rope_theta=None, q_pos=None, k_pos=None):
    """Multi-head attention of x (B, T, d) over memory (B, S, d).

    w: dict with wq, wk, wv, wo and optional bq, bk, bv, bo. blocked: bool (B, T, S), True where a
    query may not look. Returns the output (B, T, d) and every step per head, each (B, H, ...).
    """
    B, T, _ = x.shape
    S = memory.shape[1]
    dh = w['wq'].shape[0] // n_heads
    q = F.linear(x, w['wq'], w.get('bq')).view(B, T, n_heads, dh).transpose(1, 2)  # (B, H, T, dh)
    k = F.linear(memory, w['wk'], w.get('bk')).view(B, S, n_kv_heads, dh).transpose(1, 2)  # (B, Hkv, S, dh)
    v = F.linear(memory, w['wv'], w.get('bv')).view(B, S, n_kv_heads, dh).transpose(1, 2)
    if rope_theta is not None:
        q, k = rope(q, q_pos, rope_theta), rope(k, k_pos, rope_theta)
    # Grouped-query attention: query head h reads key/value head h // group (transformers' repeat_kv).
    k = k.repeat_interleave(n_heads // n_kv_heads, dim=1)  # (B, H, S, dh)
    v = v.repeat_interleave(n_heads // n_kv_heads, dim=1)
    scores = q @ k.transpose(-1, -2)  # (B, H, T, S)
    scaled = scores / math.sqrt(dh)
    masked = scaled.masked_fill(blocked[:, None], NEG_INF) if blocked is not None else scaled
    weights = torch.softmax(masked, dim=-1)
    out = weights @ v  # (B, H, T, dh)
    y = F.linear(out.transpose(1, 2).reshape(B, T, n_heads * dh), w['wo'], w.get('bo'))
    steps = dict(q=q, k=k, v=v, scores=scores, scaled=scaled, masked=masked, weights=weights, out=out)
    return y, steps


def sub_dict(P, prefix):
    """The entries of P under `prefix.`, with the prefix removed."""
    return {k[len(prefix) + 1:]: v for k, v in P.items() if k.startswith(prefix + '.')}


def norm(cfg, x, P, name):
    if cfg['norm'] == 'rms':
        # Llama's RMSNorm: x / sqrt(mean(x^2) + eps) * weight
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + cfg['normEps']) * P[name + '.weight']
    return F.layer_norm(x, x.shape[-1:], P[name + '.weight'], P[name + '.bias'], cfg['normEps'])


def activate(cfg, x):
    return {'gelu': F.gelu, 'geluTanh': lambda t: F.gelu(t, approximate='tanh'), 'relu': F.relu}[cfg['activation']](x)


def feed_forward(cfg, x, P, pre):
    if cfg['activation'] == 'swiglu':
        hidden = F.linear(x, P[pre + 'gate'])
        act = F.silu(hidden) * F.linear(x, P[pre + 'up'])
    else:
        hidden = F.linear(x, P[pre + 'up'], P.get(pre + 'upBias'))
        act = activate(cfg, hidden)
    return hidden, act, F.linear(act, P[pre + 'down'], P.get(pre + 'downBias'))


def block(cfg, x, P, l, self_blocked, positions, memory=None, cross_blocked=None):
    """One block over x (B, T, d); returns the new stream and a record of every named step."""
    pre = f'blocks.{l}.'
    rec = {'input': x}
    normed = []

    def sublayer(inp, norm_name, f):
        if cfg['preNorm']:
            h = norm(cfg, inp, P, pre + norm_name)
            normed.append(h)
            out = f(h)
            return out, inp + out
        out = f(inp)
        return out, norm(cfg, inp + out, P, pre + norm_name)

    theta = cfg['ropeTheta'] if cfg['positions'] == 'rotary' else None
    heads = cfg['nHeads'], cfg['nKvHeads']

    def self_attn(h):
        y, rec['heads'] = attention(h, h, sub_dict(P, pre + 'attn'), *heads, self_blocked, theta, positions, positions)
        return y

    rec['attention'], x = sublayer(x, 'attnNorm', self_attn)
    rec['afterAttention'] = x
    if memory is not None:
        def cross_attn(h):
            y, rec['crossHeads'] = attention(h, memory, sub_dict(P, pre + 'cross'), *heads, cross_blocked)
            return y
        rec['cross'], x = sublayer(x, 'crossNorm', cross_attn)
        rec['afterCross'] = x
    ffn_parts = {}

    def ffn(h):
        ffn_parts['hidden'], ffn_parts['act'], out = feed_forward(cfg, h, P, pre + 'ffn.')
        return out

    rec['ffn'], x = sublayer(x, 'ffnNorm', ffn)
    rec['ffnHidden'], rec['ffnActivation'] = ffn_parts['hidden'], ffn_parts['act']
    if cfg['preNorm']:
        rec['attnNormed'], rec['ffnNormed'] = normed[0], normed[-1]
    rec['output'] = x
    return x, rec


def sinusoidal(T, d, offset=0):
    """PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(...), the usual exp/log form."""
    pos = torch.arange(offset, offset + T, dtype=torch.float64)[:, None]
    div = torch.exp(torch.arange(0, d, 2, dtype=torch.float64) * (-math.log(10000.0) / d))
    pe = torch.zeros(T, d, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos * div)
    pe[:, 1::2] = torch.cos(pos * div)
    return pe


def padding_blocked(lengths, T, S):
    """(B, T, S) True at keys past each sequence's length."""
    return torch.stack([(torch.arange(S) >= n).expand(T, S) for n in lengths])


def stack(cfg, x, P, lengths=None, offset=0, memory=None, memory_lengths=None):
    """The blocks (and final norm) over an embedded batch x (B, T, d)."""
    B, T, _ = x.shape
    blocked = torch.zeros(B, T, T, dtype=torch.bool)
    if cfg['causal']:
        blocked |= torch.ones(T, T, dtype=torch.bool).triu(1)
    if lengths is not None:
        blocked |= padding_blocked(lengths, T, T)
    cross = None
    if memory is not None and memory_lengths is not None:
        cross = padding_blocked(memory_lengths, T, memory.shape[1])
    positions = torch.arange(offset, offset + T).expand(B, T)
    layers = []
    for l in range(cfg['nLayers']):
        x, rec = block(cfg, x, P, l, blocked if blocked.any() else None, positions, memory, cross)
        layers.append(rec)
    if cfg['finalNorm']:
        x = norm(cfg, x, P, 'finalNorm')
    return x, layers


def forward(cfg, P, ids, lengths=None, token_types=None, offset=0, memory=None, memory_lengths=None, head=True):
    """ids (B, T) long. Returns logits (B, T, V) or hidden (B, T, d), hidden, and the record."""
    B, T = ids.shape
    tokens = P['tokenEmbedding'][ids]
    x = tokens
    pos = None
    if cfg['positions'] == 'learned':
        pos = P['positionEmbedding'][torch.arange(offset, offset + T)].expand(B, T, -1)
    elif cfg['positions'] == 'sinusoidal':
        pos = sinusoidal(T, cfg['dModel'], offset).expand(B, T, -1)
    if pos is not None:
        x = x + pos
    if 'typeEmbedding' in P:
        x = x + P['typeEmbedding'][token_types if token_types is not None else torch.zeros_like(ids)]
    if cfg['embeddingNorm']:
        x = norm(cfg, x, P, 'embeddingNorm')
    embedded = x
    hidden, layers = stack(cfg, x, P, lengths, offset, memory, memory_lengths)
    rec = {'tokenEmbeddings': tokens, 'positionEmbeddings': pos, 'embeddings': embedded, 'layers': layers, 'hidden': hidden}
    if not head or cfg['lmHead'] == 'none':
        return hidden, rec
    return lm_head(cfg, P, hidden), rec


def lm_head(cfg, P, h):
    if cfg['mlmTransform']:
        h = norm(cfg, activate(cfg, F.linear(h, P['mlmDense'], P['mlmDenseBias'])), P, 'mlmNorm')
    table = P['lmHead'] if cfg['lmHead'] == 'separate' else P['tokenEmbedding']
    return F.linear(h, table, P.get('lmHeadBias'))


def vit_forward(cfg, P, images):
    """images (B, C, H, W). Patches come from a stride-p Conv2d, as in the ViT paper's code."""
    d, C, p = cfg['dModel'], cfg['channels'], cfg['patchSize']
    conv_w = P['patchProjection'].view(d, C, p, p)  # (d, C*p*p) read as a (d, C, p, p) kernel
    patches = F.conv2d(images, conv_w, P['patchBias'], stride=p).flatten(2).transpose(1, 2)  # (B, N, d)
    B = images.shape[0]
    x = torch.cat([P['cls'].expand(B, 1, d), patches], dim=1) + P['positionEmbedding']  # (B, 1+N, d)
    hidden, layers = stack(cfg, x, P)
    logits = F.linear(hidden[:, 0], P['head'], P['headBias'])
    raw = F.unfold(images, p, stride=p).transpose(1, 2)  # (B, N, C*p*p): pixel vectors, (c, y, x) order
    return logits, {'patches': raw, 'patchEmbeddings': patches, 'embeddings': x, 'layers': layers, 'hidden': hidden}
