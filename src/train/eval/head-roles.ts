/**
 * What each head does, measured: the average attention a head puts on the previous token,
 * the next token, the token itself, the delimiters ([CLS], [SEP]) and other occurrences of the
 * same word, over a set of sentences (after Clark et al. 2019, section 3). A head is named for a
 * role when that share is at least `minShare`; the shares are the evidence on the card.
 */
import { transformerForward, type TransformerModel } from '../../models/transformer.ts';
import { noGrad } from '../../runtime/index.ts';
import type { Tokenizer } from '../../tokenizers/index.ts';

export const ROLES = ['previous', 'next', 'self', 'delimiter', 'sameWord'] as const;
export type Role = (typeof ROLES)[number];

export interface HeadRole {
  layer: number;
  head: number;
  role: Role;
  /** Mean share of the head's attention on the role's targets. */
  share: number;
}

/** [layer][head] -> role -> mean attention share over all (non-special) query tokens. */
export function roleShares(model: TransformerModel, tokenizer: Tokenizer, sentences: readonly string[]): Array<Array<Record<Role, number>>> {
  const { nLayers, nHeads } = model.config;
  const sums = Array.from({ length: nLayers }, () => Array.from({ length: nHeads }, () => Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>));
  let queries = 0;
  const special = new Set([tokenizer.specialIds.cls, tokenizer.specialIds.sep, tokenizer.specialIds.bos, tokenizer.specialIds.eos].filter((x) => x !== undefined));
  for (const sentence of sentences) {
    const tokens = tokenizer.encode(sentence);
    const T = tokens.length;
    const trace = noGrad(() => transformerForward(model, [tokens.map((t) => t.id)], { trace: true, logits: false }).trace!);
    const isDelim = tokens.map((t) => special.has(t.id));
    for (let i = 0; i < T; i++) {
      if (isDelim[i]) continue;
      queries++;
      trace.layers.forEach((layer, l) => layer.heads.forEach((h, hd) => {
        const row = h.weights.data.subarray(i * T, (i + 1) * T);
        const s = sums[l][hd];
        if (i > 0 && !isDelim[i - 1]) s.previous += row[i - 1];
        if (i + 1 < T && !isDelim[i + 1]) s.next += row[i + 1];
        s.self += row[i];
        for (let j = 0; j < T; j++) {
          if (isDelim[j]) s.delimiter += row[j];
          else if (j !== i && tokens[j].id === tokens[i].id) s.sameWord += row[j];
        }
      }));
    }
  }
  return sums.map((row) => row.map((s) => Object.fromEntries(ROLES.map((r) => [r, queries ? s[r] / queries : 0])) as Record<Role, number>));
}

/** The heads whose share of one role is at least minShare, strongest first. */
export function namedHeads(shares: Array<Array<Record<Role, number>>>, minShare = 0.5): HeadRole[] {
  const out: HeadRole[] = [];
  shares.forEach((row, layer) => row.forEach((s, head) => {
    const [role, share] = ROLES.map((r) => [r, s[r]] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
    if (share >= minShare) out.push({ layer, head, role, share });
  }));
  return out.sort((a, b) => b.share - a.share);
}
