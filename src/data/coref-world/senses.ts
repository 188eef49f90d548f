/**
 * Words whose reading the context decides: "bank" as money's ("I deposited money in the
 * bank.") or a river's ("He sat by the river bank."), each in many contexts so a model can
 * give the two different vectors; and the weather "it" ("She drove the car because it was
 * raining."), which names nothing and so is never a coreference case.
 */
import type { Rng } from '../../runtime/index.ts';
import { maybeAdjunct, someone } from './extras.ts';
import { animal } from './frames.ts';
import { PEOPLE } from './lexicon.ts';
import { writeMention } from './render.ts';
import { Line, type Span } from './text.ts';

export type Sense = 'money' | 'river';

/** One sentence using "bank" in one sense; `bank` is its span. */
export function bankSentence(rng: Rng, sense: Sense): { sentence: string; bank: Span } {
  const line = new Line();
  const who = (): void => {
    if (rng.next() < 0.3) line.add(rng.pick(['I', 'she', 'he']));
    else writeMention(line, someone(rng).m);
  };
  // Each template: [words before "bank" (written by a function), words after].
  const money: [() => void, () => string][] = [
    [() => (who(), line.add(`${rng.pick(['deposited', 'kept', 'was depositing'])} money ${rng.pick(['in', 'at'])} the`)), () => ''],
    [() => (who(), line.add('went to the')), () => 'to deposit money'],
    [() => line.add('the'), () => `was ${rng.pick(['closed', 'busy', 'open', 'crowded'])}`],
    [() => (who(), line.add('worked at the')), () => 'near the park'],
    [() => line.add('the'), () => `gave the ${rng.pick(Object.keys(PEOPLE))} money`],
  ];
  const river: [() => void, () => string][] = [
    [() => (who(), line.add(`${rng.pick(['sat', 'stood', 'lay'])} by the river`)), () => ''],
    [() => (who(), line.add(`${rng.pick(['sat', 'walked'])} ${rng.pick(['on', 'along'])} the`)), () => 'of the river'],
    [() => (writeMention(line, animal(rng, rng.next() < 0.4)), line.add(`${rng.pick(['slept on', 'drank water by', 'ran along'])} the river`)), () => ''],
    [() => line.add('the river'), () => `was ${rng.pick(['muddy', 'wet', 'green', 'steep'])}`],
    [() => line.add('the river flooded the'), () => ''],
  ];
  const [before, after] = rng.pick(sense === 'money' ? money : river);
  before();
  const bank = line.add('bank');
  line.add(after());
  maybeAdjunct(rng, line, 0.25);
  line.mark('.');
  return { sentence: line.toString(), bank };
}

/**
 * "She drove the car because it was raining.": "it" names no one here (weather), so such
 * sentences carry no coreference label; `nearest` is the noun before it, which a
 * coreference head should not pick.
 */
export function dummyItSentence(rng: Rng): { sentence: string; pronoun: Span; nearest: Span } {
  const line = new Line();
  if (rng.next() < 0.7) line.add(rng.pick(['she', 'he', 'I'])); else writeMention(line, someone(rng).m);
  const [verb, thing] = rng.pick([['drove', 'car'], ['sat in', 'car'], ['slept on', 'sofa'], ['stayed near', 'fence'], ['sat under', 'tree']] as const);
  line.add(`${verb} the`);
  const nearest = line.add(thing);
  line.add(rng.pick(['because', 'since', 'as']));
  const pronoun = line.add('it');
  line.add(`was ${rng.pick(['raining', 'snowing', 'late'])}`);
  // Times only: "raining in the park" would invite reading "it" as the park.
  if (rng.next() < 0.2) line.add(rng.pick(['yesterday', 'today', 'in the morning']));
  line.mark('.');
  return { sentence: line.toString(), pronoun, nearest };
}
