/**
 * What a loaded ViT reads: the drawing pad's drawing, or a photo picked or dropped here. The
 * photo is decoded in this page (image-file.ts) and sent nowhere; a link carries the model,
 * not the photo.
 */
import { useId, useState, type DragEvent } from 'react';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { DrawingPad } from './DrawingPad.tsx';
import { PictureError, readPicture } from './image-file.ts';
import { VISION } from './inputs.ts';
import { setPhoto, usePhoto } from './photo.ts';

function PhotoDrop() {
  const photo = usePhoto();
  const inputId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const take = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const image = await readPicture(file);
      setPhoto({ name: file.name, image });
    } catch (e) {
      setProblem(e instanceof PictureError ? e.message : `“${file.name}” could not be read: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={`vision-drop${over ? ' is-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="photo-drop"
    >
      <label htmlFor={inputId}>Choose a picture file, or drop one here</label>
      <input id={inputId} type="file" accept="image/png,image/jpeg,image/gif,image/webp,image/bmp" onChange={(e) => void take(e.currentTarget.files?.[0])} />
      <p className="muted" aria-live="polite">
        {busy ? 'Reading the picture…' : photo ? `Reading ${photo.name} (${photo.image.width} × ${photo.image.height} after decoding).` : 'PNG, JPEG, GIF, WebP or BMP.'}
      </p>
      {problem && <p className="error" role="alert">{problem}</p>}
      <p className="muted vision-small">The picture stays in this page: nothing is uploaded. A link to this step carries the model, not the photo.</p>
    </div>
  );
}

/** The choice of picture, then the pad or the photo box. */
export function PictureSource() {
  const [source, setSource] = useLessonInput(VISION, 'picture');
  const name = useId();
  return (
    <div className="vision-source">
      <fieldset className="vision-source-choice">
        <legend>The model reads</legend>
        <label>
          <input type="radio" name={name} checked={source === 'drawing'} onChange={() => setSource('drawing')} /> the pad’s drawing
        </label>
        <label>
          <input type="radio" name={name} checked={source === 'photo'} onChange={() => setSource('photo')} /> a photo
        </label>
      </fieldset>
      {source === 'drawing' ? <DrawingPad /> : <PhotoDrop />}
    </div>
  );
}
