// @vitest-environment jsdom
/**
 * Lesson 7 with a model other than the course's: the picture box's messages for a file that
 * is no picture, one too large in bytes and one too large in pixels (refused from its header,
 * before any decoding); steps that only make sense for the course model say so; and with the
 * default model, the course path renders as before. Plus the header reader on real headers.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClsPositionsFigure } from '../../lessons/vision/ClsPositionsStep.tsx';
import { DrawFigure } from '../../lessons/vision/DrawStep.tsx';
import { fitInside, MAX_FILE_BYTES, pictureProblem, rgbOfRgba, sniffPicture } from '../../lessons/vision/image-file.ts';
import { VISION } from '../../lessons/vision/inputs.ts';
import { setPhoto } from '../../lessons/vision/photo.ts';
import { parseConfig } from '../../lessons/vision/use-checkpoint-files.ts';
import { initialState, useAtlas, writeLessonInput } from '../../src/store/index.ts';
import { repoRoot } from '../helpers/shared.ts';

const LOADED = 'url:http://127.0.0.1:9/vit/';

/** A PNG's first 24 bytes: signature, IHDR length and type, width, height. */
function pngHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

/** The shipped models, served to the page's fetch from public/models. */
async function servePublic(input: RequestInfo | URL): Promise<Response> {
  const url = String(input);
  const at = url.indexOf('models/');
  try {
    return new Response(readFileSync(join(repoRoot, 'public', url.slice(at))));
  } catch {
    return new Response('missing', { status: 404 });
  }
}

beforeEach(() => {
  useAtlas.setState({ ...initialState });
  setPhoto(null);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null); // jsdom has no canvas
  vi.stubGlobal('fetch', vi.fn(servePublic));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the course model, the default', () => {
  it('still reads the pad\'s digit on the page and offers the loaded models in the picker', async () => {
    render(<DrawFigure />);
    expect(await screen.findByText(/The model reads a/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByLabelText('Model')).toHaveValue('vit-digits');
    expect(screen.queryByLabelText(/Choose a picture file/)).toBeNull();
  });
});

describe('a loaded model\'s picture box', () => {
  const choosePhoto = () => {
    writeLessonInput(useAtlas, VISION, 'checkpoint', LOADED);
    writeLessonInput(useAtlas, VISION, 'picture', 'photo');
    render(<DrawFigure />);
    return screen.getByLabelText(/Choose a picture file/) as HTMLInputElement;
  };
  /** The picture box's own message (the download panel above has its own alerts). */
  const boxAlert = () => within(screen.getByTestId('photo-drop')).findByRole('alert');
  const pick = (input: HTMLInputElement, file: File) => fireEvent.change(input, { target: { files: [file] } });

  it('says a file that is not a picture is not one', async () => {
    pick(choosePhoto(), new File(['just some notes'], 'notes.txt', { type: 'text/plain' }));
    expect(await boxAlert()).toHaveTextContent('“notes.txt” is not a picture this page can read: choose a PNG, JPEG, GIF, WebP or BMP file.');
  });

  it('refuses a 20000 x 20000 picture from its header, before decoding it', async () => {
    const decode = vi.fn();
    vi.stubGlobal('createImageBitmap', decode);
    pick(choosePhoto(), new File([pngHeader(20_000, 20_000)], 'huge.png', { type: 'image/png' }));
    expect(await boxAlert()).toHaveTextContent('“huge.png” is 20000 × 20000 pixels, too large to decode here');
    expect(decode).not.toHaveBeenCalled();
  });

  it('refuses a file too large in bytes, and names a picture the browser cannot decode', async () => {
    const input = choosePhoto();
    const big = new File([pngHeader(100, 100)], 'big.png');
    Object.defineProperty(big, 'size', { value: MAX_FILE_BYTES + 1 });
    pick(input, big);
    expect(await boxAlert()).toHaveTextContent('“big.png” is 40 MB; pictures up to 40 MB are read here.');
    vi.stubGlobal('createImageBitmap', () => Promise.reject(new Error('bad')));
    pick(input, new File([pngHeader(100, 100)], 'damaged.png'));
    expect(await screen.findByText(/“damaged.png” could not be decoded/)).toBeInTheDocument();
  });

  it('says a link carries the model, not the photo; and the pad is the other choice', () => {
    choosePhoto();
    expect(screen.getByText(/nothing is uploaded. A link to this step carries the model, not the photo/)).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText(/the pad’s drawing/));
    expect(screen.getByRole('img', { name: /Drawing pad/ })).toBeInTheDocument();
  });

  it('leaves the course-only steps on the course model, saying so', () => {
    writeLessonInput(useAtlas, VISION, 'checkpoint', LOADED);
    render(<ClsPositionsFigure />);
    expect(screen.getByText(/This step shows the course model, vit-digits/)).toBeInTheDocument();
  });
});

describe('reading picture headers', () => {
  it('finds the size of PNG, GIF, BMP and JPEG headers, and nothing in other files', () => {
    expect(sniffPicture(pngHeader(640, 480))).toEqual({ type: 'png', width: 640, height: 480 });
    expect(sniffPicture(Uint8Array.from([...'GIF89a'].map((c) => c.charCodeAt(0)).concat([0x20, 0x03, 0x58, 0x02])))).toEqual({ type: 'gif', width: 800, height: 600 });
    const bmp = new Uint8Array(26);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 30, true);
    new DataView(bmp.buffer).setInt32(22, -20, true); // top-down rows
    expect(sniffPicture(bmp)).toEqual({ type: 'bmp', width: 30, height: 20 });
    // SOI, an APP0 segment of 16 bytes, then SOF0: precision 8, height 300, width 400.
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...Array(14).fill(0), 0xff, 0xc0, 0, 17, 8, 0x01, 0x2c, 0x01, 0x90, 3]);
    expect(sniffPicture(jpeg)).toEqual({ type: 'jpeg', width: 400, height: 300 });
    expect(sniffPicture(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(pictureProblem('x.png', 0, new Uint8Array())).toMatch(/is empty/);
    expect(pictureProblem('ok.png', 1000, pngHeader(224, 224))).toBeNull();
  });

  it('fits a picture inside the decode box and composites transparency over white', () => {
    expect(fitInside(4000, 3000, 448)).toEqual([448, 336]);
    expect(fitInside(100, 50, 448)).toEqual([100, 50]);
    expect(Array.from(rgbOfRgba(Uint8Array.from([0, 0, 0, 0, 200, 100, 0, 255]), 2, 1).rgb)).toEqual([255, 255, 255, 200, 100, 0]);
  });

  it('names what is wrong with a config.json', () => {
    expect(() => parseConfig('m', null)).toThrow('m has no config.json.');
    expect(() => parseConfig('m', '{')).toThrow('m: config.json is not valid JSON.');
    expect(parseConfig('m', '{"model_type":"vit"}')).toEqual({ model_type: 'vit' });
  });
});
