/**
 * The next-token logits of a causal language model for a prompt and the tokens generated
 * after it: what lesson 6's generation step asks of the model the student chose. The course's
 * tiny-gpt runs it on the page, a hub, folder or disk model in the model worker; it is the
 * same function in both places, so a sequence gives the same logits wherever it ran, and the
 * page draws the next token from them with the seeded sampler (sampling.ts).
 *
 * Without a key/value cache each call reruns the whole sequence; `ms` says how long that took.
 */
import type { ModelBundle } from '../../../src/checkpoints/bundle.ts';
import { tryParseModelRef } from '../../../src/checkpoints/model-ref.ts';
import { lastLogits, topK } from '../../../src/models/generate.ts';
import { BYTE_TO_CHAR, readWords, tokenLabels, type Token, type Tokenizer, type UnseenWord } from '../../../src/tokenizers/index.ts';

export interface NextTokenArgs {
  /** Typed text, read by the model's tokenizer; or token ids, for a model that has none. */
  prompt: string | number[];
  /** The tokens generated after the prompt so far, in order. */
  generated: number[];
  /** How many of the most likely next tokens to name (1 to MAX_TOP). */
  top: number;
}

/** What the figure says about the model, read from its config. */
export interface NextTokenModel {
  name: string;
  architecture: string; // config.json's architectures[0], e.g. GPT2LMHeadModel
  maxPositions: number;
  vocabSize: number;
  nLayers: number;
  /** The token that ends a text (end of text, tiny-gpt's end of line), or null for none. */
  stop: number | null;
}

export interface NextTokenReady {
  ok: true;
  model: NextTokenModel;
  /** The prompt's tokens: ids, the text each stands for, and words a word-piece model never saw whole. */
  prompt: { ids: number[]; labels: string[]; unseen: UnseenWord[] };
  /** The text of each generated token, in order. */
  generated: string[];
  /** Logits over the vocabulary at the last position: (V). */
  logits: Float32Array;
  /** The `top` most likely next tokens, best first, with their text. */
  top: Array<{ id: number; text: string }>;
  /** Milliseconds the forward pass took. */
  ms: number;
}

/** Input the model cannot continue (empty, too long, not a language model): a sentence for the page. */
export interface NextTokenProblem {
  ok: false;
  problem: string;
}

export type NextToken = NextTokenReady | NextTokenProblem;

export const MAX_TOP = 50;

/** How many tokens before a token its text is decoded against (see pieceText). */
const CONTEXT = 8;

/** A model's name as the page shows it: the hub repository, the folder, the file name or the course id. */
export function modelName(modelRef: string): string {
  const ref = tryParseModelRef(modelRef);
  if (!ref) return modelRef;
  if (ref.kind === 'builtin') return ref.id;
  if (ref.kind === 'hub') return ref.repo;
  if (ref.kind === 'local') return ref.name;
  return ref.url;
}

const problem = (p: string): NextTokenProblem => ({ ok: false, problem: p });

/** Word-piece vocabularies (tiny-gpt) show their own strings (“mat”, “##s”); the others show the text a token stands for. */
const showsVocabulary = (tok: Tokenizer) => tok.kind === 'wordpiece';

function checkIds(ids: unknown, V: number, what: string): number[] {
  if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id) && id >= 0 && id < V)) {
    throw new RangeError(`next-token: ${what} must be token ids from 0 to ${V - 1}`);
  }
  return ids as number[];
}

/**
 * The text `id` adds after `before`: the decode of the tokens just before it with and without
 * it, told apart. Decoding in context keeps what a token alone would lose: the space a
 * SentencePiece decoder strips from a text's first word, the byte that completes a character.
 */
function pieceText(tok: Tokenizer, before: readonly number[], id: number): string {
  const piece = tok.idToToken(id);
  if (piece === undefined) return `#${id}`; // a row of the model's head the tokenizer has no token for (vocabularies padded to a round size)
  const special = Object.values(tok.specialIds).includes(id) && id !== tok.specialIds.unk;
  if (special || showsVocabulary(tok)) return piece;
  const context = before.slice(-CONTEXT);
  const a = tok.decode(context);
  const b = tok.decode([...context, id]);
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  const text = b.slice(same);
  // Part of a character (one byte of an emoji), or a control byte: no text to show, so its bytes.
  return text === '' || /^\uFFFD+$/.test(text) || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(text) ? bytesOf(tok, piece) : text;
}

const CHAR_TO_BYTE = new Map(BYTE_TO_CHAR.map((c, b) => [c, b]));

/** A byte-level token's bytes as "<0xF0 0x9F>"; other tokenizers' pieces (already "<0xE2>" for a byte) as they are. */
function bytesOf(tok: Tokenizer, piece: string): string {
  const bytes = [...piece].map((c) => CHAR_TO_BYTE.get(c));
  if (tok.kind !== 'byte-level-bpe' || bytes.some((b) => b === undefined)) return piece;
  return `<${bytes.map((b) => `0x${(b as number).toString(16).toUpperCase().padStart(2, '0')}`).join(' ')}>`;
}

/** The prompt's tokens and the label of each; for a tokenizer-free model, ids only. */
function readPrompt(tok: Tokenizer | null, prompt: string | number[], name: string, V: number): NextTokenProblem | { ids: number[]; labels: string[]; unseen: UnseenWord[] } {
  if (typeof prompt !== 'string') {
    const ids = checkIds(prompt, V, 'the prompt');
    return { ids, labels: ids.map((id) => tok?.idToToken(id) ?? String(id)), unseen: [] };
  }
  if (!tok) return problem(`${name} has no tokenizer, so it cannot read typed text.`);
  if (prompt.trim() === '') return problem('Type a prompt to continue.');
  const tokens: Token[] = tok.encode(prompt);
  const ids = tokens.map((t) => t.id);
  if (showsVocabulary(tok)) {
    return { ids, labels: tokenLabels(prompt, tokens, tok.specialIds), unseen: readWords(prompt, tokens, tok.specialIds).words };
  }
  // A byte-level or SentencePiece model splits rare words into pieces as a matter of course: only an unknown token is worth a warning.
  const labels = tokens.map((t, i) => (t.start !== null && t.end !== null && t.end > t.start ? prompt.slice(t.start, t.end) : pieceText(tok, ids.slice(0, i), t.id)));
  const unseen = readWords(prompt, tokens, tok.specialIds).words.filter((w) => w.unknown);
  return { ids, labels, unseen };
}

/**
 * The next-token logits after `prompt` + `generated` on `bundle`'s model, the prompt's tokens
 * and the text of every token named. A model that cannot continue text, an empty prompt or a
 * sequence past the model's positions is a problem, not an error. @throws RangeError for ids
 * outside the vocabulary (a request no figure sends)
 */
export function nextToken(bundle: ModelBundle, args: NextTokenArgs): NextToken {
  const name = modelName(bundle.id);
  if (bundle.kind !== 'text') return problem(`${name} (${bundle.architecture}) is an image model: it reads pictures, not text, and writes no tokens.`);
  const { model, tokenizer: tok } = bundle;
  const cfg = model.config;
  if (!cfg.causal) {
    return problem(
      `${name} (${bundle.architecture}) is an encoder: every token sees the whole text, both ways, so it has no “next” token to predict. ` +
        'Choose a causal language model, such as tiny-gpt, GPT-2 or a Llama, to generate.',
    );
  }
  if (!bundle.languageModel) return problem(`${name} (${bundle.architecture}) has no language-model head: it gives no scores over its vocabulary, so it cannot choose a next token.`);
  const V = cfg.vocabSize;
  const top = Math.max(1, Math.min(MAX_TOP, Math.floor(Number(args.top)) || 1));
  const generated = checkIds(args.generated, V, 'the generated tokens');
  const read = readPrompt(tok, args.prompt, name, V);
  if ('problem' in read) return read;
  const max = cfg.maxPositions;
  if (read.ids.length === 0) return problem('Type a prompt to continue.');
  if (read.ids.length >= max) return problem(`${name} reads at most ${max} tokens; this prompt makes ${read.ids.length}. Shorten it.`);
  const ids = [...read.ids, ...generated];
  if (ids.length > max) return problem(`The text has ${ids.length} tokens, more than ${name}'s ${max} positions.`);

  const start = performance.now();
  const logits = lastLogits(model, ids); // (V), a fresh copy: safe to transfer
  const ms = performance.now() - start;

  const text = (before: readonly number[], id: number) => (tok ? pieceText(tok, before, id) : String(id));
  return {
    ok: true,
    model: {
      name,
      architecture: bundle.architecture,
      maxPositions: max,
      vocabSize: V,
      nLayers: cfg.nLayers,
      stop: tok ? (tok.specialIds.eos ?? tok.specialIds.sep ?? null) : null,
    },
    prompt: read,
    generated: generated.map((id, k) => text(ids.slice(0, read.ids.length + k), id)),
    logits,
    top: topK(logits, Math.min(top, V)).map((id) => ({ id, text: text(ids, id) })),
    ms,
  };
}
