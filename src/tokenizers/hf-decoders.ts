/**
 * Hugging Face decoders for SentencePiece-style files (Llama, Mistral, Gemma): token strings back
 * to text through the same chain the Rust library runs (Replace "▁" -> " ", ByteFallback, Fuse,
 * Strip, or the older Metaspace decoder), so decode() prints what transformers prints.
 */
import { UnsupportedTokenizerError } from './hf-schema.ts';
import type { HfComponent } from './hf-schema.ts';

export type PrependScheme = 'always' | 'first' | 'never';

export type DecoderStep =
  | { type: 'replace'; from: string; to: string }
  | { type: 'byteFallback' }
  | { type: 'fuse' }
  | { type: 'strip'; content: string; start: number; stop: number }
  | { type: 'metaspace'; replacement: string; prependScheme: PrependScheme };

const BYTE_TOKEN = /^<0x([0-9A-Fa-f]{2})>$/;

/** A Replace component's pattern: only literal strings (a Regex pattern is refused). */
export function stringPattern(c: HfComponent): string {
  const p = c.pattern as { String?: unknown; Regex?: unknown } | undefined;
  if (!p || typeof p.String !== 'string') {
    throw new UnsupportedTokenizerError(`${c.type}: only {"String": ...} patterns are supported, got ${JSON.stringify(p)}`);
  }
  return p.String;
}

/** Metaspace's prepend scheme, from `prepend_scheme` (tokenizers >= 0.19) or `add_prefix_space`. */
export function prependScheme(c: HfComponent): PrependScheme {
  const s = c.prepend_scheme;
  if (s === 'always' || s === 'first' || s === 'never') return s;
  if (s !== undefined && s !== null) throw new UnsupportedTokenizerError(`Metaspace: unknown prepend_scheme ${JSON.stringify(s)}`);
  return c.add_prefix_space === false ? 'never' : 'always';
}

/** Metaspace's replacement character ("▁" unless the file says otherwise). */
export function replacementChar(c: HfComponent): string {
  const r = c.replacement ?? c.str_rep ?? '▁';
  if (typeof r !== 'string' || [...r].length !== 1) throw new UnsupportedTokenizerError(`Metaspace: bad replacement ${JSON.stringify(r)}`);
  return r;
}

/** Reads a decoder (or a Sequence of them) into steps; null means the HF default, join with spaces. */
export function parseDecoder(c: HfComponent | null | undefined): DecoderStep[] | null {
  if (c === null || c === undefined) return null;
  switch (c.type) {
    case 'Sequence':
      return ((c.decoders as HfComponent[] | undefined) ?? []).flatMap((d) => parseDecoder(d) ?? []);
    case 'Replace':
      if (typeof c.content !== 'string') throw new UnsupportedTokenizerError('Replace decoder: content must be a string');
      return [{ type: 'replace', from: stringPattern(c), to: c.content }];
    case 'ByteFallback':
      return [{ type: 'byteFallback' }];
    case 'Fuse':
      return [{ type: 'fuse' }];
    case 'Strip': {
      const { content, start, stop } = c;
      if (typeof content !== 'string' || !Number.isInteger(start) || !Number.isInteger(stop)) {
        throw new UnsupportedTokenizerError('Strip decoder: needs content, start and stop');
      }
      return [{ type: 'strip', content, start: start as number, stop: stop as number }];
    }
    case 'Metaspace':
      return [{ type: 'metaspace', replacement: replacementChar(c), prependScheme: prependScheme(c) }];
    default:
      throw new UnsupportedTokenizerError(
        `unsupported decoder "${c.type}" for SentencePiece-style BPE (supported: Replace, ByteFallback, Fuse, Strip, Metaspace)`,
      );
  }
}

/** ByteFallback: runs of <0xNN> tokens become their UTF-8 text, or one U+FFFD per byte if invalid. */
function byteFallback(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length === 0) return;
    try {
      out.push(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(bytes)));
    } catch {
      for (let i = 0; i < bytes.length; i++) out.push('\ufffd');
    }
    bytes = [];
  };
  for (const tok of tokens) {
    const m = BYTE_TOKEN.exec(tok);
    if (m) bytes.push(parseInt(m[1], 16));
    else {
      flush();
      out.push(tok);
    }
  }
  flush();
  return out;
}

/** Strip: removes up to `start` leading and `stop` trailing copies of `content` from each token. */
function strip(tok: string, content: string, start: number, stop: number): string {
  const chars = Array.from(tok);
  let lo = 0;
  while (lo < start && lo < chars.length && chars[lo] === content) lo++;
  let hi = chars.length;
  while (chars.length - hi < stop && hi > lo && chars[hi - 1] === content) hi--;
  return chars.slice(lo, hi).join('');
}

/** Runs the decoder chain on token strings and joins the result, as tokenizers' decode() does. */
export function runDecoders(steps: readonly DecoderStep[] | null, tokens: readonly string[]): string {
  if (steps === null) return tokens.join(' ');
  let toks = [...tokens];
  for (const step of steps) {
    switch (step.type) {
      case 'replace':
        toks = toks.map((t) => t.replaceAll(step.from, step.to));
        break;
      case 'byteFallback':
        toks = byteFallback(toks);
        break;
      case 'fuse':
        toks = [toks.join('')];
        break;
      case 'strip':
        toks = toks.map((t) => strip(t, step.content, step.start, step.stop));
        break;
      case 'metaspace':
        // The first token loses its replacement characters (the prefix), the others become spaces.
        toks = toks.map((t, i) =>
          Array.from(t)
            .map((ch) => (ch !== step.replacement ? ch : i === 0 && step.prependScheme !== 'never' ? '' : ' '))
            .join(''),
        );
        break;
    }
  }
  return toks.join('');
}
