/** Step 7: from the CLS token's final state to ten probabilities. References. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { References } from '../../src/components/lesson/References.tsx';
import { VectorBars } from '../../src/components/viz/VectorBars.tsx';
import { percent } from './format.ts';
import { LoadedClassify } from './LoadedFigures.tsx';
import { ProbabilityBars } from './ProbabilityBars.tsx';
import type { VitRun } from './vit-run.ts';
import { Workbench } from './Workbench.tsx';

const DIGITS = Array.from({ length: 10 }, (_, d) => String(d));

export function ClassifyProse() {
  return (
    <>
      <p>
        After the last layer, only the CLS token is used. Its final state goes through a layer norm and one linear layer with 10 outputs,
        one score (logit) per digit (a loaded ViT has one per class its id2label names: 1000 for ImageNet), and a softmax turns the scores into probabilities that sum to 1:
      </p>
      <Formula tex={String.raw`p = \hl{\mathrm{softmax}}\big(W_{\mathrm{head}}\,\mathrm{LN}(h^{L}_{\mathrm{CLS}}) + b\big), \qquad p_c = \frac{e^{\ell_c}}{\sum_{c'} e^{\ell_{c'}}}`} />
      <p>
        Try to make the model hesitate: a 1 with a long flag, a 7 with a short bar, a 4 left open at the top, a 9 with a small loop. The
        probabilities move toward the digits your drawing resembles. A high probability is not a guarantee, though: the model was trained
        only on digits and has no answer “none of these”, so a scribble that is no digit at all still gets ten probabilities that sum to 1, sometimes with a confident winner — try one.
      </p>
    </>
  );
}

function Classify({ run }: { run: VitRun }) {
  const cls = useMemo(() => run.trace.finalNorm.row(0), [run]);
  return (
    <>
      <p className="vision-verdict" aria-live="polite">
        The model reads a <strong>{run.predicted}</strong> ({percent(run.probabilities[run.predicted])}).
      </p>
      <VectorBars label="LN(h_CLS): the CLS token's final state" values={cls} length={120} />
      <VectorBars label="Logits, one per digit" values={run.logits} entryLabels={DIGITS} length={140} />
      <h3>Probabilities</h3>
      <ProbabilityBars probabilities={run.probabilities} />
    </>
  );
}

export function ClassifyFigure() {
  return (
    <>
      <Workbench loaded={(v) => <LoadedClassify v={v} />}>{(vit) => vit.state === 'ready' && <Classify run={vit.run} />}</Workbench>
      <References
        items={[
          { authors: 'Dosovitskiy, Beyer, Kolesnikov, Weissenborn, Zhai, Unterthiner, Dehghani, Minderer, Heigold, Gelly, Uszkoreit & Houlsby', year: 2021, title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale', url: 'https://arxiv.org/abs/2010.11929' },
          { authors: 'Abnar & Zuidema', year: 2020, title: 'Quantifying Attention Flow in Transformers', url: 'https://arxiv.org/abs/2005.00928' },
          { authors: 'Vaswani, Shazeer, Parmar, Uszkoreit, Jones, Gomez, Kaiser & Polosukhin', year: 2017, title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' },
          { authors: 'Devlin, Chang, Lee & Toutanova', year: 2019, title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', url: 'https://arxiv.org/abs/1810.04805' },
          { authors: 'LeCun, Bottou, Bengio & Haffner', year: 1998, title: 'Gradient-Based Learning Applied to Document Recognition' },
        ]}
      />
    </>
  );
}
