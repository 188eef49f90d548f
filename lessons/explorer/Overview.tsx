/** Step 1: any sentence, every layer and head at once (the model view). */
import { useMemo } from 'react';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { ModelView } from '../../src/components/viz/ModelView.tsx';
import { headWeights, selectSelectHead, selectSelectLayer, selectText, useAtlas } from '../../src/store/index.ts';
import { EXAMPLES } from './examples.ts';
import { Pending, useResult } from './use-result.tsx';

export function OverviewProse() {
  return (
    <>
      <p>
        This lesson is free play, and the instructor's live demo. Type any sentence: the coref model reads it in your
        browser and every one of its 16 heads (4 layers × 4 heads) draws its attention as a small map. Rows are the
        attending tokens, columns the attended ones.
      </p>
      <p>Patterns jump out: diagonals just off the middle (previous or next token), columns (everyone looking at one token), blocks.</p>
    </>
  );
}

export function OverviewFigure() {
  const text = useAtlas(selectText);
  const r = useResult(text);
  const setLayer = useAtlas(selectSelectLayer);
  const setHead = useAtlas(selectSelectHead);
  const heads = useMemo(() => (r.state === 'ready' ? Array.from({ length: r.result.nLayers }, (_, l) => Array.from({ length: r.result.nHeads }, (_, h) => headWeights(r.result, l, h))) : []), [r]);
  return (
    <>
      <SentenceInput examples={EXAMPLES} />
      <Pending r={r} />
      {r.state === 'ready' && <ModelView heads={heads} tokens={r.labels} onSelect={(l, h) => { setLayer(l); setHead(h); }} title="Every layer and head" />}
    </>
  );
}
