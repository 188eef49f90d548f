#!/usr/bin/env python3
"""Writes the tiny tokenizer fixtures in test/fixtures/tokenizers/ and their expected outputs.

The expected outputs come from Python ports of the reference algorithms, written apart from
the TypeScript: GPT-2's encoder.py (bytes_to_unicode, its regex run by the `regex` module,
the bpe() loop) and Google BERT's tokenization.py (BasicTokenizer + WordpieceTokenizer).
Hugging Face `tokenizers` is not installed here; these are the algorithms it reproduces.

Needs python3-regex (Debian) for \\p{L}. Run from the repo root:
    python3 scripts/gen_tokenizer_fixtures.py
"""
import json
import os
import unicodedata

import regex

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'tokenizers')


# ---- GPT-2 (openai/gpt-2 src/encoder.py) ------------------------------------------------
def bytes_to_unicode():
    bs = list(range(ord('!'), ord('~') + 1)) + list(range(ord('¡'), ord('¬') + 1)) + list(range(ord('®'), ord('ÿ') + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs])), bs


GPT2_PAT = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")

# A few merges chosen by hand, best first, so the fixture exercises: a word built in three
# steps (" the"), a merge that must wait for a better one ("t h" after "h e"), a two-byte
# letter (é = C3 A9), half of an emoji (F0 9F), runs of spaces, and a contraction.
MERGES = [
    ('Ġ', 't'), ('h', 'e'), ('Ġt', 'he'), ('a', 't'), ('Ġ', 'c'), ('Ġc', 'at'), ('i', 'n'),
    ('in', 'g'), ('Ġ', 's'), ('Ġs', 'at'), ("'", 's'), ('Ã', '©'), ('ð', 'Ł'), ('Ġ', 'Ġ'),
    ('t', 'h'), ('e', 'r'), ('1', '2'), ('Ġ', 'caf'), ('c', 'a'), ('ca', 'f'), ('Ġcaf', 'Ã©'),
]


def gpt2_bpe(token, ranks):
    word = tuple(token)
    while len(word) > 1:
        pairs = {(word[i], word[i + 1]) for i in range(len(word) - 1)}
        bigram = min(pairs, key=lambda p: ranks.get(p, float('inf')))
        if bigram not in ranks:
            break
        first, second = bigram
        new_word, i = [], 0
        while i < len(word):
            try:
                j = word.index(first, i)
            except ValueError:
                new_word.extend(word[i:])
                break
            new_word.extend(word[i:j])
            i = j
            if word[i] == first and i < len(word) - 1 and word[i + 1] == second:
                new_word.append(first + second)
                i += 2
            else:
                new_word.append(word[i])
                i += 1
        word = tuple(new_word)
    return list(word)


def utf16_len(s):
    return len(s.encode('utf-16-le')) // 2


def gpt2_encode(text, vocab, ranks, byte_encoder):
    """Tokens of `text` with [start, end) in UTF-16 units: the whole chars each token touches."""
    out = []
    for m in GPT2_PAT.finditer(text):
        owner = []  # per byte: (utf16 start, utf16 end) of its character
        for k, ch in enumerate(m.group()):
            ci = m.start() + k
            s = utf16_len(text[:ci])
            owner += [(s, s + utf16_len(ch))] * len(ch.encode('utf-8'))
        chars = ''.join(byte_encoder[b] for b in m.group().encode('utf-8'))
        b = 0
        for piece in gpt2_bpe(chars, ranks):
            out.append({'text': piece, 'id': vocab[piece], 'start': owner[b][0], 'end': owner[b + len(piece) - 1][1]})
            b += len(piece)
    return out


def write_gpt2():
    byte_encoder, order = bytes_to_unicode()
    vocab = {byte_encoder[b]: i for i, b in enumerate(order)}  # GPT-2's encoder.json order
    for a, b in MERGES:
        vocab.setdefault(a + b, len(vocab))
    eot = len(vocab)
    ranks = {m: i for i, m in enumerate(MERGES)}
    tok = {
        'version': '1.0', 'truncation': None, 'padding': None,
        'added_tokens': [{'id': eot, 'content': '<|endoftext|>', 'single_word': False, 'lstrip': False,
                          'rstrip': False, 'normalized': True, 'special': True}],
        'normalizer': None,
        'pre_tokenizer': {'type': 'ByteLevel', 'add_prefix_space': False, 'trim_offsets': True, 'use_regex': True},
        'post_processor': {'type': 'ByteLevel', 'add_prefix_space': True, 'trim_offsets': False, 'use_regex': True},
        'decoder': {'type': 'ByteLevel', 'add_prefix_space': True, 'trim_offsets': True, 'use_regex': True},
        'model': {'type': 'BPE', 'dropout': None, 'unk_token': None, 'continuing_subword_prefix': '',
                  'end_of_word_suffix': '', 'fuse_unk': False, 'byte_fallback': False, 'ignore_merges': False,
                  'vocab': vocab, 'merges': [f'{a} {b}' for a, b in MERGES]},
    }
    texts = ['The cat sat on the mat.', ' the theater', 'It\'s 12 cats', 'café Café', 'Hi 😀!',
             'a  b   c\n\n d', 'tab\there\u00a0nbsp', 'x\u0085y\ufeffz', "we're 1234 ok", '']
    cases = [{'text': t, 'tokens': gpt2_encode(t, vocab, ranks, byte_encoder)} for t in texts]
    dump('tiny-gpt2.json', tok)
    dump('tiny-gpt2.expected.json', cases)


# ---- BERT (google-research/bert tokenization.py) ----------------------------------------
BERT_VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'the', 'cat', 'sat', 'on', 'mat', '.', ',', "'",
              '!', '?', 't', 'didn', 'play', '##ing', '##ed', '##s', 'run', '##ning', 'un', '##want', 'cafe',
              'naive', '中', '国', 'hello', 'world', '##😀', '😀', 'istanbul', 'a', '##a', 'b', '##b']


def is_whitespace(c):
    return c in ' \t\n\r' or unicodedata.category(c) == 'Zs'


def is_control(c):
    return c not in '\t\n\r' and unicodedata.category(c).startswith('C')


def is_punctuation(c):
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith('P')


def is_chinese(cp):
    return any(lo <= cp <= hi for lo, hi in [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF),
               (0x2A700, 0x2B73F), (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)])


def bert_basic(text):
    text = ''.join(' ' if is_whitespace(c) else c for c in text if not (ord(c) in (0, 0xFFFD) or is_control(c)))
    text = ''.join(f' {c} ' if is_chinese(ord(c)) else c for c in text)
    words = []
    for tok in text.split():
        tok = ''.join(c for c in unicodedata.normalize('NFD', tok.lower()) if unicodedata.category(c) != 'Mn')
        cur = ''
        for c in tok:
            if is_punctuation(c):
                words += [cur, c] if cur else [c]
                cur = ''
            else:
                cur += c
        if cur:
            words.append(cur)
    return words


def bert_wordpiece(word, vocab, max_chars=100):
    chars = list(word)
    if len(chars) > max_chars:
        return ['[UNK]']
    out, start = [], 0
    while start < len(chars):
        end, cur = len(chars), None
        while start < end:
            sub = ('##' if start > 0 else '') + ''.join(chars[start:end])
            if sub in vocab:
                cur = sub
                break
            end -= 1
        if cur is None:
            return ['[UNK]']
        out.append(cur)
        start = end
    return out


def write_bert():
    vocab = {t: i for i, t in enumerate(BERT_VOCAB)}
    specials = {t: {'id': t, 'ids': [vocab[t]], 'tokens': [t]} for t in ['[CLS]', '[SEP]']}
    tok = {
        'version': '1.0', 'truncation': None, 'padding': None,
        'added_tokens': [{'id': vocab[t], 'content': t, 'single_word': False, 'lstrip': False, 'rstrip': False,
                          'normalized': False, 'special': True} for t in BERT_VOCAB[:5]],
        'normalizer': {'type': 'BertNormalizer', 'clean_text': True, 'handle_chinese_chars': True,
                       'strip_accents': None, 'lowercase': True},
        'pre_tokenizer': {'type': 'BertPreTokenizer'},
        'post_processor': {'type': 'TemplateProcessing',
                           'single': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}},
                                      {'Sequence': {'id': 'A', 'type_id': 0}},
                                      {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}],
                           'pair': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}},
                                    {'Sequence': {'id': 'A', 'type_id': 0}},
                                    {'SpecialToken': {'id': '[SEP]', 'type_id': 0}},
                                    {'Sequence': {'id': 'B', 'type_id': 1}},
                                    {'SpecialToken': {'id': '[SEP]', 'type_id': 1}}],
                           'special_tokens': specials},
        'decoder': {'type': 'WordPiece', 'prefix': '##', 'cleanup': True},
        'model': {'type': 'WordPiece', 'unk_token': '[UNK]', 'continuing_subword_prefix': '##',
                  'max_input_chars_per_word': 100, 'vocab': vocab},
    }
    texts = ['The cat sat on the mat.', "Didn't the cat play?", 'unwanted running cats', 'Café NAÏVE',
             '中国cat', 'hello😀 world', 'the\tcat\u00a0sat\u200bon', 'İstanbul', 'cafe\u0301', 'zebra the',
             'a' * 100, 'a' * 101, '', '   ', 'ab\x00b\ufffdb']
    cases = []
    for t in texts:
        pieces = [p for w in bert_basic(t) for p in bert_wordpiece(w, vocab)]
        cases.append({'text': t, 'tokens': pieces, 'ids': [vocab[p] for p in pieces]})
    dump('tiny-bert.json', tok)
    dump('tiny-bert.expected.json', cases)


def dump(name, obj):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    write_gpt2()
    write_bert()
