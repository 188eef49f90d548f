/**
 * The Split pre-tokenizer's Oniguruma regex (Llama 3, tiktoken-style patterns) as a JS RegExp.
 * Two things differ from JS: `(?i:...)` groups, which JS (before ES2025) lacks, and `\s`, which
 * in Oniguruma is Unicode White_Space. Anything else JS cannot compile is refused.
 */
import { UnsupportedTokenizerError } from './hf-schema.ts';

const WS = String.raw`\p{White_Space}`;
const NOT_WS = String.raw`\P{White_Space}`;

/** Rewrites `pattern` for a JS RegExp with the u flag. @throws UnsupportedTokenizerError */
export function splitRegex(pattern: string): RegExp {
  let out = '';
  let caseless = 0; // depth of open groups when each (?i: began; 0: outside
  const groupStack: boolean[] = []; // per open group: was it a (?i: group
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      if (next === 's') out += inClass ? WS : `[${WS}]`;
      else if (next === 'S') out += inClass ? NOT_WS : `[${NOT_WS}]`;
      else out += ch + next;
      continue;
    }
    if (inClass) {
      if (caseless > 0 && /[A-Za-z]/.test(ch)) {
        throw new UnsupportedTokenizerError(`Split: a character class inside (?i:...) is not supported: ${pattern}`);
      }
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (pattern.startsWith('(?i:', i)) {
      groupStack.push(true);
      caseless++;
      out += '(?:';
      i += 3;
    } else if (ch === '(') {
      groupStack.push(false);
      out += ch;
    } else if (ch === ')') {
      if (groupStack.pop()) caseless--;
      out += ch;
    } else if (caseless > 0 && /[A-Za-z]/.test(ch)) {
      out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    } else out += ch;
  }
  try {
    return new RegExp(out, 'gu');
  } catch (e) {
    throw new UnsupportedTokenizerError(`Split: regex ${JSON.stringify(pattern)} has no JS equivalent (${(e as Error).message})`);
  }
}
