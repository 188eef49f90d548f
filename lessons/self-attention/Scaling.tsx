/**
 * Step 5 (the lesson's question): why divide by √d_k. The student predicts what happens
 * to the softmax without the scaling; the answer reveals both weight maps and the measured
 * peakedness and spread.
 */
import { useState } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { HeadPicker } from '../../src/components/lesson/HeadPicker.tsx';
import { Question } from '../../src/components/lesson/Question.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { meanMaxWeight, spread } from './compute.ts';
import { Status } from './Status.tsx';
import { useLessonHead } from './use-head.ts';

export function ScalingProse() {
  return (
    <>
      <p>
        Softmax turns a row of scores into weights that are positive and sum to 1. Before that, the scores are divided
        by √<i>d<sub>k</sub></i>, the square root of the key size (√16 = 4 here).
      </p>
      <Formula tex="A = \operatorname{softmax}\!\Big(\hl{\tfrac{Q K^{\top}}{\sqrt{d_k}}}\Big)" label="A equals softmax of Q K transposed over square root of d k" />
      <p>
        Why? A dot product of two vectors with <i>d<sub>k</sub></i> roughly independent entries of variance 1 has
        variance <i>d<sub>k</sub></i>: the bigger the head, the wider the scores. Dividing by √<i>d<sub>k</sub></i> brings
        them back to variance about 1, whatever the head size (Vaswani et al., 2017, footnote 4).
      </p>
    </>
  );
}

export function ScalingFigure() {
  const h = useLessonHead();
  const [answered, setAnswered] = useState(false);
  if (h.state !== 'ready') return <Status h={h} />;
  const cfg = h.model.config;
  const { weights, unscaledWeights, scores, scaled, dHead } = h.steps;
  return (
    <>
      <Question
        prompt="Leave out the division by √d_k. What happens to each row of attention weights?"
        choices={['They become flatter, closer to uniform', 'They become more peaked, one key taking most', 'Nothing: softmax does not care about scale']}
        correct={1}
        explanation={`Softmax of larger numbers is sharper: multiplying every score by ${Math.sqrt(dHead)} exaggerates the gaps, and the top key takes more. Below, measured on your sentence.`}
        onAnswer={() => setAnswered(true)}
      />
      {answered && (
        <>
          <HeadPicker nLayers={cfg.nLayers} nHeads={cfg.nHeads} coreferenceHead={h.model.meta.coreferenceHead} />
          <p>
            Spread (standard deviation) of the scores: <strong>{spread(scores).toFixed(2)}</strong> raw,{' '}
            <strong>{spread(scaled).toFixed(2)}</strong> after dividing by √{dHead}. Average top weight per row:{' '}
            <strong>{meanMaxWeight(weights).toFixed(2)}</strong> with scaling, <strong>{meanMaxWeight(unscaledWeights).toFixed(2)}</strong>{' '}
            without.
          </p>
          <div className="figure-pair">
            <HeatmapFigure title="With scaling (what the model does)" rows={h.labels} cols={h.labels} values={weights} legend="weight" domain={[0, 1]} skipSpecial />
            <HeatmapFigure title="Without scaling" rows={h.labels} cols={h.labels} values={unscaledWeights} legend="weight" domain={[0, 1]} skipSpecial />
          </div>
          <p className="muted">
            A model trained with the scaling was not trained for the unscaled weights: the right-hand map shows what the
            softmax would do, not what a model trained without scaling would learn.
          </p>
        </>
      )}
    </>
  );
}
