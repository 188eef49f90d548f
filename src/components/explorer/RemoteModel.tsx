/**
 * What the Explorer shows while a hub or folder model is not yet on this machine: who would be
 * contacted, the exact download size and what the model is (from its headers), a Download
 * button, then a progress bar with bytes, speed and time left, and Cancel. Errors say what
 * went wrong, with a way to try again.
 */
import type { RemoteModel as Remote } from './use-remote-model.ts';
import './explorer.css';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '…';
  return s < 90 ? `${Math.max(1, Math.round(s))} s` : `${Math.round(s / 60)} min`;
}

export function RemoteModelPanel({ modelId, remote }: { modelId: string; remote: Remote }) {
  const { s } = remote;
  if (s.state === 'builtin' || s.state === 'cached') return null;
  return (
    <section className="remote-model panel" aria-label="Download the model" data-testid="remote-model">
      {s.state === 'checking' && <p className="status">Looking for {modelId} among the models downloaded before…</p>}
      {s.state === 'unasked' && (
        <>
          <p>This link opens <strong>{modelId}</strong>, a model on <strong>{s.host}</strong>. Nothing has been requested from {s.host} yet.</p>
          <button type="button" className="primary" onClick={remote.lookUp}>Look up its size on {s.host}</button>
        </>
      )}
      {s.state === 'inspecting' && <p className="status" aria-live="polite">Reading the file list and weight headers on {s.host}…</p>}
      {s.state === 'asking' && (
        <>
          <p>
            <strong>{modelId}</strong> ({s.plan.report.plan.family}) is {formatBytes(s.plan.totalBytes)} to download from{' '}
            <strong>{s.plan.host}</strong>, in {s.plan.files.length} files, and takes about {formatBytes(s.plan.report.f32Bytes)} of memory
            once loaded. The files are kept in this browser, so the next visit works offline.
          </p>
          <button type="button" className="primary" onClick={remote.download}>Download</button>
        </>
      )}
      {s.state === 'downloading' && <Progress s={s} onCancel={remote.cancel} />}
      {s.state === 'error' && (
        <>
          <p className="error" role="alert">{s.message}</p>
          <button type="button" onClick={remote.retry}>Try again</button>
        </>
      )}
    </section>
  );
}

function Progress({ s, onCancel }: { s: Extract<Remote['s'], { state: 'downloading' }>; onCancel: () => void }) {
  const elapsed = (s.now - s.startedAt) / 1000;
  const speed = elapsed > 0.2 ? s.done / elapsed : 0;
  const left = speed > 0 ? (s.total - s.done) / speed : Infinity;
  return (
    <>
      <label htmlFor="remote-progress">
        Downloading from {s.plan.host}: {formatBytes(s.done)} of {formatBytes(s.total)}
        {speed > 0 ? `, ${formatBytes(speed)}/s, about ${seconds(left)} left` : ''}
      </label>
      <progress id="remote-progress" max={s.total} value={s.done} />
      <button type="button" onClick={onCancel}>Cancel</button>
    </>
  );
}
