// @vitest-environment node
/**
 * The line the Explorer, the Models page and the lessons show for a model's pronoun card, on
 * the shipped cards: a model whose card meets the bar names its head, says how it got there
 * and gives the measured accuracy; one that does not (tiny-gpt, coref-mlm) says no head links
 * pronouns; a malformed card is refused rather than shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCoreference } from '../../src/checkpoints/bundle.ts';
import { corefSentence, pct } from '../../src/components/explorer/CorefLine.tsx';
import { repoRoot } from '../helpers/shared.ts';

const cardOf = (id: string) => JSON.parse(readFileSync(join(repoRoot, 'public/models', id, 'card.json'), 'utf8'));
const lineOf = (id: string) => corefSentence(parseCoreference(cardOf(id).coreference));

describe('corefSentence on the shipped cards', () => {
  it('coref: names the trained head, how it got there and its accuracy on unseen sentences', () => {
    const c = cardOf('coref').coreference;
    const line = lineOf('coref');
    expect(line).toMatch(new RegExp(`^Links pronouns: layer ${c.head[0] + 1}, head ${c.head[1] + 1}, right [0-9.]+% of the time on ${c.cases} generated sentences it never saw`));
    expect(line).toContain('an extra loss on this head');
    expect(line).toContain('chance 50%');
  });

  it.each(['tiny-gpt', 'coref-mlm'])('%s: says that no head links pronouns, with its best head near chance', (id) => {
    const c = cardOf(id).coreference;
    const line = lineOf(id);
    expect(line).toMatch(/^No head links pronouns \(best head layer \d, head \d: \d+% on \d+ /);
    const mean = Object.values(c.accuracy as Record<string, number>).reduce((a, b) => a + b, 0) / Object.keys(c.accuracy).length;
    expect(line).toContain(pct(mean));
    expect(line).not.toContain('Links pronouns');
  });

  it('without a card block, says it was not measured; a malformed block is refused', () => {
    expect(corefSentence(undefined)).toMatch(/not measured/);
    expect(() => parseCoreference({ ...cardOf('coref').coreference, meetsBar: 'yes' })).toThrow(/malformed/);
    expect(() => parseCoreference({ ...cardOf('coref').coreference, everyHeadMean: [[2]] })).toThrow(/malformed/);
  });
});
