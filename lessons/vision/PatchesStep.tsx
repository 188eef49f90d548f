/** Step 2: cutting the image into patches; the token count and the quadratic cost a patch size implies. */
import { useState } from 'react';
import { FRAME } from '../../src/data/digits/index.ts';
import { Question } from '../../src/components/lesson/Question.tsx';
import { PatchGrid } from '../../src/components/viz/PatchGrid.tsx';
import { RangeField } from '../../src/components/lesson/controls.tsx';
import { LoadedPatches } from './LoadedFigures.tsx';
import { PatchCostTable } from './PatchCostTable.tsx';
import { patchCost, patchSizes } from './vit-run.ts';
import { useVitShape } from './use-vit-shape.ts';
import { Workbench } from './Workbench.tsx';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { VISION } from './inputs.ts';

export function PatchesProse() {
  const s = useVitShape();
  const pixels = patchCost(FRAME, 1);
  const trained = s ? patchCost(FRAME, s.patch) : null;
  return (
    <>
      <p>
        A Transformer needs a sequence of tokens. A ViT makes one by cutting the image into square patches, read left to right and top to
        bottom like the words of a page; each patch becomes one token. One more token, <em>CLS</em>, is put in front (step 4).
      </p>
      <p>
        The patch size is a trade-off. Self-attention compares every token with every token, so <em>T</em> tokens cost <em>T</em>² scores
        per head and layer. Halve the patch side and you get four times as many patches, and about sixteen times as many scores. That is
        why ViTs use patches at all instead of one token per pixel: a {FRAME} × {FRAME} image as {pixels.patches} pixel tokens would
        need {pixels.tokens}² = {pixels.scoresPerHead.toLocaleString('en')} scores per head
        {trained && (
          <>
            , while {trained.patches} patches need {trained.tokens}² = {trained.scoresPerHead.toLocaleString('en')}
          </>
        )}
        .
      </p>
      <p>
        Move the slider to cut your digit differently. The model itself was trained with one patch size only
        {s && (
          <>
            , {s.patch} × {s.patch}: its projection takes exactly {s.pixels} pixels and its table of position embeddings has exactly {s.tokens} rows
          </>
        )}
        . So other sizes show how the image would be cut and what it would cost; the model only ever runs at its own size.
      </p>
    </>
  );
}

export function PatchesFigure() {
  const [answered, setAnswered] = useState(false);
  const sizes = patchSizes(FRAME);
  const [p, setSide] = useLessonInput(VISION, 'side');
  const index = sizes.indexOf(p);
  const from = patchCost(FRAME, 4);
  const to = patchCost(FRAME, 2);
  return (
    <>
      <Question
        prompt="You halve the patch side from 4 to 2 pixels. How many times more attention scores does each head of each layer compute?"
        choices={['2 times', '4 times', 'About 16 times']}
        correct={2}
        explanation={`4 × 4 patches give ${from.patches} patches plus CLS = ${from.tokens} tokens, so ${from.tokens}² = ${from.scoresPerHead.toLocaleString('en')} scores; 2 × 2 patches give ${to.tokens} tokens and ${to.scoresPerHead.toLocaleString('en')} scores: ${(to.scoresPerHead / from.scoresPerHead).toFixed(1)} times as many. Four times the patches, squared, is sixteen; the one CLS token makes it a little less.`}
        onAnswer={() => setAnswered(true)}
      />
      <Workbench loaded={(v) => <LoadedPatches v={v} />}>
        {(vit) => {
          const cost = patchCost(FRAME, p);
          const own = vit.model.config.patchSize;
          return (
            <>
              <RangeField label="Patch side" value={index} min={0} max={sizes.length - 1} onChange={(i) => setSide(sizes[i])} format={(i) => `${sizes[i]} px`} />
              <p className="vision-verdict" aria-live="polite">
                {cost.patches} patch{cost.patches === 1 ? '' : 'es'} of {p} × {p} pixels ({cost.pixelsPerPatch} values each) + CLS ={' '}
                <strong>{cost.tokens} tokens</strong>, so {cost.tokens}² = <strong>{cost.scoresPerHead.toLocaleString('en')}</strong> attention scores per head
                and layer. {p === own ? 'This is the size the model was trained with.' : `The model was trained with ${own} × ${own} patches and cannot run at this size.`}
              </p>
              <PatchGrid title={`Your digit in ${p} × ${p} patches`} image={vit.image} imageHeight={FRAME} imageWidth={FRAME} patch={p} maxSize={392} />
              {answered ? <PatchCostTable sizes={sizes} current={p} trained={own} /> : <p className="muted">Answer the question above to see the cost of every patch size.</p>}
            </>
          );
        }}
      </Workbench>
    </>
  );
}
