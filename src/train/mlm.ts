/**
 * Masked-language-model inputs (Devlin et al. 2019): a fraction of positions is chosen; of
 * those 80% become [MASK], 10% a random token, 10% stay; only chosen positions are
 * predicted. Some tokens may be chosen more often than others (`boost`): the objective is
 * still plain MLM, but the words whose prediction needs long-range context get asked more.
 */
import type { Rng } from '../runtime/index.ts';

export interface MaskOptions {
  maskId: number;
  vocabSize: number;
  /** Ids never chosen (CLS, SEP, PAD). */
  special: ReadonlySet<number>;
  /** Chance that an ordinary token is chosen (BERT: 0.15). */
  p: number;
  /** Per-id chance that overrides p (pronouns, predicates). */
  boost?: ReadonlyMap<number, number>;
  /** Ids that random replacement draws from (default: every non-special id). */
  randomPool?: readonly number[];
  /**
   * Ids whose corruption, when chosen, is a swap for another id of the same group (a
   * pronoun for another pronoun) with probability `swap`, instead of the 80/10/10 rule:
   * the model then sees a real but possibly wrong pronoun and must predict the right one.
   */
  swapGroups?: ReadonlyMap<number, readonly number[]>;
  swap?: number;
}

/** Returns the corrupted input and targets (-100 where nothing is predicted). */
export function maskTokens(ids: readonly number[], rng: Rng, o: MaskOptions): { input: number[]; targets: number[] } {
  const input = [...ids];
  const targets = ids.map(() => -100);
  let chosenAny = false;
  const eligible: number[] = [];
  ids.forEach((id, i) => {
    if (o.special.has(id)) return;
    eligible.push(i);
    if (rng.next() < (o.boost?.get(id) ?? o.p)) {
      choose(i);
      chosenAny = true;
    }
  });
  // Every sequence predicts at least one token, so no batch row is wasted.
  if (!chosenAny && eligible.length > 0) choose(eligible[rng.int(eligible.length)]);
  return { input, targets };

  function choose(i: number): void {
    targets[i] = ids[i];
    const group = o.swapGroups?.get(ids[i]);
    if (group && rng.next() < (o.swap ?? 0)) {
      const others = group.filter((g) => g !== ids[i]);
      if (others.length > 0) {
        input[i] = others[rng.int(others.length)];
        return;
      }
    }
    const r = rng.next();
    if (r < 0.8) input[i] = o.maskId;
    else if (r < 0.9) input[i] = o.randomPool ? o.randomPool[rng.int(o.randomPool.length)] : randomNonSpecial();
  }

  function randomNonSpecial(): number {
    for (;;) {
      const id = rng.int(o.vocabSize);
      if (!o.special.has(id)) return id;
    }
  }
}
