/**
 * Step 1: the encoder-decoder diagram of the 2017 paper, clickable. Selecting a block shows
 * what that block of the shipped translator computes for the sentence in the box.
 */
import { useDeferredValue } from 'react';
import { RetryButton } from '../../../src/components/lesson/RetryButton.tsx';
import { ArchitectureDiagram } from '../../../src/components/viz/ArchitectureDiagram.tsx';
import { Loading, Problem, StutterNote, UnknownWords } from '../ui/Notices.tsx';
import { useTranslation } from '../ui/use-translator.ts';
import { stutters } from '../model/translator.ts';
import { BlockInspector } from './overview/BlockInspector.tsx';
import { ENGLISH_EXAMPLES } from './examples.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../inputs.ts';

export function OverviewProse() {
  return (
    <>
      <p>
        This is the Transformer of Vaswani et al. (2017), built to translate. On the left, the <strong>encoder</strong> reads the whole English sentence at
        once. On the right, the <strong>decoder</strong> writes the French one token at a time, each time reading what it has written so far and looking
        back at the English.
      </p>
      <p>
        Every box is a piece of arithmetic you can inspect. Click a block (or tab to it and press Enter): the panel shows what that block of a small
        trained translator computes for the sentence in the box, right now. Change the sentence and every number changes with it.
      </p>
      <p>
        One honest difference: the picture follows the paper, which normalises <em>after</em> each residual addition (“Add &amp; Norm”). The translator
        shipped here, like GPT-2 and most recent models, normalises <em>before</em> each sub-layer instead; the Add &amp; Norm panels say which placement the
        model's own config uses.
      </p>
    </>
  );
}

export function OverviewFigure() {
  const [text] = useLessonInput(TRANSFORMER, 'english');
  const [block, setBlock] = useLessonInput(TRANSFORMER, 'block');
  const deferred = useDeferredValue(text);
  const r = useTranslation(deferred);
  return (
    <div className="tf-figure">
      <SentenceInput lesson={TRANSFORMER} name="english" label="English sentence" examples={ENGLISH_EXAMPLES} examplesLabel="Examples for “English sentence”" />
      {r.state === 'loading' && <Loading what="the translator" />}
      {r.state === 'error' && <Problem>{r.message}<RetryButton retry={r.retry} /></Problem>}
      {r.state === 'ready' && (
        <>
          <p className="tf-result" aria-live="polite">
            <span className="muted">The translator writes:</span> <strong lang="fr">{r.t.french || '(nothing)'}</strong>
            {!r.t.ended && <span className="muted"> (stopped at its length limit without writing “end”)</span>}
          </p>
          <UnknownWords words={r.t.source.unknown} model="the translator" asWhat="the unknown-word token <unk>" />
          {stutters(r.t.output) && <StutterNote />}
          <div className="tf-two-col tf-overview">
            <ArchitectureDiagram selected={block} onSelect={setBlock} title="Click a block" />
            <BlockInspector model={r.model} t={r.t} block={block} />
          </div>
        </>
      )}
    </div>
  );
}
