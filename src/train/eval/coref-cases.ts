/**
 * Reads coreference cases in the layout of ../shared/coref/public.tsv: id, kind, sentence,
 * then [start, end) character spans of the pronoun, its antecedent and a distractor.
 * Malformed lines are reported with their line number, never skipped.
 */
import type { CorefCase } from './coref-metric.ts';

const HEADER = ['id', 'kind', 'sentence', 'pronoun_start', 'pronoun_end', 'antecedent_start', 'antecedent_end', 'distractor_start', 'distractor_end'];

export function parseCorefTsv(text: string): CorefCase[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0 || lines[0].split('\t').join() !== HEADER.join()) {
    throw new Error(`coref cases: the first line must be the header ${HEADER.join(' ')}`);
  }
  return lines.slice(1).map((line, i) => {
    const f = line.split('\t');
    const n = f.slice(3).map(Number);
    const where = `coref cases line ${i + 2}`;
    if (f.length !== HEADER.length || n.some((x) => !Number.isInteger(x) || x < 0)) throw new Error(`${where}: expected 9 tab-separated fields with integer spans`);
    const sentence = f[2];
    const spans = [[n[0], n[1]], [n[2], n[3]], [n[4], n[5]]] as const;
    if (spans.some(([s, e]) => s >= e || e > sentence.length)) throw new Error(`${where}: a span lies outside the sentence`);
    return { kind: f[1], sentence, pronoun: spans[0], antecedent: spans[1], distractor: spans[2] };
  });
}
