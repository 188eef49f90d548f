/**
 * Jobs of lessons 3 and 4 (self-attention step by step, multi-head attention): each returns
 * the lesson's TextView (src/store/text-view.ts) and what its figures add, computed from the
 * model's own weights. The forward pass of a sentence is remembered while only the chosen
 * layer or head changes.
 */
import { concatAndProject, bankPair, senseDrift } from '../../../lessons/multi-head/compute.ts';
import { BANK_SAMPLE } from '../../../lessons/multi-head/examples.ts';
import { headSteps } from '../../models/head-steps.ts';
import { AttentionInputError, runText } from '../../store/run-text.ts';
import { clampHead, textBundle, textView } from '../../store/text-view.ts';
import { roleShares } from '../../train/eval/head-roles.ts';
import type { JobContext } from './job-context.ts';

/** The view of `text`, its forward pass remembered for the next call on the same text. */
function viewOf(c: JobContext, text: string) {
  const run = c.memo(text, () => runText(c.bundle, text));
  return { run, view: textView(c.bundle, text, run) };
}

function tokenizerOf(c: JobContext) {
  const b = textBundle(c.bundle);
  if (!b.tokenizer) throw new AttentionInputError(`${b.id} has no tokenizer, so it cannot read typed text.`);
  return { model: b.model, tokenizer: b.tokenizer };
}

export const LESSON_TEXT_JOBS = {
  /** Lesson 3: one head of one layer recomputed step by step (Q, K, V, scores, softmax, sum). */
  'self-attention': (c: JobContext, a: { text: string; layer: number; head: number }) => {
    const { run, view } = viewOf(c, a.text);
    const { layer, head } = clampHead(view.model.config, a.layer, a.head);
    return { view, layer, head, steps: headSteps(textBundle(c.bundle).model, run.trace, layer, head) };
  },

  /** Lesson 4: every head of a layer, their concatenation through W_O, and each head's habits on the text. */
  'multi-head': (c: JobContext, a: { text: string; layer: number }) => {
    const { run, view } = viewOf(c, a.text);
    const { layer } = clampHead(view.model.config, a.layer, 0);
    const { model, tokenizer } = tokenizerOf(c);
    return { view, layer, concat: concatAndProject(model, run.trace, layer), roles: roleShares(model, tokenizer, [a.text]) };
  },

  /** Lesson 4's "bank": how alike its vectors are, layer by layer, across senses and for the student's pair. */
  bank: (c: JobContext, a: { first: string; second: string }) => {
    const { model, tokenizer } = tokenizerOf(c);
    const drift = c.memo('drift', () => senseDrift(model, tokenizer, BANK_SAMPLE));
    return { drift, samples: BANK_SAMPLE.length, pair: bankPair(model, tokenizer, a.first, a.second) };
  },
};
