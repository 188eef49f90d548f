/** Step 2: with the model's learned positions, the pattern follows the words only in part. */
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { ShuffleFigure } from './ShuffleFigure.tsx';

export function PositionsBackProse() {
  return (
    <>
      <p>
        The models of this course learn one vector per position, a table <em>p</em><sub>0</sub>, <em>p</em><sub>1</sub>, … trained along
        with everything else, and add it to each token’s embedding before the first layer (BERT then applies a layer norm):
      </p>
      <Formula tex={String.raw`x_i = \mathrm{embed}(w_i) + \hl{p_i}`} />
      <p>
        Now the same word enters the model as a different vector at a different position, and the pattern no longer simply moves along
        with the words. The figure starts with the positions as trained. The table below it measures, for every layer, how much of each
        token’s attention lands on different words after the shuffle: 0% would mean order is ignored, 100% that nothing is kept.
      </p>
      <p>
        Exactly what is computed: the “removed” runs use the same weights with the position table replaced by zeros, so each token enters
        the first layer as its token embedding alone (plus the segment embedding and the layer norm, for BERT). The “as trained” runs are
        the model as shipped. Heads whose number is small follow the words; heads with a large number attend by place — to the
        previous token, say — and keep their shape in the slots while the words move. Try several layers, heads and shuffles.
      </p>
    </>
  );
}

export function PositionsBackFigure() {
  return <ShuffleFigure modeInput="back-mode" />;
}
