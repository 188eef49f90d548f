/**
 * Step 6: masking. An encoder lets every token see every other (a padding mask only hides
 * the padding of shorter sentences in a batch); a decoder blocks the future. The toggle
 * applies a causal mask to this head's scores and shows the renormalised weights.
 */
import { useMemo } from 'react';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { SELF_ATTENTION } from './inputs.ts';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { causallyMasked } from '../../src/models/head-steps.ts';
import { Status } from './Status.tsx';
import { useLessonHead } from './use-head.ts';

export function MaskingProse() {
  return (
    <>
      <p>
        Before the softmax, some scores can be replaced by −∞, so their weight becomes exactly 0. This encoder (like
        BERT) masks nothing inside a sentence: every token may look both ways. When sentences of different lengths
        share a batch, it masks the padding at the end, so no token attends to filler.
      </p>
      <p>
        A decoder such as GPT writes one token at a time, so while training it must not peek at the words it is about
        to predict: it masks every key to the right of the query, a <em>causal mask</em>. Switch it on to see what it
        does to this head.
      </p>
      <Formula tex="A = \operatorname{softmax}\!\Big(\tfrac{Q K^{\top}}{\sqrt{d_k}} \hl{+ M}\Big), \quad M_{ij} = \begin{cases} 0 & j \le i \\ -\infty & j > i \end{cases}" label="A equals softmax of scaled scores plus mask M" />
    </>
  );
}

export function MaskingFigure() {
  const h = useLessonHead();
  const [causal, setCausal] = useLessonInput(SELF_ATTENTION, 'causal');
  const masked = useMemo(() => (h.state === 'ready' ? causallyMasked(h.steps.scaled) : null), [h]);
  if (h.state !== 'ready' || !masked) return <Status h={h} />;
  return (
    <>
      <label className="toggle">
        <input type="checkbox" checked={causal} onChange={(e) => setCausal(e.target.checked)} /> Apply a causal mask (as a decoder would)
      </label>
      <HeatmapFigure
        title={causal ? `Causally masked weights, layer ${h.layer + 1}, head ${h.head + 1}` : `Unmasked weights (what this encoder computes)`}
        rows={h.labels}
        cols={h.labels}
        values={causal ? masked.weights : h.steps.weights}
        legend="weight"
        domain={[0, 1]}
        skipSpecial
      />
      <p className="muted">
        With the mask, the first token can only attend to itself (weight 1.00), and each row still sums to 1: softmax
        shares the whole weight among the keys left open.
      </p>
    </>
  );
}
