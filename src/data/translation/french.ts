/**
 * The sound rules that French spelling writes down: elision (le homme -> l'homme, je aime ->
 * j'aime, ne aime -> n'aime), the forms that replace a word before a vowel (ce -> cet,
 * ma -> mon, du -> de l'), and joining tokens back into text. The grammar writes plain forms
 * and this pass fixes them, so no template has to know what word comes next.
 *
 * Tokens keep elisions apart: "j'aime" is the two tokens "j'" and "aime", so the subject
 * and the verb each get a row in an attention heatmap.
 */

/** Whether a French word starts with a vowel sound; every h in the lexicon is silent. */
export function startsWithVowel(word: string): boolean {
  return /^[aeiouyàâäéèêëîïôöùûüœh]/.test(word);
}

/** English a -> an; no word in the lexicon starts with a vowel letter but a consonant sound. */
export function startsWithVowelLetter(word: string): boolean {
  return /^[aeiou]/.test(word);
}

// Every word here is a function word that only ever stands right before the word it leans
// on (an article before its noun or adjective, a clitic before its verb), never before
// "et" or at the end, so looking at the next token is exactly the rule.
export const BEFORE_VOWEL: Readonly<Record<string, readonly string[]>> = {
  le: ["l'"], la: ["l'"], je: ["j'"], ne: ["n'"], me: ["m'"], te: ["t'"], de: ["d'"],
  ce: ['cet'], ma: ['mon'], ta: ['ton'], sa: ['son'], du: ['de', "l'"],
};

/**
 * Applies elision and the before-vowel forms to a token list. `links[i]` travels with token
 * i (the alignment atoms), and a token that becomes two ("du" -> "de" "l'") keeps it on both.
 */
export function applyElision<L>(tokens: readonly string[], links: readonly L[]): { tokens: string[]; links: L[] } {
  const out: string[] = [];
  const outLinks: L[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    const elides = next !== undefined && startsWithVowel(next) && Object.hasOwn(BEFORE_VOWEL, tokens[i]);
    const repl = elides ? BEFORE_VOWEL[tokens[i]] : undefined;
    for (const t of repl ?? [tokens[i]]) {
      out.push(t);
      outLinks.push(links[i]);
    }
  }
  return { tokens: out, links: outLinks };
}

/** French text from tokens: an elided token ("l'") joins the next word without a space. */
export function joinFrench(tokens: readonly string[]): string {
  let s = '';
  for (let i = 0; i < tokens.length; i++) {
    s += tokens[i];
    if (i < tokens.length - 1 && !tokens[i].endsWith("'")) s += ' ';
  }
  return s;
}

/** French text to tokens, splitting after each apostrophe: "j'aime" -> "j'" "aime". */
export function splitFrench(text: string): string[] {
  return text.toLowerCase().replace(/'/g, "' ").split(/\s+/).filter((t) => t.length > 0);
}
