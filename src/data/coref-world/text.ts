/**
 * Writing sentences while keeping character spans, so a labelled case can say where its
 * pronoun and candidates are ([start, end) like ../shared/coref/public.tsv), and splitting
 * them back into words with offsets.
 */

/** Character span [start, end) within a sentence. */
export type Span = [start: number, end: number];

/**
 * A line being written word by word. `add` returns the span of what it appended; the
 * first word of each sentence is capitalised as it is written, which keeps spans exact.
 */
export class Line {
  private text = '';
  private capitalise = true;

  /** Appends one or more words after a space; returns their span (empty text: empty span). */
  add(words: string): Span {
    if (words === '') return [this.text.length, this.text.length];
    if (this.text.length > 0) this.text += ' ';
    const start = this.text.length;
    this.text += this.capitalise ? words[0].toUpperCase() + words.slice(1) : words;
    this.capitalise = false;
    return [start, this.text.length];
  }

  /** Glues punctuation to the last word; "." and "?" start a new sentence. */
  mark(p: '.' | '?' | ','): this {
    this.text += p;
    if (p !== ',') this.capitalise = true;
    return this;
  }

  get length(): number {
    return this.text.length;
  }

  toString(): string {
    return this.text;
  }
}

/** A word of a sentence with its span. */
export interface Token {
  text: string;
  span: Span;
}

/** Words ("didn't" is one) and punctuation marks, with their spans. */
export function tokens(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(/[A-Za-z']+|[.,?]/g)) {
    const start = m.index ?? 0;
    out.push({ text: m[0], span: [start, start + m[0].length] });
  }
  return out;
}

/** Just the words and marks of a sentence, as the vocabulary counts them. */
export function words(sentence: string): string[] {
  return sentence.match(/[A-Za-z']+|[.,?]/g) ?? [];
}
