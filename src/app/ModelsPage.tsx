/**
 * The Models page: every embedded model with the numbers its card measured, and one card in
 * full at #/models/<id>. Everything shown is read from public/models/<id>/card.json and
 * card.md, the files `npm run train` wrote and `npm run eval` re-measures.
 */
import { parseCoreference } from '../checkpoints/coref-meta.ts';
import { corefSentence } from '../components/explorer/CorefLine.tsx';
import { DownloadedModels } from '../components/explorer/DownloadedModels.tsx';
import { MODEL_CATALOG, modelEntry } from './model-catalog.ts';
import { Markdown } from './Markdown.tsx';
import { useFetchText } from './use-fetch.ts';

interface CardSummary {
  description?: string;
  architecture?: string;
  parameters?: number;
  training?: { steps?: number; wallSeconds?: number };
  coreference?: unknown;
}

/** What the card measured about pronouns, in the Explorer's words; a malformed block says so. */
function pronounLine(raw: unknown): string | null {
  if (raw === undefined) return null;
  try {
    return corefSentence(parseCoreference(raw));
  } catch {
    return 'Its coreference measurement in card.json is malformed.';
  }
}

function parseCard(text: string): CardSummary | null {
  try {
    const c = JSON.parse(text) as unknown;
    return c && typeof c === 'object' ? (c as CardSummary) : null;
  } catch {
    return null;
  }
}

function ModelTile({ id, usedIn }: { id: string; usedIn: string }) {
  const card = useFetchText(`models/${id}/card.json`);
  const summary = card.state === 'ready' ? parseCard(card.text) : null;
  return (
    <li className="panel model-tile">
      <h2><a href={`#/models/${id}`}>{id}</a></h2>
      <p className="muted">Used in: {usedIn}</p>
      {card.state === 'loading' && <p className="status">Loading its card…</p>}
      {card.state === 'error' && <p className="muted">No card shipped: {card.message}</p>}
      {card.state === 'ready' && !summary && <p className="error">Its card.json is not valid JSON.</p>}
      {summary && (
        <>
          <p>{summary.description}</p>
          {pronounLine(summary.coreference) && <p className="coref-summary"><strong>{pronounLine(summary.coreference)}</strong></p>}
          <p className="muted">
            {summary.architecture} · {summary.parameters?.toLocaleString('en')} parameters
            {summary.training?.steps ? ` · ${summary.training.steps.toLocaleString('en')} training steps` : ''}
          </p>
        </>
      )}
    </li>
  );
}

function ModelCard({ id }: { id: string }) {
  const md = useFetchText(`models/${id}/card.md`);
  return (
    <>
      <p><a href="#/models">← All models</a></p>
      {md.state === 'loading' && <p className="status">Loading the card of {id}…</p>}
      {md.state === 'error' && <p className="error" role="alert">Could not load the card of {id}: {md.message}</p>}
      {md.state === 'ready' && <Markdown source={md.text} shift={0} />}
      <p className="muted">
        Files: <a href={`models/${id}/card.json`}>card.json</a> · <a href={`models/${id}/config.json`}>config.json</a>
      </p>
    </>
  );
}

export function ModelsPage({ modelId }: { modelId?: string }) {
  if (modelId && modelEntry(modelId)) return <main id="main" tabIndex={-1}><ModelCard id={modelId} /></main>;
  return (
    <main id="main" tabIndex={-1}>
      <h1>Models</h1>
      <p className="lead">
        Every model here was trained by this project's own TypeScript runtime and ships with the app, so the course works
        offline. Each card lists what was measured; <code>npm run eval -- &lt;id&gt;</code> measures it again.
      </p>
      {modelId && <p className="error" role="alert">There is no model called “{modelId}”.</p>}
      <ul className="model-list">
        {MODEL_CATALOG.map((m) => <ModelTile key={m.id} id={m.id} usedIn={m.usedIn} />)}
      </ul>
      <DownloadedModels />
    </main>
  );
}
