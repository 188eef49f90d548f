/**
 * Post-processing templates: which special tokens go around the text's tokens ([CLS] A [SEP]
 * for BERT, nothing for GPT-2), read from and written to Hugging Face's post_processor.
 */
import type { HfComponent } from './hf-schema.ts';
import { UnsupportedTokenizerError, boolField } from './hf-schema.ts';
import type { Token } from './types.ts';

/** One item of a template: the text's own tokens, or a special token placed around them. */
export type TemplateItem = 'sequence' | { text: string; id: number };

export interface PostProcessorSpec {
  template: TemplateItem[];
  /** Byte-level offsets leave out the leading/trailing spaces a token carries ("Ġcat" -> "cat"). */
  trimOffsets: boolean;
}

/** Wraps the text's tokens in the template's special tokens; those have null offsets. */
export function applyTemplate(template: readonly TemplateItem[], tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const item of template) {
    if (item === 'sequence') out.push(...tokens);
    else out.push({ text: item.text, id: item.id, start: null, end: null });
  }
  return out;
}

function specialPair(c: HfComponent, name: string): { text: string; id: number } {
  const v = c[name];
  if (!Array.isArray(v) || typeof v[0] !== 'string' || typeof v[1] !== 'number') {
    throw new UnsupportedTokenizerError(`${c.type}.${name} must be [token, id]`);
  }
  return { text: v[0], id: v[1] };
}

function parseTemplateProcessing(c: HfComponent): TemplateItem[] {
  const single = c.single;
  const specials = (c.special_tokens ?? {}) as Record<string, { ids: number[]; tokens: string[] }>;
  if (!Array.isArray(single)) throw new UnsupportedTokenizerError('TemplateProcessing.single must be a list');
  const template: TemplateItem[] = [];
  for (const piece of single as Array<Record<string, { id: string }>>) {
    if (piece.Sequence) {
      if (piece.Sequence.id !== 'A') {
        throw new UnsupportedTokenizerError('TemplateProcessing.single may only use sequence A');
      }
      template.push('sequence');
    } else if (piece.SpecialToken) {
      const spec = specials[piece.SpecialToken.id];
      if (!spec || spec.ids.length !== spec.tokens.length) {
        const name = piece.SpecialToken.id;
        throw new UnsupportedTokenizerError(`TemplateProcessing: special token ${name} is not defined`);
      }
      spec.ids.forEach((id, k) => template.push({ text: spec.tokens[k], id }));
    } else {
      throw new UnsupportedTokenizerError(`TemplateProcessing: unknown piece ${JSON.stringify(piece)}`);
    }
  }
  return template;
}

/**
 * Reads a post_processor: null, TemplateProcessing, BertProcessing, RobertaProcessing,
 * ByteLevel, or a Sequence of those. Pair templates are ignored: the course encodes one text.
 */
export function parsePostProcessor(c: HfComponent | null | undefined): PostProcessorSpec {
  if (c === null || c === undefined) return { template: ['sequence'], trimOffsets: false };
  switch (c.type) {
    case 'TemplateProcessing':
      return { template: parseTemplateProcessing(c), trimOffsets: false };
    case 'BertProcessing':
      return { template: [specialPair(c, 'cls'), 'sequence', specialPair(c, 'sep')], trimOffsets: false };
    case 'RobertaProcessing':
      return {
        template: [specialPair(c, 'cls'), 'sequence', specialPair(c, 'sep')],
        trimOffsets: boolField(c, 'trim_offsets', true),
      };
    case 'ByteLevel':
      return { template: ['sequence'], trimOffsets: boolField(c, 'trim_offsets', true) };
    case 'Sequence': {
      const parts = (c.processors as HfComponent[] | undefined) ?? [];
      const specs = parts.map(parsePostProcessor);
      const withSpecials = specs.filter((s) => s.template.length > 1);
      if (withSpecials.length > 1) throw new UnsupportedTokenizerError('Sequence post_processor with two templates');
      return {
        template: withSpecials[0]?.template ?? ['sequence'],
        trimOffsets: specs.some((s) => s.trimOffsets),
      };
    }
    default:
      throw new UnsupportedTokenizerError(`unsupported post_processor type "${c.type}"`);
  }
}

/** Writes a template as an HF TemplateProcessing post_processor (pair: A [..] B, like BERT). */
export function templateToHf(template: readonly TemplateItem[]): HfComponent {
  const toPiece = (item: TemplateItem, seq: 'A' | 'B', typeId: number): object =>
    item === 'sequence'
      ? { Sequence: { id: seq, type_id: typeId } }
      : { SpecialToken: { id: item.text, type_id: typeId } };
  const single = template.map((item) => toPiece(item, 'A', 0));
  // BERT's pair template repeats everything after A for B: [CLS] A [SEP] B [SEP].
  const afterA = template.slice(template.indexOf('sequence'));
  const pair = [...single, ...afterA.map((item) => toPiece(item, 'B', 1))];
  const special_tokens: Record<string, { id: string; ids: number[]; tokens: string[] }> = {};
  for (const item of template) {
    if (item !== 'sequence') special_tokens[item.text] = { id: item.text, ids: [item.id], tokens: [item.text] };
  }
  return { type: 'TemplateProcessing', single, pair, special_tokens };
}
