/**
 * Frames into words. `renderFrame` writes the one template every kind shares,
 *   SUBJECT VERB-PHRASE OBJECT [adjunct] CONNECTIVE PRONOUN COPULA [intensifier] PREDICATE [adjunct].
 * and returns the spans of the pronoun and of both candidates' nouns; `renderReverse`
 * writes the same facts the other way round for the corpus ("The street was too wide, so
 * the animal didn't cross it.").
 */
import { Line, type Span } from './text.ts';
import { copulaWord, negationWord, type Style } from './variation.ts';
import { OBJECT_FORM, POSSESSIVE, pronounsOf, surface, type Frame, type Mention, type Role } from './world.ts';

export interface Rendered {
  sentence: string;
  pronoun: Span;
  subject: Span; // the subject's noun or name, without its article
  object: Span;
}

/** Writes a mention with its determiner and returns the span of the noun alone. */
export function writeMention(line: Line, m: Mention, det: 'the' | string = 'the'): Span {
  if (!m.noun.proper) line.add(det);
  return line.add(surface(m));
}

/** The subject's own possessive ("his" for the uncle), for "lift her niece". */
function possessiveOf(m: Mention): string {
  return POSSESSIVE[pronounsOf(m)[0]];
}

/** "didn't cross", "couldn't lift", "doesn't fit into", "sat on": what the subject did. */
function verbPhrase(f: Frame, style: Style): string {
  const neg = negationWord(style, f.subject.plural);
  if (f.relation === 'cross') return `${neg} cross`;
  if (f.relation === 'fit') return `${neg} fit ${style.into ? 'into' : 'in'}`;
  if (f.relation === 'lift') return `${neg} lift`;
  return f.verb;
}

function writeObject(line: Line, f: Frame): Span {
  return writeMention(line, f.object, f.objectDet === 'poss' ? possessiveOf(f.subject) : 'the');
}

/** "... PRONOUN was too PREDICATE" with the style's copula, intensifier and agreement. */
function writeReason(line: Line, f: Frame, style: Style, pronounWord: string): Span {
  const pronoun = line.add(pronounWord);
  line.add(copulaWord(style, f.pronoun === 'they'));
  line.add(style.intensifier);
  line.add(f.predicate);
  return pronoun;
}

/** The shared template; optionally continues an existing line (follow-up sentences). */
export function renderFrame(f: Frame, style: Style, line = new Line()): Rendered {
  const subject = writeMention(line, f.subject);
  line.add(verbPhrase(f, style));
  const object = writeObject(line, f);
  if (style.adjunctEarly) line.add(style.adjunct);
  line.add(style.connective);
  const pronoun = writeReason(line, f, style, f.pronoun);
  if (!style.adjunctEarly) line.add(style.adjunct);
  line.mark('.');
  return { sentence: line.toString(), pronoun, subject, object };
}

/**
 * The reason first, then the event, with the pronoun in the other clause:
 * antecedent subject: "The animal was too tired, so it didn't cross the street."
 * antecedent object:  "The street was too wide, so the animal didn't cross it."
 */
export function renderReverse(f: Frame, style: Style, line = new Line()): string {
  const ant: Role = f.antecedent;
  const m = f[ant];
  writeMention(line, m); // "the niece", not "her niece": the possessor comes later
  line.add(copulaWord({ ...style, present: false }, m.plural));
  line.add(style.intensifier === 'so' ? 'too' : style.intensifier); // not "so weak, so ..."
  line.add(f.predicate);
  line.mark(',').add('so');
  const past = { ...style, negation: style.negation === "doesn't" ? "didn't" : style.negation } as Style;
  if (ant === 'subject') {
    line.add(f.pronoun);
    line.add(verbPhrase(f, past));
    writeObject(line, f);
  } else {
    writeMention(line, f.subject);
    line.add(verbPhrase(f, past));
    line.add(OBJECT_FORM[f.pronoun]);
  }
  return line.mark('.').toString();
}

/** "The animal was too tired." after a case: predicting a masked antecedent here needs the case resolved. */
export function renderRestatement(f: Frame, style: Style, line: Line): void {
  const m = f[f.antecedent];
  writeMention(line, m);
  line.add(copulaWord({ ...style, present: false, copula: 'be' }, m.plural));
  line.add(style.intensifier);
  line.add(f.predicate);
  line.mark('.');
}

/** "Who was grateful? Tom." / "What was too wide? The street." ("who" for any living thing) */
export function renderQuestion(f: Frame, style: Style, line: Line): void {
  const m = f[f.antecedent];
  line.add(m.noun.sort === 'person' || m.noun.sort === 'animal' ? 'who' : 'what');
  line.add(copulaWord({ ...style, present: false, copula: 'be' }, m.plural));
  line.add(style.intensifier);
  line.add(f.predicate);
  line.mark('?');
  writeMention(line, m);
  line.mark('.');
}
