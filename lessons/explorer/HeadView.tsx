/** Step 2: the head view: lines from each token to the tokens it attends to, every head of a layer in its own colour. */
import { useMemo } from 'react';
import { HeadPicker, useSelectedHead } from '../../src/components/lesson/HeadPicker.tsx';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { AttentionLines } from '../../src/components/viz/AttentionLines.tsx';
import { headWeights, selectText, useAtlas } from '../../src/store/index.ts';
import { EXAMPLES } from './examples.ts';
import { Pending, useResult } from './use-result.tsx';

export function HeadViewProse() {
  return (
    <p>
      The same numbers drawn as lines, as Jesse Vig's BertViz does: each word on the left sends lines to the words it
      attends to on the right, thicker for more weight, one colour per head. Hover a word to see only its lines.
    </p>
  );
}

export function HeadViewFigure() {
  const r = useResult(useAtlas(selectText));
  const n = r.state === 'ready' ? r.result : null;
  const { layer } = useSelectedHead(n?.nLayers ?? 1, n?.nHeads ?? 1);
  const heads = useMemo(() => (n ? Array.from({ length: n.nHeads }, (_, h) => ({ weights: headWeights(n, layer, h), label: `Head ${h + 1}` })) : []), [n, layer]);
  return (
    <>
      <SentenceInput examples={EXAMPLES} />
      <Pending r={r} />
      {n && r.state === 'ready' && (
        <>
          <HeadPicker nLayers={n.nLayers} nHeads={n.nHeads} coreferenceHead={n.coreferenceHead} />
          <AttentionLines from={r.labels} heads={heads} title={`Layer ${layer + 1}, all heads`} />
        </>
      )}
    </>
  );
}
