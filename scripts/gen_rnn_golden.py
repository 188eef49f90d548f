#!/usr/bin/python3
"""Golden fixtures for the recurrent models (src/models/rnn*.ts, src/models/seq2seq.ts).

Writes test/fixtures/rnn/*.json: weights, inputs, outputs and gradients computed by PyTorch,
which the Vitest suites in test/models/ reproduce with the TypeScript runtime.

  cell_{rnn,lstm,gru}.json  torch.nn.RNNCell / LSTMCell / GRUCell unrolled over a few steps:
                            states, gradients w.r.t. parameters, inputs, initial state and
                            every per-step state (dL/dh_t, the lessons' BPTT probes), plus
                            nn.RNN/LSTM/GRU over a packed, right-padded batch (both directions)
                            for the runner's `lengths` handling.
  seq2seq_bahdanau.json     the encoder-decoder of src/models/seq2seq.ts written out by hand
  seq2seq_noattn.json       (bidirectional with attention; unidirectional without): logits,
                            alignment weights, loss, gradients of every parameter, greedy decode.

Weights are drawn in float32 (so the JSON holds them exactly) and everything is then computed
in float64, so the references carry no rounding of their own.

Run: /usr/bin/python3 scripts/gen_rnn_golden.py   (Debian's python3-torch 1.13)
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'rnn')
CELLS = {'rnn': nn.RNNCell, 'lstm': nn.LSTMCell, 'gru': nn.GRUCell}
LAYERS = {'rnn': nn.RNN, 'lstm': nn.LSTM, 'gru': nn.GRU}


def pack(t):
    """{shape, data}: float32 values print exactly with 9 significant digits."""
    return {'shape': list(t.shape), 'data': [float('%.9g' % v) for v in t.detach().reshape(-1).tolist()]}


def write(name, obj):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(obj, f, separators=(',', ':'))
    print(f'{path}: {os.path.getsize(path)} bytes')


def cell_fixture(kind, I=3, H=4, B=2, T=4, seed=0):
    torch.manual_seed(seed)
    cell = CELLS[kind](I, H).double()  # weights drawn in float32 by reset_parameters, then widened
    def leaf(*shape):
        return torch.randn(*shape).double().requires_grad_()  # float32 draws, held exactly

    xs, h0 = leaf(T, B, I), leaf(B, H)
    c0 = leaf(B, H) if kind == 'lstm' else None
    R = torch.randn(T, B, H).double()  # loss = sum_t <R_t, h_t>, so every step matters
    h, c, hs, cs = h0, c0, [], []
    for t in range(T):
        if kind == 'lstm':
            h, c = cell(xs[t], (h, c))
            c.retain_grad()
            cs.append(c)
        else:
            h = cell(xs[t], h)
        h.retain_grad()
        hs.append(h)
    loss = sum((hs[t] * R[t]).sum() for t in range(T))
    loss.backward()
    fx = {
        'kind': kind, 'inputSize': I, 'hiddenSize': H, 'B': B, 'T': T,
        'params': {n: pack(p) for n, p in cell.named_parameters()},
        'x': pack(xs), 'h0': pack(h0), 'R': pack(R),
        'h': pack(torch.stack(hs)), 'loss': loss.item(),
        'grads': {n: pack(p.grad) for n, p in cell.named_parameters()},
        'dx': pack(xs.grad), 'dh0': pack(h0.grad), 'dh': pack(torch.stack([v.grad for v in hs])),
    }
    if kind == 'lstm':
        fx.update({'c0': pack(c0), 'c': pack(torch.stack(cs)), 'dc0': pack(c0.grad), 'dc': pack(torch.stack([v.grad for v in cs]))})
    fx['packed'] = packed_fixture(kind, cell, xs.detach(), [T, T // 2])
    return fx


def packed_fixture(kind, cell, xs, lengths):
    """nn.RNN/LSTM/GRU, both directions with the cell's weights, over a right-padded batch."""
    layer = LAYERS[kind](cell.input_size, cell.hidden_size, bidirectional=True).double()
    with torch.no_grad():
        for suffix in ('_l0', '_l0_reverse'):
            for n in ('weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'):
                getattr(layer, n + suffix).copy_(getattr(cell, n))
        packed = pack_padded_sequence(xs, torch.tensor(lengths), enforce_sorted=False)
        out, state = layer(packed)
        out, _ = pad_packed_sequence(out, total_length=xs.shape[0])  # (T, B, 2H), zeros at padding
    h_n = state[0] if kind == 'lstm' else state
    res = {'lengths': lengths, 'out': pack(out), 'h_n': pack(h_n)}
    if kind == 'lstm':
        res['c_n'] = pack(state[1])
    return res


class Attention(nn.Module):
    def __init__(self, d_dec, d_enc_out, d_attn):
        super().__init__()
        self.W_a = nn.Linear(d_dec, d_attn, bias=False)
        self.U_a = nn.Linear(d_enc_out, d_attn, bias=False)
        self.v_a = nn.Linear(d_attn, 1, bias=False)


class Seq2Seq(nn.Module):
    """Mirror of src/models/seq2seq.ts (see its header for the equations)."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        d_enc_out = c['dEnc'] * (2 if c['bidirectional'] else 1)
        self.src_embedding = nn.Embedding(c['srcVocab'], c['dEmb'])
        self.tgt_embedding = nn.Embedding(c['tgtVocab'], c['dEmb'])
        self.encoder_fwd = nn.GRUCell(c['dEmb'], c['dEnc'])
        if c['bidirectional']:
            self.encoder_bwd = nn.GRUCell(c['dEmb'], c['dEnc'])
        self.bridge = nn.Linear(d_enc_out, c['dDec'])
        if c['attention']:
            self.attention = Attention(c['dDec'], d_enc_out, c['dAttn'])
        self.decoder = nn.GRUCell(c['dEmb'] + d_enc_out, c['dDec'])
        self.out = nn.Linear(c['dDec'] + d_enc_out + c['dEmb'], c['tgtVocab'])

    def run(self, cell, x, lengths, order):
        """Padded steps hold the state: the same as packed sequences at every real position."""
        h = torch.zeros(x.shape[0], cell.hidden_size, dtype=x.dtype)
        outs = [None] * x.shape[1]
        for t in order:
            m = (t < lengths).to(x.dtype).unsqueeze(1)
            h = m * cell(x[:, t], h) + (1 - m) * h
            outs[t] = h
        return torch.stack(outs, 1), h  # (B, T, H), (B, H)

    def encode(self, src):
        T = src.shape[1]
        lengths = (src != self.c['padId']).sum(1)
        x = self.src_embedding(src)  # (B, T, E)
        ann, final = self.run(self.encoder_fwd, x, lengths, range(T))
        if self.c['bidirectional']:
            ann_b, final_b = self.run(self.encoder_bwd, x, lengths, reversed(range(T)))
            ann, final = torch.cat([ann, ann_b], 2), torch.cat([final, final_b], 1)
        return ann, final, lengths  # (B, T, D), (B, D)

    def step(self, y, s, ann, final, keys, blocked):
        scores = weights = None
        if self.c['attention']:
            scores = self.attention.v_a(torch.tanh(keys + self.attention.W_a(s)[:, None])).squeeze(2)  # (B, T)
            weights = F.softmax(scores.masked_fill(blocked, float('-inf')), 1)
            context = torch.bmm(weights[:, None], ann).squeeze(1)  # (B, D)
        else:
            context = final
        s = self.decoder(torch.cat([y, context], 1), s)
        logits = self.out(torch.cat([s, context, y], 1))
        return s, logits, weights

    def forward(self, src, tgt_in):
        ann, final, lengths = self.encode(src)
        blocked = torch.arange(src.shape[1])[None] >= lengths[:, None]
        keys = self.attention.U_a(ann) if self.c['attention'] else None
        s = torch.tanh(self.bridge(final))
        logits, weights = [], []
        for t in range(tgt_in.shape[1]):
            s, lg, w = self.step(self.tgt_embedding(tgt_in[:, t]), s, ann, final, keys, blocked)
            logits.append(lg)
            weights.append(w)
        return torch.stack(logits, 1), (torch.stack(weights, 1) if self.c['attention'] else None), ann

    @torch.no_grad()
    def greedy(self, src, max_len):
        ann, final, lengths = self.encode(src)
        blocked = torch.arange(src.shape[1])[None] >= lengths[:, None]
        keys = self.attention.U_a(ann) if self.c['attention'] else None
        s = torch.tanh(self.bridge(final))
        prev = torch.full((src.shape[0],), self.c['bosId'])
        toks, weights = [], []
        for _ in range(max_len):
            s, lg, w = self.step(self.tgt_embedding(prev), s, ann, final, keys, blocked)
            top2 = lg.topk(2, 1).values
            assert (top2[:, 0] - top2[:, 1]).min() > 1e-4, 'near-tie in greedy decoding: pick another seed'
            prev = lg.argmax(1)
            toks.append(prev)
            weights.append(w)
        return torch.stack(toks, 1), (torch.stack(weights, 1) if self.c['attention'] else None)


def check_against_packed_gru(model, src, ann):
    """The hand-written masked encoder equals nn.GRU over packed sequences at real positions."""
    c = model.c
    gru = nn.GRU(c['dEmb'], c['dEnc'], batch_first=True, bidirectional=c['bidirectional']).double()
    with torch.no_grad():
        for n in ('weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'):
            getattr(gru, n + '_l0').copy_(getattr(model.encoder_fwd, n))
            if c['bidirectional']:
                getattr(gru, n + '_l0_reverse').copy_(getattr(model.encoder_bwd, n))
        lengths = (src != c['padId']).sum(1)
        out, _ = gru(pack_padded_sequence(model.src_embedding(src), lengths, batch_first=True, enforce_sorted=False))
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=src.shape[1])
    for b, n in enumerate(lengths.tolist()):
        assert torch.allclose(out[b, :n], ann[b, :n].detach(), atol=1e-12), 'encoder differs from packed nn.GRU'


def seq2seq_fixture(cfg, seed):
    """Seeds are picked so that greedy decoding of the untrained model varies and hits eos."""
    torch.manual_seed(seed)
    model = Seq2Seq(cfg).double()
    src = torch.tensor([[5, 3, 4, 6], [4, 5, 0, 0]])  # right-padded (padId 0)
    tgt_in = torch.tensor([[1, 3, 5, 4], [1, 4, 3, 0]])  # bos + targets
    tgt_out = torch.tensor([[3, 5, 4, 2], [4, 3, 2, 0]])  # targets + eos
    logits, weights, ann = model(src, tgt_in)
    check_against_packed_gru(model, src, ann)
    flat = logits.reshape(-1, cfg['tgtVocab'])
    loss = F.cross_entropy(flat, tgt_out.reshape(-1), ignore_index=cfg['padId'])
    loss.backward()
    toks, gweights = model.greedy(src, 5)
    return {
        'config': cfg,
        'params': {n: pack(p) for n, p in model.named_parameters()},
        'src': src.tolist(), 'tgtIn': tgt_in.tolist(), 'tgtOut': tgt_out.tolist(),
        'annotations': pack(ann.reshape(-1, ann.shape[2])),
        'logits': pack(flat), 'weights': pack(weights) if weights is not None else None,
        'loss': loss.item(),
        'grads': {n: pack(p.grad) for n, p in model.named_parameters()},
        'greedy': {'maxLen': 5, 'tokens': toks.tolist(), 'weights': pack(gweights) if gweights is not None else None},
    }


def main():
    # Fresh weights are float32 so the fixtures hold them exactly; compute in float64.
    torch.set_default_dtype(torch.float32)
    for i, kind in enumerate(CELLS):
        write(f'cell_{kind}.json', cell_fixture(kind, seed=10 + i))
    base = {'srcVocab': 7, 'tgtVocab': 6, 'dEmb': 3, 'dEnc': 4, 'dDec': 5, 'dAttn': 4,
            'padId': 0, 'bosId': 1, 'eosId': 2}
    write('seq2seq_bahdanau.json', seq2seq_fixture({**base, 'bidirectional': True, 'attention': True}, seed=39))
    write('seq2seq_noattn.json', seq2seq_fixture({**base, 'bidirectional': False, 'attention': False}, seed=36))


if __name__ == '__main__':
    main()
