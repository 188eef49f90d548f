/**
 * What a lesson figure on the shared text model shows until its numbers are ready: the model
 * picker (with the download panel for a hub model not fetched yet), then loading, computing,
 * or what went wrong, with Try again where trying again can help.
 */
import type { RemoteModel } from '../explorer/use-remote-model.ts';
import { TextModelChooser } from '../TextModelChooser.tsx';

/** Any job's state as far as this line needs it. */
export interface JobStatusLike {
  state: 'idle' | 'loading' | 'running' | 'ready' | 'error';
  message?: string;
  retry?: () => void;
}

export function ModelJobStatus({ job, modelId, remote }: { job: JobStatusLike; modelId: string; remote: RemoteModel }) {
  return (
    <>
      <TextModelChooser remote={remote} />
      {job.state === 'loading' && <p className="status" aria-live="polite">Loading {modelId}…</p>}
      {job.state === 'running' && <p className="status" aria-live="polite">Computing with {modelId}…</p>}
      {job.state === 'error' && (
        <p className="error" role="alert">
          {job.message} {job.retry && <button type="button" onClick={job.retry}>Try again</button>}
        </p>
      )}
    </>
  );
}
