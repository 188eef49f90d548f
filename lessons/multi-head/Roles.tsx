/**
 * Step 2: what each head does, measured on the sentence being shown (live) and, from the
 * model card, over 200 generated sentences (the evidence for the names the card gives).
 */
import { useMemo } from 'react';
import { corefSentence } from '../../src/components/explorer/CorefLine.tsx';
import { ModelView } from '../../src/components/viz/ModelView.tsx';
import { selectSelectHead, selectSelectLayer, useAtlas } from '../../src/store/index.ts';
import { ModelJobStatus } from '../../src/components/lesson/ModelJobStatus.tsx';
import { ROLES, type Role } from '../../src/train/eval/head-roles.ts';
import { useLessonTrace } from './use-model.ts';

const ROLE_NAMES: Record<Role, string> = {
  previous: 'previous token',
  next: 'next token',
  self: 'itself',
  delimiter: '[CLS]/[SEP]',
  sameWord: 'same word elsewhere',
};

export function RolesProse() {
  return (
    <>
      <p>
        Clark et al. (2019) measured BERT's heads and found recognisable habits: some look at the previous token, some
        at the next, many park their attention on <code>[SEP]</code> when they have nothing better to do, and a few
        track syntax or coreference. The table measures the same habits on your sentence: the average share of each
        head's attention that lands on each kind of target.
      </p>
      <p>
        The names on the model view come from the model's card, measured over 200 generated sentences, not from this
        one sentence; a head can behave differently on a sentence unlike its training data.
      </p>
    </>
  );
}

export function RolesFigure() {
  const t = useLessonTrace();
  const setLayer = useAtlas(selectSelectLayer);
  const setHead = useAtlas(selectSelectHead);
  const all = useMemo(() => (t.state === 'ready' ? t.trace.layers.map((l) => l.heads.map((h) => h.weights)) : []), [t]);
  if (t.state !== 'ready') return <ModelJobStatus job={t} modelId={t.modelId} remote={t.remote} />;
  const shares = t.roles;
  const named = t.model.meta.heads ?? [];
  const coref = t.model.meta.coreferenceHead;
  const badges = [...named.map((h) => ({ layer: h.layer, head: h.head, text: h.role })), ...(coref ? [{ layer: coref[0], head: coref[1], text: 'coref' }] : [])];
  return (
    <>
      <ModelJobStatus job={t} modelId={t.modelId} remote={t.remote} />
      <table className="role-table">
        <caption>Share of each head's attention on this sentence (rows: heads; strongest habit in bold)</caption>
        <thead>
          <tr>
            <th scope="col">head</th>
            {ROLES.map((r) => <th key={r} scope="col">{ROLE_NAMES[r]}</th>)}
          </tr>
        </thead>
        <tbody>
          {shares.flatMap((row, l) => row.map((s, h) => {
            const top = ROLES.reduce((a, b) => (s[b] > s[a] ? b : a));
            return (
              <tr key={`${l}-${h}`}>
                <th scope="row"><button type="button" onClick={() => { setLayer(l); setHead(h); }}>L{l + 1} H{h + 1}</button></th>
                {ROLES.map((r) => <td key={r} className={r === top ? 'top' : undefined}>{s[r].toFixed(2)}</td>)}
              </tr>
            );
          }))}
        </tbody>
      </table>
      <ModelView heads={all} tokens={t.labels} badges={badges} onSelect={(l, h) => { setLayer(l); setHead(h); }} title="Every layer and head on this sentence, named from the card" />
      {named.length > 0 && (
        <ul className="muted">
          {named.map((h) => <li key={`${h.layer}-${h.head}-${h.role}`}>Layer {h.layer + 1}, head {h.head + 1}: {h.role}{h.evidence ? ` (${h.evidence})` : ''}{typeof (h as { share?: number }).share === 'number' ? ` — mean share ${(h as { share?: number }).share!.toFixed(2)} over the card's sentences` : ''}</li>)}
        </ul>
      )}
      {/* The "coref" badge is the one name that was not found but trained: say so where it is shown. */}
      <p className="muted" data-testid="coref-line">{corefSentence(t.model.meta.coreference)}</p>
    </>
  );
}
