/**
 * Step 8: the whole computation in one figure: where a word the student clicks (by default
 * the pronoun after "because") looks on the selected head, over the sentence's nouns, for
 * "... too tired" and "... too wide". The prose says, from the card, how the pronoun head got there.
 */
import { useMemo } from 'react';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { corefSentence, headName } from '../../src/components/explorer/CorefLine.tsx';
import { FollowRow, followRow } from '../../src/components/explorer/FollowRow.tsx';
import { HeadPicker } from '../../src/components/lesson/HeadPicker.tsx';
import { useModel } from '../../src/components/use-model.ts';
import { selectModelId, useAtlas, type CorefMeta } from '../../src/store/index.ts';
import { tryParseModelRef } from '../../src/checkpoints/model-ref.ts';
import { References } from '../../src/components/lesson/References.tsx';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { EXAMPLES } from './examples.ts';
import { Status } from './Status.tsx';
import { SELF_ATTENTION } from './inputs.ts';
import { useLessonHead } from './use-head.ts';

/**
 * What the card says about pronouns, for the prose: read from the model, never written by
 * hand. Only the course's models have cards; a hub model's heads were never measured here.
 */
function usePronounCard(): { coref: CorefMeta | undefined; measured: boolean } {
  const modelId = useAtlas(selectModelId);
  const course = tryParseModelRef(modelId)?.kind === 'builtin';
  const b = useModel(course ? modelId : null);
  return { coref: b.state === 'ready' ? b.model.meta.coreference : undefined, measured: course };
}

export function HeadResultProse() {
  const { coref: c, measured } = usePronounCard();
  return (
    <>
      <p>
        That is all of self-attention: project to queries, keys and values, score every pair, scale, mask, softmax,
        and blend the values. Every layer has several heads doing this in parallel, each with its own weights (the
        next lesson), and stacking layers lets later heads build on what earlier ones gathered.
      </p>
      {c?.meetsBar && c.how === 'attention loss' ? (
        <p>
          One head of this model was given a job: {headName(c.head)} was trained with an extra loss to point from a pronoun to
          the noun it refers to (as in LISA, Strubell et al. 2018). Which noun, it has to work out from the sentence: on {c.cases}{' '}
          {c.measuredOn} it picks the right one {Math.round(meanAccuracy(c) * 100)}% of the time. The other heads were told nothing
          about where to look. Click a word to follow it, and switch between “tired” and “wide”.
        </p>
      ) : measured ? (
        <p>
          Nothing told this model where to look. {corefSentence(c)} Click a word to follow it anyway, and switch between “tired”
          and “wide”: does the row of “it” change?
        </p>
      ) : (
        <p>
          This model was trained elsewhere, and the course has not measured which of its heads, if any, link pronouns: look for
          yourself. Click a word to follow it, try every head, and switch between “tired” and “wide”: does the row of “it” change?
        </p>
      )}
    </>
  );
}

const meanAccuracy = (c: CorefMeta) => {
  const v = Object.values(c.accuracy);
  return v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
};

export function HeadResultFigure() {
  const h = useLessonHead();
  const [word, setWord] = useLessonInput(SELF_ATTENTION, 'word');
  const follow = useMemo(() => (h.state === 'ready' ? followRow(h.result, h.layer, h.head, word) : null), [h, word]);
  // The heatmap pins the followed word's first token and rings the candidate nouns' tokens.
  const pinned = follow && follow.chosen >= 0 ? follow.words[follow.chosen].tokens[0] : undefined;
  const candidates = follow ? follow.candidates.flatMap((c) => c.tokens) : [];
  return (
    <>
      <SentenceInput examples={EXAMPLES} />
      <Status h={h} />
      {h.state === 'ready' && (
        <>
          <HeadPicker nLayers={h.model.config.nLayers} nHeads={h.model.config.nHeads} coreferenceHead={h.model.meta.coreferenceHead} />
          {!h.model.meta.coreferenceHead && <p className="muted">{corefSentence(h.model.meta.coreference)}</p>}
          <FollowRow result={h.result} layer={h.layer} head={h.head} word={word} onWord={setWord} />
          <HeatmapFigure
            title={`Attention weights, layer ${h.layer + 1}, head ${h.head + 1}`}
            rows={h.labels}
            cols={h.labels}
            values={h.steps.weights}
            pinnedRow={pinned}
            highlightCols={candidates}
            legend="weight"
            domain={[0, 1]}
            skipSpecial
          />
        </>
      )}
      <References
        items={[
          { authors: 'Vaswani, A. et al.', year: 2017, title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' },
          { authors: 'Devlin, J. et al.', year: 2019, title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', url: 'https://arxiv.org/abs/1810.04805' },
          { authors: 'Clark, K. et al.', year: 2019, title: 'What Does BERT Look At? An Analysis of BERT’s Attention', url: 'https://arxiv.org/abs/1906.04341' },
          { authors: 'Strubell, E. et al.', year: 2018, title: 'Linguistically-Informed Self-Attention for Semantic Role Labeling', url: 'https://arxiv.org/abs/1804.08199' },
        ]}
      />
    </>
  );
}
