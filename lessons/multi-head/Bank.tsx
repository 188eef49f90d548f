/**
 * Steps 4 and 5: one word, two meanings. The student predicts whether the two senses of
 * "bank" end up closer or further apart than two uses of the same sense, then sees the
 * cosine similarities measured layer by layer on generated sentences and on their own two.
 */
import { useMemo } from 'react';
import { Question } from '../../src/components/lesson/Question.tsx';
import { References } from '../../src/components/lesson/References.tsx';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { ModelJobStatus } from '../../src/components/lesson/ModelJobStatus.tsx';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import { BANK_INPUTS } from './inputs.ts';
import { useBankMeasures } from './use-model.ts';

export function BankQuestionProse() {
  return (
    <>
      <p>
        The embedding table has one row for “bank”, whatever it means. After a few layers of attention, the vector at
        “bank” has mixed in its neighbours: “money” and “deposited” in one sentence, “river” and “sat” in the other.
        These are <em>contextual</em> vectors. We compare them by the cosine of the angle between them: 1 means they
        point the same way.
      </p>
    </>
  );
}

export function BankQuestionFigure() {
  const [a] = useLessonInput(BANK_INPUTS, 'bank-first');
  const [c] = useLessonInput(BANK_INPUTS, 'bank-second');
  const m = useBankMeasures(a, c);
  if (m.state.state !== 'ready') return <ModelJobStatus job={m.state} modelId={m.modelId} remote={m.remote} />;
  const { drift, samples } = m.state.value;
  const last = drift.within.length - 1;
  const gap = drift.within[last] - drift.across[last];
  // Within 0.02 the measurement cannot tell them apart: then "equally close" is the answer it supports.
  const correct = Math.abs(gap) < 0.02 ? 2 : gap > 0 ? 1 : 0;
  return (
    <Question
      prompt="After the last layer, is a money “bank” closer to a river “bank”, or to another money “bank”?"
      choices={['Closer to the river “bank”', 'Closer to another money “bank”', 'Equally close: it is the same word']}
      correct={correct}
      explanation={`Measured with ${m.modelId} on ${samples} generated sentences: mean cosine ${drift.within[last].toFixed(2)} between “bank”s of the same sense, ${drift.across[last].toFixed(2)} across the two senses. The next step shows how this develops layer by layer.`}
    />
  );
}

export function BankDriftProse() {
  return (
    <p>
      Does attention pull the two senses apart, layer by layer? Edit the two sentences: the dots are your own pair,
      measured live; the lines are averages over generated sentences of each sense. The sentence under the plot says
      what this model's lines show.
    </p>
  );
}

/** What the lines show, in words: where the two senses part, if they do (measured, never assumed). */
export function driftSentence(drift: { within: number[]; across: number[] }): string {
  const gaps = drift.within.map((w, l) => w - drift.across[l]);
  const last = gaps.length - 1;
  const fmt = (l: number) => `${drift.within[l].toFixed(2)} same sense vs ${drift.across[l].toFixed(2)} across senses`;
  const first = gaps.findIndex((g) => g >= 0.03);
  if (first < 0) return `The two lines stay within 0.03 of each other at every depth (last: ${fmt(last)}): this model's “bank” vectors do not separate the senses.`;
  const where = first === 0 ? 'already in the embeddings' : `from depth ${first} on`;
  return `Same-sense pairs are more alike than cross-sense pairs ${where} (${fmt(first)}); after the last layer: ${fmt(last)}.`;
}

export function BankDriftFigure() {
  const [a] = useLessonInput(BANK_INPUTS, 'bank-first');
  const [c] = useLessonInput(BANK_INPUTS, 'bank-second');
  const m = useBankMeasures(a, c);
  const value = m.state.state === 'ready' ? m.state.value : null;
  const series = useMemo(() => {
    if (!value) return [];
    const pts = (ys: number[]) => ys.map((y, l) => [l, y] as [number, number]);
    const out = [
      { name: 'same sense (mean)', points: pts(value.drift.within) },
      { name: 'different senses (mean)', points: pts(value.drift.across) },
    ];
    if ('cos' in value.pair) out.push({ name: 'your two sentences', points: pts(value.pair.cos) });
    return out;
  }, [value]);
  if (!value) return <ModelJobStatus job={m.state} modelId={m.modelId} remote={m.remote} />;
  const pair = value.pair;
  const drift = value.drift;
  return (
    <>
      <div className="bank-inputs">
        <SentenceInput lesson={BANK_INPUTS} name="bank-first" label="First sentence" />
        <SentenceInput lesson={BANK_INPUTS} name="bank-second" label="Second sentence" />
      </div>
      {'error' in pair && <p className="error" role="alert">{pair.error}</p>}
      <LinePlot series={series} xLabel="depth (0 = embeddings, then after each layer)" yLabel="cosine" title="How alike are the two “bank” vectors?" />
      <p data-testid="drift-sentence">{driftSentence(drift)}</p>
      <References
        items={[
          { authors: 'Vaswani, A. et al.', year: 2017, title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' },
          { authors: 'Clark, K. et al.', year: 2019, title: 'What Does BERT Look At? An Analysis of BERT’s Attention', url: 'https://arxiv.org/abs/1906.04341' },
          { authors: 'Voita, E. et al.', year: 2019, title: 'Analyzing Multi-Head Self-Attention: Specialized Heads Do the Heavy Lifting, the Rest Can Be Pruned', url: 'https://arxiv.org/abs/1905.09418' },
          { authors: 'Ethayarajh, K.', year: 2019, title: 'How Contextual are Contextualized Word Representations?', url: 'https://arxiv.org/abs/1909.00512' },
        ]}
      />
    </>
  );
}
