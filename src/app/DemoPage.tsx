/**
 * The runtime demo: loads the embedded sort-demo decoder (trained by this project, shipped
 * in public/models), runs a real forward pass on the digits the visitor types, and shows
 * the attention of any layer and head.
 */
import { useEffect, useMemo, useState } from 'react';
import { loadBundle, type ModelBundle } from '../checkpoints/bundle.ts';
import { generate } from '../models/generate.ts';
import { transformerForward } from '../models/transformer.ts';
import { noGrad } from '../runtime/index.ts';
import { AttentionGrid } from './AttentionGrid.tsx';
import { fetchModelFiles } from './fetch-files.ts';

const MODEL_ID = 'sort-demo';

type TextBundle = Extract<ModelBundle, { kind: 'text' }>;

function parseDigits(text: string, length: number): number[] | string {
  const digits = text.replace(/[\s,]/g, '');
  if (!/^[0-2]*$/.test(digits)) return 'Use only the digits 0, 1 and 2.';
  if (digits.length !== length) return `Type exactly ${length} digits (you typed ${digits.length}).`;
  return [...digits].map(Number);
}

export function DemoPage() {
  const [bundle, setBundle] = useState<TextBundle | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [text, setText] = useState('2 0 1 1 0 2');
  const [layer, setLayer] = useState(2);
  const [head, setHead] = useState(0);

  useEffect(() => {
    loadBundle(MODEL_ID, fetchModelFiles(`models/${MODEL_ID}`))
      .then((b) => (b.kind === 'text' ? setBundle(b) : setLoadError('sort-demo is not a text model')))
      .catch((e: Error) => setLoadError(e.message));
  }, []);

  const result = useMemo(() => {
    if (!bundle) return null;
    const length = (bundle.model.config.maxPositions + 1) / 2;
    const digits = parseDigits(text, length);
    if (typeof digits === 'string') return { error: digits };
    return noGrad(() => {
      const sorted = generate(bundle.model, digits, { maxNew: length });
      const ids = [...digits, ...sorted.slice(0, -1)];
      const trace = transformerForward(bundle.model, [ids], { trace: true }).trace!;
      return { digits, sorted, ids, trace };
    });
  }, [bundle, text]);

  if (loadError) return <main className="demo"><p role="alert">Could not load the model: {loadError}</p></main>;
  if (!bundle) return <main className="demo"><p aria-live="polite">Loading the model…</p></main>;
  const cfg = bundle.model.config;

  return (
    <main className="demo">
      <h1>Attention Atlas</h1>
      <p className="lead">
        A {cfg.nLayers}-layer decoder trained by this project's own TypeScript runtime reads digits and writes them sorted.
        Every number below is computed in your browser from its weights.
      </p>
      <label className="field">
        Digits to sort
        <input value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} aria-describedby="digits-help" />
      </label>
      <p id="digits-help" className="help">Six digits from 0, 1 and 2, for example 2 0 1 1 0 2.</p>
      {result && 'error' in result ? (
        <p role="alert" className="error">{result.error}</p>
      ) : result ? (
        <>
          <p className="answer">
            Model output: <strong>{result.sorted.join(' ')}</strong>
          </p>
          <div className="controls">
            <label>
              Layer
              <select value={layer} onChange={(e) => setLayer(Number(e.target.value))}>
                {Array.from({ length: cfg.nLayers }, (_, l) => <option key={l} value={l}>{l + 1}</option>)}
              </select>
            </label>
            <label>
              Head
              <select value={head} onChange={(e) => setHead(Number(e.target.value))}>
                {Array.from({ length: cfg.nHeads }, (_, h) => <option key={h} value={h}>{h + 1}</option>)}
              </select>
            </label>
          </div>
          <AttentionGrid
            weights={result.trace.layers[layer].heads[head].weights}
            labels={result.ids.map((id, i) => `${i < result.digits.length ? 'in' : 'out'} ${id}`)}
            caption={`Attention weights, layer ${layer + 1}, head ${head + 1}: each row is a position, each column what it attends to (rows sum to 1; the decoder cannot look ahead).`}
          />
        </>
      ) : null}
    </main>
  );
}
