// @vitest-environment node
/**
 * The computations behind the Transformer lesson, on the shipped models read from
 * public/models: the translator's traced translation agrees with its own greedy choices and
 * its cross-attention follows the adjective past the noun; tiny-gpt's masked scores are -inf
 * exactly above the diagonal and changing a later word leaves earlier positions untouched;
 * the residual and LayerNorm read-outs match what the block computed; sampling is seeded
 * and temperature reshapes the distribution without reordering it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTranslationModel, type TranslateTransformer } from '../../src/checkpoints/atlas-translation.ts';
import { loadBundle, type FileSource } from '../../src/checkpoints/bundle.ts';
import { traceText, type TextBundle } from '../../src/components/lesson/use-trace.ts';
import { generate, lastLogits, topK } from '../../src/models/generate.ts';
import { Rng } from '../../src/runtime/index.ts';
import { headWeights, maskedCells, maxLaterWeight, rowSums, weightOnLaterKeys } from '../../lessons/transformer/model/attention-views.ts';
import { firstDifference, positionChanges } from '../../lessons/transformer/model/causal-check.ts';
import { blockParameterShares, firingUnits, unitColumns } from '../../lessons/transformer/model/feed-forward.ts';
import { layerNormParts, meanStd, residualNormTable, residualStages, residualStep, rowNorms } from '../../lessons/transformer/model/residual.ts';
import { chooseNext, entropyBits, pickToken, probabilitiesAt, uniformAt } from '../../lessons/transformer/model/sampling.ts';
import { readEnglish, stutters, translateTraced } from '../../lessons/transformer/model/translator.ts';
import { isMissingModel } from '../../lessons/transformer/ui/model-availability.ts';
import { repoRoot } from '../helpers/shared.ts';

function files(id: string): FileSource {
  const dir = join(repoRoot, 'public/models', id);
  return async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
}

let translator: TranslateTransformer;
let gpt: TextBundle;
beforeAll(async () => {
  const m = await loadTranslationModel(files('translate-transformer'));
  if (m.kind !== 'transformer') throw new Error('translate-transformer should hold a Transformer');
  translator = m;
  const b = await loadBundle('tiny-gpt', files('tiny-gpt'));
  if (b.kind !== 'text') throw new Error('tiny-gpt should be a text model');
  gpt = b;
});

function gptTrace(text: string) {
  const r = traceText(gpt, text, true);
  if (r.state !== 'ready') throw new Error(r.message);
  return r;
}

describe('the translator, traced on a typed sentence', () => {
  it('translates the card example and its logits pick each word it wrote', () => {
    const r = translateTraced(translator, 'The cat sees the red car.');
    if (!r.ok) throw new Error(r.message);
    const t = r.value;
    expect(t.french).toBe('le chat voit la voiture rouge'); // the card's expected French
    expect(t.ended).toBe(true);
    const [T, V] = t.logits.shape;
    expect(T).toBe(t.output.length);
    for (let i = 0; i < T; i++) expect(translator.vocabs.fr.word(topK(t.logits.data.subarray(i * V, (i + 1) * V), 1)[0])).toBe(t.output[i]);
  });

  it('has full encoder self-attention, causal decoder self-attention and source-wide cross-attention', () => {
    const r = translateTraced(translator, 'she has a big red car');
    if (!r.ok) throw new Error(r.message);
    const { encoder, decoder } = r.value.trace;
    const S = r.value.source.words.length;
    const T = r.value.decoderInput.length;
    for (const l of encoder.layers) {
      const w = headWeights(l.heads, 'mean');
      rowSums(w, S, S).forEach((s) => expect(s).toBeCloseTo(1, 5));
      expect(maxLaterWeight(w, S)).toBeGreaterThan(0.01); // encoder words look ahead
    }
    for (const l of decoder.layers) {
      expect(maxLaterWeight(headWeights(l.heads, 'mean'), T)).toBe(0);
      const cross = headWeights(l.crossHeads ?? [], 'mean');
      expect(cross.length).toBe(T * S);
      rowSums(cross, T, S).forEach((s) => expect(s).toBeCloseTo(1, 5));
    }
  });

  it('cross-attention of the last layer puts "voiture" on "car" and "rouge" on "red" although the order crosses', () => {
    const r = translateTraced(translator, 'the cat sees the red car');
    if (!r.ok) throw new Error(r.message);
    const { output, source, trace } = r.value;
    const S = source.words.length;
    const w = headWeights(trace.decoder.layers[1].crossHeads ?? [], 'mean');
    const peak = (fr: string) => {
      const i = output.indexOf(fr);
      return source.words[topK(w.subarray(i * S, (i + 1) * S), 1)[0]];
    };
    expect(peak('voiture')).toBe('car');
    expect(peak('rouge')).toBe('red');
  });

  it('flags words outside the lexicon and still translates, and refuses empty or emoji-only text', () => {
    const reading = readEnglish(translator.vocabs.en, 'the purple dragon sees the purple cat');
    expect(reading.unknown).toEqual(['purple', 'dragon']);
    expect(reading.labels).toContain('dragon?');
    const r = translateTraced(translator, 'the purple dragon sees the cat');
    expect(r.ok).toBe(true);
    for (const text of ['', '   ', '🚗🚗', '!!!']) {
      const bad = translateTraced(translator, text);
      expect(bad.ok).toBe(false);
    }
    const long = translateTraced(translator, 'the cat '.repeat(20));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.message).toMatch(/at most 32 words/);
  });

  it('notices a stutter', () => {
    expect(stutters(['la', 'voiture', 'rouge', 'rouge', 'rouge'])).toBe(true);
    expect(stutters(['le', 'chat', 'le', 'chat'])).toBe(false);
  });
});

describe('tiny-gpt: the causal mask', () => {
  it('masked scores are -inf exactly above the diagonal and equal the scaled scores elsewhere', () => {
    const r = gptTrace('The cat sat on the mat because it was tired.');
    const T = r.tokens.length;
    for (const layer of r.trace.layers) {
      for (const h of layer.heads) {
        const cells = maskedCells(h.masked);
        for (let i = 0; i < T; i++) {
          for (let j = 0; j < T; j++) {
            expect(cells[i][j].blocked).toBe(j > i);
            if (j <= i) expect(cells[i][j].value).toBe(h.scaled.data[i * T + j]);
          }
        }
        weightOnLaterKeys(h.weights.data, T).forEach((s) => expect(s).toBe(0));
      }
    }
  });

  it('changing the last word changes only the last position, in every layer', () => {
    const ids = (t: string) => gptTrace(t).tokens.map((x) => x.id);
    const a = ids('the cat sat on the mat');
    const b = ids('the cat sat on the sofa');
    expect(firstDifference(a, b)).toBe(5);
    const changes = positionChanges(gpt.model, a, b);
    changes.slice(0, 5).forEach((c) => {
      expect(c.maxAbs).toBe(0);
      c.perLayer.forEach((v) => expect(v).toBe(0));
    });
    expect(changes[5].maxAbs).toBeGreaterThan(0.01);
  });
});

describe('residual stream and LayerNorm', () => {
  it('the stream keeps its width and, in this pre-norm model, grows in length through the layers', () => {
    const r = gptTrace('The cat sat on the mat because it was tired.');
    const stages = residualStages(r.trace);
    expect(stages).toHaveLength(1 + 2 * gpt.model.config.nLayers);
    stages.forEach((s) => expect(s.stream.shape).toEqual([r.tokens.length, gpt.model.config.dModel]));
    const table = residualNormTable(stages);
    const mean = (k: number) => table.reduce((a, row) => a + row[k], 0) / table.length;
    expect(mean(stages.length - 1)).toBeGreaterThan(3 * mean(0));
  });

  it('each sub-layer adds its output to the stream (pre-norm) and the norm step matches the trace', () => {
    expect(gpt.model.config.preNorm).toBe(true);
    const r = gptTrace('Mary thanked John because she was grateful.');
    for (let l = 0; l < gpt.model.config.nLayers; l++) {
      for (const which of ['attention', 'ffn'] as const) {
        const s = residualStep(gpt.model, r.trace, l, which);
        for (let i = 0; i < s.after.size; i++) expect(s.after.data[i]).toBeCloseTo(s.before.data[i] + s.out.data[i], 5);
        const traced = which === 'attention' ? r.trace.layers[l].attnNormed : r.trace.layers[l].ffnNormed;
        expect([...s.normOut.data]).toEqual([...(traced?.data ?? [])]);
      }
    }
  });

  it('layerNormParts standardizes to mean 0 and variance 1 and reproduces the block\'s LayerNorm', () => {
    const r = gptTrace('I deposited money in the bank.');
    const x = r.trace.layers[2].input.row(3);
    const w = gpt.model.weights.blocks[2].attnNorm;
    const parts = layerNormParts(x, w, gpt.model.config.normEps);
    const st = meanStd(parts.standardized);
    expect(st.mean).toBeCloseTo(0, 5);
    expect(st.std).toBeCloseTo(1, 3);
    const traced = r.trace.layers[2].attnNormed?.row(3) ?? new Float32Array();
    parts.output.forEach((v, i) => expect(v).toBeCloseTo(traced[i], 4));
    expect(rowNorms(r.trace.layers[2].input)[3]).toBeGreaterThan(0);
  });
});

describe('feed-forward', () => {
  it('the hidden layer is 4 x dModel wide and "firing" counts positive activations', () => {
    const r = gptTrace('The cat sat on the mat.');
    const act = r.trace.layers[0].ffnActivation;
    expect(act.shape[1]).toBe(4 * gpt.model.config.dModel);
    const f = firingUnits(act, 1, 5);
    expect(f.firing).toBe([...act.row(1)].filter((v) => v > 0).length);
    expect(f.firing).toBeGreaterThan(0);
    expect(f.firing).toBeLessThan(f.width);
    expect(f.top[0].value).toBe(Math.max(...act.row(1)));
    const cols = unitColumns(act, f.top.map((t) => t.unit));
    expect(cols[1 * 5 + 0]).toBe(f.top[0].value);
  });

  it('holds about two thirds of a block\'s weights (8d² of about 12d²), as the prose says', () => {
    const { dModel: d, dFF } = gpt.model.config;
    const s = blockParameterShares(gpt.model.weights.blocks[0]);
    expect(s.ffn).toBe(2 * d * dFF + dFF + d); // up and down projections with their biases
    expect(s.attention).toBe(4 * d * d + 4 * d);
    const share = s.ffn / (s.ffn + s.attention + s.norms);
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.7);
  });
});

describe('generation: temperature and the seeded sampler', () => {
  const prompt = () => gptTrace('The cat sat on the').tokens.map((t) => t.id);

  it('temperature keeps the ranking, sharpens below 1 and flattens above; 0 is greedy', () => {
    const logits = lastLogits(gpt.model, prompt());
    const best = topK(logits, 1)[0];
    expect(gpt.tokenizer?.idToToken(best)).toBe('mat'); // the card's top next word
    const [cold, one, hot] = [0.5, 1, 2].map((t) => probabilitiesAt(logits, t));
    expect(topK(cold, 5)).toEqual(topK(hot, 5));
    expect(entropyBits(cold)).toBeLessThan(entropyBits(one));
    expect(entropyBits(hot)).toBeGreaterThan(entropyBits(one));
    const greedy = probabilitiesAt(logits, 0);
    expect(greedy[best]).toBe(1);
    expect(chooseNext(logits, 0, 7, 0).id).toBe(best);
  });

  it('step-by-step seeded draws reproduce generate() with the same seed', () => {
    const ids = prompt();
    const seed = 42;
    const expected = generate(gpt.model, ids, { maxNew: 6, temperature: 1.3, rng: new Rng(seed) });
    const got: number[] = [];
    for (let k = 0; k < 6; k++) got.push(chooseNext(lastLogits(gpt.model, [...ids, ...got]), 1.3, seed, k).id);
    expect(got).toEqual(expected);
    expect(uniformAt(seed, 3)).toBe(uniformAt(seed, 3));
    expect(pickToken([0.2, 0.5, 0.3], 0.69)).toBe(1);
    expect(pickToken([0.2, 0.5, 0.3], 0.71)).toBe(2);
  });
});

describe('a model that has not been shipped', () => {
  it('is told apart from other load failures, so the BERT panel can say so in place', async () => {
    const nothing: FileSource = async () => null;
    const missing = await loadBundle('coref', nothing).then(() => '', (e: Error) => e.message);
    expect(isMissingModel(missing)).toBe(true);
    const broken: FileSource = async (name) => (name === 'config.json' ? new TextEncoder().encode('{not json') : null);
    const other = await loadBundle('coref', broken).then(() => '', (e: Error) => e.message);
    expect(other).not.toBe('');
    expect(isMissingModel(other)).toBe(false);
  });
});
