#!/usr/bin/python3
"""Writes the golden fixtures under test/fixtures/runtime/ that test/runtime/golden.test.ts reads.

Run with Debian's torch: /usr/bin/python3 scripts/gen_runtime_golden.py

Every case stores its inputs, the forward value, a random upstream gradient and the input
gradients torch.autograd gives for it. Inputs are rounded to 7 significant digits *before*
torch sees them, and both sides parse that same decimal into float32, so the runtime and
torch start from bit-identical inputs. References are computed in float64 from those float32
values: the "true" answer, which the float32 runtime must reach within ~1e-5. The optimiser
fixtures are the exception: they run torch's own float32 AdamW / clip_grad_norm_.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'runtime')
torch.manual_seed(1234)


def dec(values):
    """Rounds to 7 significant digits; +-inf and nan become strings (JSON has no such numbers)."""
    out = []
    for v in values:
        if math.isnan(v):
            out.append('NaN')
        elif math.isinf(v):
            out.append('Infinity' if v > 0 else '-Infinity')
        else:
            out.append(float(f'{v:.7g}'))
    return out


def from_dec(values, shape):
    """The float32 value the runtime will hold for these decimals, widened to float64."""
    floats = [float(v) if not isinstance(v, str) else float(v.replace('Infinity', 'inf')) for v in values]
    return torch.tensor(floats, dtype=torch.float32).reshape(shape).double()


def leaf(shape, scale=1.0, values=None):
    data = values if values is not None else (torch.randn(shape, dtype=torch.float64) * scale).flatten().tolist()
    d = dec(data)
    return {'shape': list(shape), 'data': d}, from_dec(d, shape).requires_grad_()


def case(op, name, inputs, fn, args=None, nan_rows_to_zero=False):
    """Runs fn on the named inputs, backpropagates a random upstream gradient, records all."""
    enc = {}
    tensors = {}
    for key, spec in inputs.items():
        enc[key], tensors[key] = leaf(*spec) if isinstance(spec, tuple) else spec
    out = fn(**tensors)
    up_json, up = leaf(tuple(out.shape))
    out.backward(up.detach())
    value = out.detach()
    grads = {k: t.grad for k, t in tensors.items()}
    if nan_rows_to_zero:
        # Our softmax maps a fully masked row to zeros (torch gives NaN); so do its gradients.
        value = torch.nan_to_num(value, nan=0.0)
        grads = {k: torch.nan_to_num(g, nan=0.0) for k, g in grads.items()}
    return {
        'op': op, 'name': name, 'args': args or {}, 'inputs': enc,
        'out': {'shape': list(value.shape), 'data': dec(value.flatten().tolist())},
        'upstream': up_json['data'],
        'grads': {k: dec(g.flatten().tolist()) for k, g in grads.items()},
    }


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
    print(f'{path}: {os.path.getsize(path)} bytes')


def elementwise():
    return [
        case('add', 'same shape', {'a': ((3, 4),), 'b': ((3, 4),)}, lambda a, b: a + b),
        case('add', 'bias (D) over (N, D)', {'a': ((5, 3),), 'b': ((3,),)}, lambda a, b: a + b),
        case('add', 'bias (1, D) over (N, D)', {'a': ((4, 3),), 'b': ((1, 3),)}, lambda a, b: a + b),
        case('add', '(T, T) over (H, T, T)', {'a': ((2, 3, 3),), 'b': ((3, 3),)}, lambda a, b: a + b),
        case('sub', 'same shape', {'a': ((3, 4),), 'b': ((3, 4),)}, lambda a, b: a - b),
        case('sub', 'bias (D) over (N, D)', {'a': ((4, 3),), 'b': ((3,),)}, lambda a, b: a - b),
        case('mul', 'same shape', {'a': ((3, 4),), 'b': ((3, 4),)}, lambda a, b: a * b),
        case('mul', 'row (D) over (N, D)', {'a': ((4, 5),), 'b': ((5,),)}, lambda a, b: a * b),
        case('scale', 'by 0.125', {'a': ((3, 4),)}, lambda a: a * 0.125, {'s': 0.125}),
        case('sum', 'matrix', {'a': ((4, 5),)}, lambda a: a.sum()),
        case('mean', 'rank 3', {'a': ((2, 3, 4),)}, lambda a: a.mean()),
    ]


def activations():
    # A spread that covers both tails, the erf series/continued-fraction switch (|x|/sqrt2 = 2.5)
    # and exact zero (relu's kink, where torch's gradient is 0).
    grid = [-9.0, -5.0, -3.5355339, -3.0, -1.0, -0.25, 0.0, 0.3, 1.0, 2.0, 3.5355339, 4.0, 7.5, 12.0]
    wide = ((2, len(grid)), 1.0, grid + [v * 0.37 for v in grid])
    cases = []
    for op, fn in [
        ('gelu', lambda x: F.gelu(x)),
        ('geluTanh', lambda x: F.gelu(x, approximate='tanh')),
        ('sigmoid', lambda x: torch.sigmoid(x)), ('silu', lambda x: F.silu(x)),
        ('tanh', lambda x: torch.tanh(x)), ('relu', lambda x: torch.relu(x)),
    ]:
        cases.append(case(op, 'grid', {'x': wide}, fn))
        cases.append(case(op, 'random', {'x': ((3, 5), 2.0)}, fn))
    points = [-6.0, -3.0, -2.5000001, -2.5, -1.0, -1e-3, 0.0, 1e-8, 0.5, 1.7, 2.4999999, 2.5, 2.6, 3.3, 4.0, 6.0]
    return {'cases': cases, 'erf': {'x': points, 'erf': [math.erf(v) for v in points]}}


def linalg():
    # Odd sizes so gemm's 4x4 panels hit their ragged edges in every direction.
    return [
        case('matmul', '(5, 7) x (7, 3)', {'a': ((5, 7),), 'b': ((7, 3),)}, lambda a, b: a @ b),
        case('matmul', '(6, 9) x (9, 5)', {'a': ((6, 9),), 'b': ((9, 5),)}, lambda a, b: a @ b),
        case('matmulT', '(6, 5) x (3, 5)^T', {'a': ((6, 5),), 'b': ((3, 5),)}, lambda a, b: a @ b.T),
        case('matmulT', '(4, 8) x (4, 8)^T', {'a': ((4, 8),), 'b': ((4, 8),)}, lambda a, b: a @ b.T),
        case('linear', 'with bias', {'x': ((5, 6),), 'weight': ((7, 6),), 'bias': ((7,),)},
             lambda x, weight, bias: F.linear(x, weight, bias)),
        case('linear', 'without bias', {'x': ((3, 9),), 'weight': ((5, 9),)}, lambda x, weight: F.linear(x, weight)),
        case('transpose', '(3, 5)', {'a': ((3, 5),)}, lambda a: a.T),
    ]


def shape_ops():
    ids = [2, 0, 2, 5, 2, 1]
    return [
        case('reshape', '(2, 6) -> (3, 4)', {'a': ((2, 6),)}, lambda a: a.reshape(3, 4), {'shape': [3, 4]}),
        case('sliceRows', 'rows 1..3 of (4, 2, 3)', {'a': ((4, 2, 3),)}, lambda a: a[1:3], {'start': 1, 'end': 3}),
        case('sliceCols', 'cols 2..5 of (3, 6)', {'a': ((3, 6),)}, lambda a: a[:, 2:5], {'start': 2, 'end': 5}),
        case('concatRows', 'three parts', {'p0': ((2, 3),), 'p1': ((1, 3),), 'p2': ((3, 3),)},
             lambda p0, p1, p2: torch.cat([p0, p1, p2], 0)),
        case('concatCols', 'three heads', {'p0': ((3, 2),), 'p1': ((3, 4),), 'p2': ((3, 1),)},
             lambda p0, p1, p2: torch.cat([p0, p1, p2], 1)),
        case('embedding', 'repeated ids', {'table': ((6, 4),)},
             lambda table: F.embedding(torch.tensor(ids), table), {'ids': ids}),
    ]


def softmax_ops():
    ninf = float('-inf')
    masked = torch.randn(3, 5, dtype=torch.float64).flatten().tolist()
    for i in (1, 3, 7, 8):  # scattered -inf entries in rows 0 and 1
        masked[i] = ninf
    masked[10:15] = [ninf] * 5  # row 2: every key masked
    causal = [1 if j > i else 0 for i in range(4) for j in range(4)]
    targets = [3, -100, 0, 4, -100, 1]
    return [
        case('softmax', 'plain rows', {'x': ((4, 6), 3.0)}, lambda x: torch.softmax(x, -1)),
        case('softmax', 'rank 3', {'x': ((2, 3, 4),)}, lambda x: torch.softmax(x, -1)),
        case('softmax', '-inf entries and a fully masked row', {'x': ((3, 5), 1.0, masked)},
             lambda x: torch.softmax(x, -1), nan_rows_to_zero=True),
        case('maskFill', 'causal over (2, 4, 4)', {'x': ((2, 4, 4),)},
             lambda x: x.masked_fill(torch.tensor(causal, dtype=torch.bool).reshape(4, 4), ninf),
             {'blocked': causal}),
        case('crossEntropy', 'ignore_index -100', {'logits': ((6, 5), 2.0)},
             lambda logits: F.cross_entropy(logits, torch.tensor(targets), ignore_index=-100),
             {'targets': targets}),
    ]


def rms_norm(x, gamma=None, eps=1e-5):
    y = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps)
    return y * gamma if gamma is not None else y


def norm_ops():
    return [
        case('layerNorm', 'affine', {'x': ((4, 6), 2.0), 'gamma': ((6,),), 'beta': ((6,),)},
             lambda x, gamma, beta: F.layer_norm(x, (6,), gamma, beta, 1e-5)),
        case('layerNorm', 'plain, rank 3, offset rows', {'x': ((2, 3, 5), 1.0,
             [v + 4.0 for v in torch.randn(30).tolist()])}, lambda x: F.layer_norm(x, (5,), eps=1e-5)),
        case('rmsNorm', 'with gain', {'x': ((4, 6), 2.0), 'gamma': ((6,),)}, rms_norm),
        case('rmsNorm', 'no gain, eps 1e-6', {'x': ((3, 4),)}, lambda x: rms_norm(x, None, 1e-6), {'eps': 1e-6}),
    ]


def hf_rope(x, n_heads, positions, theta):
    """Hugging Face LlamaRotaryEmbedding + apply_rotary_pos_emb, cos/sin built in float32 as HF does."""
    rows, width = x.shape
    d = width // n_heads
    inv_freq = 1.0 / (theta ** (torch.arange(0, d, 2, dtype=torch.int64).float() / d))
    freqs = torch.outer(torch.tensor(positions, dtype=torch.float32), inv_freq)
    emb = torch.cat([freqs, freqs], -1)
    cos, sin = emb.cos().double()[:, None, :], emb.sin().double()[:, None, :]
    xh = x.reshape(rows, n_heads, d)
    rotated = torch.cat([-xh[..., d // 2:], xh[..., : d // 2]], -1)
    return (xh * cos + rotated * sin).reshape(rows, width)


def rope_ops():
    pos_a = [0, 1, 2, 3, 4]
    pos_b = [7, 0, 31, 3]
    pos_c = [4095, 2047, 1000, 3]
    return [
        case('rope', '2 heads of 8, positions 0..4', {'x': ((5, 16),)},
             lambda x: hf_rope(x, 2, pos_a, 10000.0), {'nHeads': 2, 'positions': pos_a, 'theta': 10000}),
        case('rope', '3 heads of 4, shuffled positions, theta 500000', {'x': ((4, 12),)},
             lambda x: hf_rope(x, 3, pos_b, 500000.0), {'nHeads': 3, 'positions': pos_b, 'theta': 500000}),
        # Far positions magnify a 1-ulp difference in inv_freq into ~1e-4 of angle: HF's
        # float32 rounding order must be reproduced exactly.
        case('rope', 'one head of 32, positions up to 4095', {'x': ((4, 32),)},
             lambda x: hf_rope(x, 1, pos_c, 10000.0), {'nHeads': 1, 'positions': pos_c, 'theta': 10000}),
    ]


def f32(values):
    return [float(f'{v:.9g}') for v in values]  # optimiser values: float32 round-trip precision


def optim():
    shapes = {'W': (3, 4), 'b': (4,), 'tiny': (2, 2)}
    init = {k: torch.randn(s) for k, s in shapes.items()}
    params = {k: v.clone().requires_grad_() for k, v in init.items()}
    # Our default decay rule (rank >= 2) as torch parameter groups; 'tiny' gets ~1e-8 grads so eps matters.
    opt = torch.optim.AdamW([
        {'params': [params['W'], params['tiny']], 'weight_decay': 0.1},
        {'params': [params['b']], 'weight_decay': 0.0},
    ], lr=1e-2, betas=(0.9, 0.95), eps=1e-8)
    steps = []
    for n, lr in enumerate([1e-2, 3e-2, 2e-2, 5e-3, 1e-2]):
        grads = {k: torch.randn(s) * (1e-8 if k == 'tiny' else 1.0) for k, s in shapes.items()}
        if n < 2:
            del grads['b']  # unused in the first steps: torch neither moves nor ages it
        for k, p in params.items():
            p.grad = grads[k].clone() if k in grads else None
        for group in opt.param_groups:
            group['lr'] = lr
        opt.step()
        steps.append({'lr': lr, 'grads': {k: f32(g.flatten().tolist()) for k, g in grads.items()},
                      'after': {k: f32(p.detach().flatten().tolist()) for k, p in params.items()}})
    adamw = {'config': {'beta1': 0.9, 'beta2': 0.95, 'eps': 1e-8, 'weightDecay': 0.1},
             'shapes': {k: list(s) for k, s in shapes.items()},
             'init': {k: f32(v.flatten().tolist()) for k, v in init.items()}, 'steps': steps}

    clip = []
    for max_norm in [1.0, 100.0]:
        ps = [torch.zeros(s, requires_grad=True) for s in [(3, 4), (5,), (2, 2)]]
        grads = [torch.randn(p.shape) for p in ps]
        for p, g in zip(ps, grads):
            p.grad = g.clone()
        total = torch.nn.utils.clip_grad_norm_(ps, max_norm)
        clip.append({'maxNorm': max_norm, 'shapes': [list(p.shape) for p in ps],
                     'grads': [f32(g.flatten().tolist()) for g in grads], 'norm': float(total),
                     'clipped': [f32(p.grad.flatten().tolist()) for p in ps]})

    schedules = []
    for lr, warmup, total, min_lr in [(3e-3, 5, 20, 3e-4), (1e-3, 0, 10, 0.0), (6e-4, 1, 8, 6e-5)]:
        opt2 = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr)
        cosine = torch.optim.lr_scheduler.CosineAnnealingLR(opt2, T_max=total - warmup, eta_min=min_lr)
        if warmup > 1:
            # LinearLR from 1/warmup over warmup-1 steps gives lr * (step + 1) / warmup, step < warmup.
            linear = torch.optim.lr_scheduler.LinearLR(opt2, 1.0 / warmup, 1.0, total_iters=warmup - 1)
            sched = torch.optim.lr_scheduler.SequentialLR(opt2, [linear, cosine], milestones=[warmup])
        elif warmup == 1:
            linear = torch.optim.lr_scheduler.ConstantLR(opt2, factor=1.0, total_iters=0)
            sched = torch.optim.lr_scheduler.SequentialLR(opt2, [linear, cosine], milestones=[1])
        else:
            sched = cosine
        values = []
        for _ in range(total):
            values.append(opt2.param_groups[0]['lr'])
            opt2.step()
            sched.step()
        schedules.append({'lr': lr, 'warmup': warmup, 'total': total, 'minLr': min_lr, 'values': values})
    return {'adamw': adamw, 'clip': clip, 'warmupCosine': schedules}


M32 = 0xFFFFFFFF


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


def xoshiro128ss(state):
    """Vigna's reference xoshiro128** (prng.di.unimi.it/xoshiro128starstar.c), one uint32 per call."""
    s = list(state)
    while True:
        result = (rotl((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        yield result


def seeded_state(seed):
    """The runtime's seeding: four draws of a splitmix32-style mixer (murmur3 finaliser)."""
    x = seed & M32
    state = []
    for _ in range(4):
        x = (x + 0x9E3779B9) & M32
        z = x
        z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
        z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
        state.append(z ^ (z >> 16))
    return state


def rng():
    """Known answers that pin the stream: lessons, corpora and checkpoints are built from seeds."""
    reference = xoshiro128ss([1, 2, 3, 4])
    assert next(reference) == 11520  # rotl(2 * 5, 7) * 9, by hand: the port is the reference
    streams = {}
    for seed in [0, 1, 42, 4294967295]:
        gen = xoshiro128ss(seeded_state(seed))
        streams[str(seed)] = [next(gen) for _ in range(8)]
    # Box-Muller exactly as Rng.normal: u must be non-zero, cos first, sin cached for the next call.
    gen = xoshiro128ss(seeded_state(42))
    normals = []
    while len(normals) < 6:
        u = next(gen) / 4294967296
        if u == 0:
            continue
        v = next(gen) / 4294967296
        r = math.sqrt(-2 * math.log(u))
        normals += [r * math.cos(2 * math.pi * v), r * math.sin(2 * math.pi * v)]
    return {'uint32': streams, 'normal42': normals}


if __name__ == '__main__':
    import warnings
    warnings.filterwarnings('ignore')  # SequentialLR's deprecation chatter
    write('elementwise.json', {'cases': elementwise()})
    write('activations.json', activations())
    write('linalg.json', {'cases': linalg()})
    write('shape.json', {'cases': shape_ops()})
    write('softmax.json', {'cases': softmax_ops()})
    write('norm.json', {'cases': norm_ops()})
    write('rope.json', {'cases': rope_ops()})
    write('optim.json', optim())
    write('rng.json', rng())
