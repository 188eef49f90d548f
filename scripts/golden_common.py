"""Shared by the model fixture generators: packing tensors, seeded weights, config presets.

Every value a fixture holds is float32 (weights are drawn in float32, so TypeScript loads them
exactly); every reference computation runs in float64, so the expected values carry no rounding
of their own beyond the final cast to float32.
"""
import base64
import json
import os

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'models')


def pack(t):
    """{shape, f32}: little-endian float32 bytes in base64 (masked -inf survives, JSON cannot hold it)."""
    a = t.detach().to(torch.float32).contiguous().numpy().astype('<f4')
    return {'shape': list(t.shape), 'f32': base64.b64encode(a.tobytes()).decode('ascii')}


def write_json(name, obj):
    os.makedirs(os.path.dirname(os.path.join(OUT, name)), exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(obj, f, separators=(',', ':'))
    print(f'{os.path.relpath(path)}: {os.path.getsize(path)} bytes')


class Draw:
    """Seeded float32 draws, widened to float64 leaves that require grad."""

    def __init__(self, seed):
        self.g = torch.Generator().manual_seed(seed)

    def normal(self, shape, std=1.0, mean=0.0):
        t = torch.randn(*shape, generator=self.g) * std + mean  # float32 arithmetic: exact in the fixture
        return t.double().requires_grad_()

    def ints(self, high, shape):
        return torch.randint(0, high, shape, generator=self.g)


def init_value(draw, name, shape):
    """Weights far from the fresh-init values (gains of 1, zero biases) so a swapped or ignored
    tensor changes the output; matrices scaled by 1/sqrt(fan-in) to keep activations O(1)."""
    leaf = name.split('.')[-1]
    in_norm = any(part.endswith('Norm') for part in name.split('.')[:-1])
    if in_norm and leaf == 'weight':
        return draw.normal(shape, 0.1, 1.0)
    if in_norm or len(shape) == 1:
        return draw.normal(shape, 0.1)
    if leaf in ('tokenEmbedding', 'positionEmbedding', 'typeEmbedding', 'cls', 'lmHead'):
        return draw.normal(shape, 0.5)
    if leaf in ('wq', 'wk'):
        return draw.normal(shape, 1.6 / shape[1] ** 0.5)  # sharper attention patterns than uniform
    return draw.normal(shape, 1.0 / shape[1] ** 0.5)


def norm_shapes(cfg, name):
    d = cfg['dModel']
    return [(f'{name}.weight', [d])] + ([] if cfg['norm'] == 'rms' else [(f'{name}.bias', [d])])


def attention_shapes(cfg, name):
    d, dh = cfg['dModel'], cfg['dModel'] // cfg['nHeads']
    dq, dkv = cfg['nHeads'] * dh, cfg['nKvHeads'] * dh
    s = [(f'{name}.wq', [dq, d]), (f'{name}.wk', [dkv, d]), (f'{name}.wv', [dkv, d]), (f'{name}.wo', [d, dq])]
    if cfg['bias']:
        s += [(f'{name}.bq', [dq]), (f'{name}.bk', [dkv]), (f'{name}.bv', [dkv]), (f'{name}.bo', [d])]
    return s


def block_shapes(cfg, l, cross):
    d, f, p = cfg['dModel'], cfg['dFF'], f'blocks.{l}'
    s = norm_shapes(cfg, f'{p}.attnNorm') + attention_shapes(cfg, f'{p}.attn')
    if cross:
        s += norm_shapes(cfg, f'{p}.crossNorm') + attention_shapes(cfg, f'{p}.cross')
    s += norm_shapes(cfg, f'{p}.ffnNorm') + [(f'{p}.ffn.up', [f, d]), (f'{p}.ffn.down', [d, f])]
    if cfg['activation'] == 'swiglu':
        s.append((f'{p}.ffn.gate', [f, d]))
    if cfg['bias']:
        s += [(f'{p}.ffn.upBias', [f]), (f'{p}.ffn.downBias', [d])]
    return s


def transformer_shapes(cfg, cross=False):
    """The names and shapes initTransformer (src/models/weights.ts) gives the same config."""
    d, V = cfg['dModel'], cfg['vocabSize']
    s = [('tokenEmbedding', [V, d])]
    for l in range(cfg['nLayers']):
        s += block_shapes(cfg, l, cross)
    if cfg['positions'] == 'learned':
        s.append(('positionEmbedding', [cfg['maxPositions'], d]))
    if cfg['typeVocabSize'] > 0:
        s.append(('typeEmbedding', [cfg['typeVocabSize'], d]))
    if cfg['embeddingNorm']:
        s += norm_shapes(cfg, 'embeddingNorm')
    if cfg['finalNorm']:
        s += norm_shapes(cfg, 'finalNorm')
    if cfg['lmHead'] == 'separate':
        s.append(('lmHead', [V, d]))
    if cfg['mlmTransform']:  # only BERT's decoder has an output bias
        s += [('lmHeadBias', [V]), ('mlmDense', [d, d]), ('mlmDenseBias', [d])] + norm_shapes(cfg, 'mlmNorm')
    return s


def vit_shapes(cfg):
    """The names and shapes initVit (src/models/vit.ts) gives the same config."""
    d, C, p = cfg['dModel'], cfg['channels'], cfg['patchSize']
    n = (cfg['imageSize'] // p) ** 2
    s = [('patchProjection', [d, C * p * p]), ('patchBias', [d]), ('cls', [1, d]), ('positionEmbedding', [1 + n, d])]
    for l in range(cfg['nLayers']):
        s += block_shapes(cfg, l, False)
    s += norm_shapes(cfg, 'finalNorm') + [('head', [cfg['numClasses'], d]), ('headBias', [cfg['numClasses']])]
    return s


def make_params(draw, shapes):
    return {name: init_value(draw, name, shape) for name, shape in shapes}


BASE = dict(
    vocabSize=0, dModel=64, nHeads=4, nKvHeads=4, nLayers=2, dFF=256, maxPositions=64, positions='learned',
    ropeTheta=10000, norm='layer', normEps=1e-5, preNorm=True, activation='gelu', bias=True, causal=False,
    embeddingNorm=False, finalNorm=True, typeVocabSize=0, lmHead='none', mlmTransform=False, dropout=0,
)


def config(**over):
    """A full TransformerConfig (src/models/config.ts baseConfig plus overrides)."""
    unknown = set(over) - set(BASE) - {'imageSize', 'patchSize', 'channels', 'numClasses'}
    assert not unknown, unknown
    return {**BASE, **over}
