#!/usr/bin/python3
"""Golden fixtures for the Transformer models (src/models/*.ts, src/checkpoints/hf-*.ts).

Writes test/fixtures/models/, which test/models/*.test.ts reproduce with the TypeScript runtime:

  attention.json     multiHeadAttention with no mask, causal, padding (B=2), cross (T != S),
                     grouped-query and rotary: output, every per-head step, gradients of
                     sum(output * R); the plain cases also through torch's own
                     F.multi_head_attention_forward (nn.MultiheadAttention) as a second opinion.
  arch_*.json        whole models under our own weight names (golden_torch.py): BERT-like,
                     GPT-like, Llama-like, sinusoidal, encoder-decoder, ViT: logits, hidden
                     states, a per-layer trace, and gradients of a training loss.
  hf-bert-tiny/, hf-vit-tiny/   Hugging Face layout (golden_hf.py): config.json,
                     model.safetensors and expected.json.

Run: /usr/bin/python3 scripts/gen_model_golden.py   (Debian's python3-torch 1.13; no transformers)
"""
import torch
import torch.nn.functional as F

import golden_hf
import golden_torch as ref
from golden_common import Draw, attention_shapes, config, make_params, pack, transformer_shapes, vit_shapes, write_json

HEAD_STEPS = ('q', 'k', 'v', 'scores', 'scaled', 'masked', 'weights', 'out')
LAYER_STEPS = ('input', 'attnNormed', 'attention', 'afterAttention', 'cross', 'afterCross',
               'ffnNormed', 'ffnHidden', 'ffnActivation', 'ffn', 'output')


def pack_heads(steps, b):
    return {k: pack(steps[k][b]) for k in HEAD_STEPS}  # each (H, T, .)


def pack_trace(rec, b):
    """One sequence's record in the shape of TransformerTrace / VitTrace."""
    layers = []
    for layer in rec['layers']:
        out = {k: pack(layer[k][b]) for k in LAYER_STEPS if layer.get(k) is not None}
        out['heads'] = pack_heads(layer['heads'], b)
        if 'crossHeads' in layer:
            out['crossHeads'] = pack_heads(layer['crossHeads'], b)
        layers.append(out)
    top = {k: pack(rec[k][b]) for k in ('tokenEmbeddings', 'positionEmbeddings', 'embeddings', 'hidden', 'patches', 'patchEmbeddings')
           if rec.get(k) is not None}
    return {**top, 'layers': layers}


def attention_case(name, seed, d=16, H=4, Hkv=None, B=1, T=5, S=None, lengths=None, causal=False, rope_offset=None):
    draw = Draw(seed)
    Hkv = Hkv or H
    cross = S is not None
    S = S if cross else T
    cfg = config(dModel=d, nHeads=H, nKvHeads=Hkv)
    w = make_params(draw, [(n.split('.')[-1], s) for n, s in attention_shapes(cfg, 'attn')])  # wq, wk, ...
    x = draw.normal((B, T, d))
    memory = draw.normal((B, S, d)) if cross else x
    blocked = torch.zeros(B, T, S, dtype=torch.bool)
    if causal:
        blocked |= torch.ones(T, S, dtype=torch.bool).triu(1)
    if lengths is not None:
        blocked |= ref.padding_blocked(lengths, T, S)
    pos = None
    if rope_offset is not None:
        pos = torch.arange(rope_offset, rope_offset + T).expand(B, T)
    y, steps = ref.attention(x, memory, w, H, Hkv, blocked if blocked.any() else None,
                             10000.0 if pos is not None else None, pos, pos)
    R = draw.normal((B, T, d)).detach()
    (y * R).sum().backward()
    inputs = [('x', x)] + ([('memory', memory)] if cross else [])
    case = {
        'name': name, 'd': d, 'nHeads': H, 'nKvHeads': Hkv, 'B': B, 'T': T, 'S': S, 'cross': cross,
        'causal': causal, 'lengths': lengths,
        'blocked': [blocked[b].flatten().int().tolist() for b in range(B)] if blocked.any() else None,
        'rope': {'theta': 10000, 'positions': pos[0].tolist()} if pos is not None else None,
        'weights': {k: pack(v) for k, v in w.items()},
        'x': pack(x.view(B * T, d)), 'memory': pack(memory.view(B * S, d)), 'R': pack(R.view(B * T, d)),
        'output': pack(y.view(B * T, d)),
        'heads': [pack_heads(steps, b) for b in range(B)],
        'grads': {**{k: pack(v.grad) for k, v in w.items()}, **{k: pack(v.grad.view(-1, d)) for k, v in inputs}},
    }
    if Hkv == H and pos is None:
        case['torchMha'] = torch_mha(x, memory, w, H, causal, lengths, y, steps)
    return case


def torch_mha(x, memory, w, H, causal, lengths, y, steps):
    """The same attention through torch's nn.MultiheadAttention kernel (sequence-first layout)."""
    B, T, d = x.shape
    S = memory.shape[1]
    with torch.no_grad():
        out, weights = F.multi_head_attention_forward(
            x.transpose(0, 1), memory.transpose(0, 1), memory.transpose(0, 1), d, H,
            torch.cat([w['wq'], w['wk'], w['wv']]), torch.cat([w['bq'], w['bk'], w['bv']]), None, None, False, 0.0,
            w['wo'], w['bo'], training=False,
            key_padding_mask=(torch.arange(S)[None] >= torch.tensor(lengths)[:, None]) if lengths else None,
            need_weights=True, attn_mask=torch.ones(T, S, dtype=torch.bool).triu(1) if causal else None,
            average_attn_weights=False)
    out = out.transpose(0, 1)
    assert torch.allclose(out, y, atol=1e-12) and torch.allclose(weights, steps['weights'], atol=1e-12)
    return {'output': pack(out.reshape(B * T, d)), 'weights': [pack(weights[b]) for b in range(B)]}


def attention_fixture():
    write_json('attention.json', {'cases': [
        attention_case('plain', 1),
        attention_case('causal', 2, causal=True, T=6),
        attention_case('padding', 3, B=2, T=6, lengths=[6, 4]),
        attention_case('cross', 4, T=5, S=7, H=2),
        attention_case('cross-padded', 5, B=2, T=4, S=6, lengths=[6, 3], H=2),
        attention_case('grouped-query', 6, H=4, Hkv=2, causal=True),
        attention_case('rotary', 7, H=2, Hkv=1, rope_offset=3, causal=True, d=16),
    ]})


def loss_grads(P, loss, names):
    loss.backward()
    return {'loss': loss.item(), 'grads': {n: pack(P[n].grad) for n in names}}


def text_fixture(name, seed, cfg, B, T, lengths=None, types=False, offset_run=False, loss=None, trace_b=0, grads=()):
    """One decoder/encoder stack: batched logits, a traced sequence, a loss and its gradients."""
    draw = Draw(seed)
    P = make_params(draw, transformer_shapes(cfg))
    ids = draw.ints(cfg['vocabSize'], (B, T))
    tt = draw.ints(cfg['typeVocabSize'], (B, T)) if types else None
    if lengths:
        for b, n in enumerate(lengths):
            ids[b, n:] = 0  # the pad id, as a tokenizer would write it
    logits, rec = ref.forward(cfg, P, ids, lengths, tt)
    run = {'ids': ids.tolist(), 'lengths': lengths, 'tokenTypes': tt.tolist() if tt is not None else None,
           'logits': pack(logits.reshape(B * T, -1)), 'hidden': pack(rec['hidden'].reshape(B * T, -1))}
    fx = {'config': cfg, 'weights': {k: pack(v) for k, v in P.items()}, 'run': run}
    tr = pack_trace(rec, trace_b)
    tr.update({'ids': ids[trace_b].tolist(), 'lengths': [lengths[trace_b]] if lengths else None,
               'tokenTypes': [tt[trace_b].tolist()] if tt is not None else None, 'logits': pack(logits[trace_b])})
    fx['trace'] = tr
    if offset_run:
        off_ids = draw.ints(cfg['vocabSize'], (1, 4))
        off_logits, off_rec = ref.forward(cfg, P, off_ids, offset=3)
        # Rotary attention only sees relative positions, so the offset shows in the traced q and k, not the logits.
        fx['offsetRun'] = {'ids': off_ids.tolist(), 'positionOffset': 3, 'logits': pack(off_logits[0])}
        if cfg['positions'] == 'rotary':
            fx['offsetRun']['layers'] = pack_trace(off_rec, 0)['layers']
    if loss == 'mlm':
        rows, targets = [1, 4, 8, 10, 11], [5, 17, -100, 3, 29]  # flattened (b * T + t) rows
        flat = logits.reshape(B * T, -1)[rows]
        out = loss_grads(P, F.cross_entropy(flat, torch.tensor(targets), ignore_index=-100), grads)
        fx['loss'] = {'headRows': rows, 'targets': targets, **out}
    elif loss == 'next':
        targets = torch.cat([ids[:, 1:], torch.full((B, 1), -100)], dim=1)
        targets[1, T - 3:] = -100  # a shorter second sequence: its tail is padding
        out = loss_grads(P, F.cross_entropy(logits.reshape(B * T, -1), targets.flatten(), ignore_index=-100), grads)
        fx['loss'] = {'headRows': None, 'targets': targets.flatten().tolist(), **out}
    write_json(f'arch_{name}.json', fx)


def encdec_fixture():
    """Vaswani's layout: post-norm, sinusoidal positions, ReLU; source and target padded."""
    draw = Draw(50)
    common = dict(dModel=16, nHeads=2, nKvHeads=2, nLayers=2, dFF=32, maxPositions=16, positions='sinusoidal',
                  preNorm=False, finalNorm=False, activation='relu')
    enc_cfg = config(vocabSize=30, **common)
    dec_cfg = config(vocabSize=24, causal=True, lmHead='separate', **common)
    Pe = make_params(draw, transformer_shapes(enc_cfg))
    Pd = make_params(draw, transformer_shapes(dec_cfg, cross=True))
    B, S, T, src_len, tgt_len = 2, 7, 5, [7, 4], [5, 3]
    src, tgt = draw.ints(30, (B, S)), draw.ints(24, (B, T))
    for b in range(B):
        src[b, src_len[b]:] = 0
        tgt[b, tgt_len[b]:] = 0
    memory, enc_rec = ref.forward(enc_cfg, Pe, src, src_len)
    logits, dec_rec = ref.forward(dec_cfg, Pd, tgt, tgt_len, memory=memory, memory_lengths=src_len)
    targets = draw.ints(24, (B, T))
    for b in range(B):
        targets[b, tgt_len[b]:] = -100
    loss = F.cross_entropy(logits.reshape(B * T, -1), targets.flatten(), ignore_index=-100)
    loss.backward()
    enc_grads = ('tokenEmbedding', 'blocks.0.attn.wq', 'blocks.1.ffn.down', 'blocks.1.ffnNorm.weight')
    dec_grads = ('tokenEmbedding', 'lmHead', 'blocks.0.cross.wk', 'blocks.1.cross.wq', 'blocks.1.crossNorm.bias', 'blocks.0.attn.wv')
    write_json('arch_encdec.json', {
        'encoderConfig': enc_cfg, 'decoderConfig': dec_cfg,
        'encoderWeights': {k: pack(v) for k, v in Pe.items()}, 'decoderWeights': {k: pack(v) for k, v in Pd.items()},
        'source': src.tolist(), 'target': tgt.tolist(), 'sourceLengths': src_len, 'targetLengths': tgt_len,
        'logits': pack(logits.reshape(B * T, -1)), 'memory': pack(memory.reshape(B * S, -1)),
        'trace': {'b': 1, 'encoder': pack_trace(enc_rec, 1), 'decoder': pack_trace(dec_rec, 1)},  # the padded pair
        'loss': {'targets': targets.flatten().tolist(), 'loss': loss.item(),
                 'encoderGrads': {n: pack(Pe[n].grad) for n in enc_grads},
                 'decoderGrads': {n: pack(Pd[n].grad) for n in dec_grads}},
    })


def vit_fixture():
    draw = Draw(60)
    cfg = config(dModel=16, nHeads=2, nKvHeads=2, nLayers=2, dFF=32, positions='none', normEps=1e-6,
                 imageSize=12, patchSize=4, channels=3, numClasses=5)
    cfg['maxPositions'] = 1 + (12 // 4) ** 2
    P = make_params(draw, vit_shapes(cfg))
    images = draw.normal((2, 3, 12, 12)).detach()
    logits, rec = ref.vit_forward(cfg, P, images)
    labels = [3, 1]
    loss = F.cross_entropy(logits, torch.tensor(labels))
    loss.backward()
    grads = ('patchProjection', 'patchBias', 'cls', 'positionEmbedding', 'blocks.0.attn.wq', 'blocks.1.ffn.up', 'head')
    write_json('arch_vit.json', {
        'config': cfg, 'weights': {k: pack(v) for k, v in P.items()}, 'images': pack(images),
        'logits': pack(logits), 'trace': pack_trace(rec, 0),
        'loss': {'labels': labels, 'loss': loss.item(), 'grads': {n: pack(P[n].grad) for n in grads}},
    })


def main():
    torch.manual_seed(0)
    attention_fixture()
    text_fixture('bert', 10, config(
        vocabSize=30, dModel=24, nHeads=4, nKvHeads=4, dFF=48, maxPositions=16, normEps=1e-12, preNorm=False,
        embeddingNorm=True, finalNorm=False, typeVocabSize=2, lmHead='tied', mlmTransform=True),
        B=2, T=7, lengths=[7, 5], types=True, offset_run=True, loss='mlm', trace_b=1,
        grads=('tokenEmbedding', 'positionEmbedding', 'typeEmbedding', 'embeddingNorm.weight', 'blocks.0.attn.wq',
               'blocks.0.attn.bk', 'blocks.1.attn.wv', 'blocks.1.ffn.down', 'blocks.0.attnNorm.weight',
               'blocks.1.ffnNorm.bias', 'mlmDense', 'mlmNorm.weight', 'lmHeadBias'))
    text_fixture('gpt', 20, config(
        vocabSize=30, dModel=16, nHeads=2, nKvHeads=2, dFF=64, maxPositions=16, activation='geluTanh',
        causal=True, lmHead='tied'),
        B=2, T=6, offset_run=True, loss='next',
        grads=('tokenEmbedding', 'positionEmbedding', 'blocks.0.attn.wq', 'blocks.0.attn.bo', 'blocks.1.attn.wk',
               'blocks.1.ffn.up', 'blocks.0.ffn.downBias', 'blocks.1.attnNorm.weight', 'finalNorm.bias'))
    text_fixture('llama', 30, config(
        vocabSize=30, dModel=24, nHeads=4, nKvHeads=2, dFF=40, maxPositions=64, positions='rotary', norm='rms',
        normEps=1e-6, activation='swiglu', bias=False, causal=True, lmHead='separate'),
        B=2, T=6, offset_run=True, loss='next',
        grads=('tokenEmbedding', 'lmHead', 'blocks.0.attn.wq', 'blocks.0.attn.wk', 'blocks.1.attn.wv',
               'blocks.1.ffn.gate', 'blocks.0.ffn.up', 'blocks.0.attnNorm.weight', 'finalNorm.weight'))
    text_fixture('sinusoidal', 40, config(
        vocabSize=30, dModel=16, nHeads=4, nKvHeads=4, dFF=32, maxPositions=16, positions='sinusoidal',
        activation='relu', causal=True, lmHead='separate'),
        B=2, T=6, lengths=[6, 4], offset_run=True, loss='next',
        grads=('tokenEmbedding', 'lmHead', 'blocks.0.attn.wq', 'blocks.1.attn.bv', 'blocks.0.ffn.up', 'blocks.1.ffnNorm.weight'))
    encdec_fixture()
    vit_fixture()
    golden_hf.bert_fixture()
    golden_hf.vit_fixture()


if __name__ == '__main__':
    main()
