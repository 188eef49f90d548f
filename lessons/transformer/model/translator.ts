/**
 * The shipped English -> French Transformer (public/models/translate-transformer) run on a
 * sentence the student types: greedy decoding word by word, then one traced teacher-forced
 * pass over the model's own output, so every figure of the lesson (encoder self-attention,
 * decoder masked self-attention, cross-attention, residual stream, logits) reads one trace.
 */
import { BOS_ID, EOS_ID, UNK_ID, type TranslateTransformer, type WordVocab } from '../../../src/checkpoints/atlas-translation.ts';
import { joinFrench } from '../../../src/data/translation/index.ts';
import { encoderDecoderForward } from '../../../src/models/encoder-decoder.ts';
import { transformerForward, type TransformerTrace } from '../../../src/models/transformer.ts';
import { noGrad, type Tensor } from '../../../src/runtime/index.ts';
import { englishWords } from '../../../src/train/recipes/translate-common.ts';

/** Longest English sentence the translator saw in training (translationCorpus.maxWords). */
export const TRAINED_MAX_WORDS = 12;

export interface EnglishReading {
  words: string[]; // lowercase words, punctuation dropped, as the corpus writes English
  ids: number[]; // source ids; a word outside the lexicon becomes <unk>
  unknown: string[]; // the words outside the lexicon, once each, in order
  labels: string[]; // words for figure labels, unknown ones marked with "?"
}

/** Reads free text as the translator's training data was written, flagging unknown words. */
export function readEnglish(vocab: WordVocab, text: string): EnglishReading {
  const words = englishWords(text);
  const ids = words.map((w) => vocab.id(w));
  const unknown = [...new Set(words.filter((_, i) => ids[i] === UNK_ID))];
  const labels = words.map((w, i) => (ids[i] === UNK_ID ? `${w}?` : w));
  return { words, ids, unknown, labels };
}

export interface TracedTranslation {
  source: EnglishReading;
  /** French tokens the model wrote, ending with "<eos>" when it stopped by itself. */
  output: string[];
  french: string; // the words as text, elisions joined: "j'aime"
  ended: boolean;
  /** What the decoder read at each position: "<bos>" then its own output, one behind. */
  decoderInput: string[];
  trace: { encoder: TransformerTrace; decoder: TransformerTrace };
  logits: Tensor; // (decoderInput.length, French vocabulary): row t chose output[t]
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** Argmax of one row of logits (ties: the lower id, as topK does). */
function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let v = 1; v < row.length; v++) if (row[v] > row[best]) best = v;
  return best;
}

/**
 * Greedy decoding: the encoder reads the source once; the decoder is run on its prefix again
 * for each new word (no cache: the prefix is at most 31 words and the model is tiny).
 */
export function greedyDecode(m: TranslateTransformer, src: readonly number[]): number[] {
  return noGrad(() => {
    const hidden = transformerForward(m.model.encoder, [src], { logits: false }).hidden; // (S, d)
    const memory = { x: hidden, S: src.length };
    const maxLen = Math.min(2 * src.length + 2, m.config.decoder.maxPositions - 1);
    const prefix = [BOS_ID];
    const out: number[] = [];
    while (out.length < maxLen) {
      const logits = transformerForward(m.model.decoder, [prefix], { memory, headRows: [prefix.length - 1] }).output; // (1, V)
      const next = argmax(logits.data);
      out.push(next);
      if (next === EOS_ID) break;
      prefix.push(next);
    }
    return out;
  });
}

/** Translates `text` and traces the whole model on the result; bad input comes back as a message. */
export function translateTraced(m: TranslateTransformer, text: string): Outcome<TracedTranslation> {
  const source = readEnglish(m.vocabs.en, text);
  if (source.words.length === 0) return { ok: false, message: 'There are no English words to translate: type a sentence such as “the cat sees the red car”.' };
  const max = m.config.encoder.maxPositions;
  if (source.words.length > max) {
    return { ok: false, message: `The translator reads at most ${max} words, and this text has ${source.words.length}. Shorten it.` };
  }
  const out = greedyDecode(m, source.ids);
  const ended = out[out.length - 1] === EOS_ID;
  // Row t of the decoder produced out[t]; its input is <bos> followed by the output so far.
  const inputIds = [BOS_ID, ...out.slice(0, -1)];
  const r = noGrad(() => encoderDecoderForward(m.model, [source.ids], [inputIds], { trace: true }));
  if (!r.trace) throw new Error('translate-transformer returned no trace');
  const fr = (id: number) => m.vocabs.fr.word(id);
  return {
    ok: true,
    value: {
      source,
      output: out.map(fr),
      french: joinFrench(out.filter((id) => id !== EOS_ID).map(fr)),
      ended,
      decoderInput: inputIds.map(fr),
      trace: r.trace,
      logits: r.output,
    },
  };
}

/** Whether greedy output repeats one word three times in a row (a stutter, not French). */
export function stutters(output: readonly string[]): boolean {
  return output.some((w, i) => i >= 2 && w === output[i - 1] && w === output[i - 2]);
}
