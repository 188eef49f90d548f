// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, fileNameFor, svgToPng, svgToString } from '../../src/viz/export.ts';
import { createHeatmap } from '../../src/viz/heatmap.ts';

let container: HTMLElement;
afterEach(() => {
  container?.remove();
  vi.restoreAllMocks();
});

function heatmapSvg(): SVGSVGElement {
  container = document.createElement('div');
  container.style.setProperty('--viz-bg', '#16181c');
  document.body.append(container);
  createHeatmap(container, { width: 400 }).update({ rows: ['a', 'b'], cols: ['a', 'b'], values: [[1, 0], [0.25, 0.75]], title: 'Tiny & <odd>' });
  return container.querySelector('svg') as SVGSVGElement;
}

describe('svgToString', () => {
  it('gives standalone, parseable SVG with the cells, size, namespace and background', () => {
    const svg = heatmapSvg();
    svg.querySelector('rect.viz-cell')!.setAttribute('style', 'fill: rgb(1, 2, 3)');
    const text = svgToString(svg);
    expect(text.startsWith('<?xml')).toBe(true);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe(svg.getAttribute('width'));
    expect(doc.querySelectorAll('rect.viz-cell')).toHaveLength(4);
    expect(doc.querySelector('.viz-title')?.textContent).toBe('Tiny & <odd>');
    // The theme's background is painted first; existing inline styles survive.
    expect(root.firstElementChild?.getAttribute('fill')).toBe('#16181c');
    expect(doc.querySelector('rect.viz-cell')?.getAttribute('style')).toContain('fill: rgb(1, 2, 3)');
    expect(doc.querySelector('[tabindex]')).toBeNull();
    // The live figure is untouched.
    expect(svg.querySelector('[tabindex]')).not.toBeNull();
  });

  it('background null leaves it transparent', () => {
    const doc = new DOMParser().parseFromString(svgToString(heatmapSvg(), { background: null }), 'image/svg+xml');
    expect(doc.documentElement.firstElementChild?.getAttribute('fill')).not.toBe('#16181c');
  });
});

describe('svgToPng', () => {
  it('rejects with a clear Error where there is no canvas (jsdom)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // jsdom's "not implemented" notice
    await expect(svgToPng(heatmapSvg(), { scale: 2 })).rejects.toThrow(/no 2-D canvas/);
  });
});

describe('svgToPng with a canvas', () => {
  it('draws the SVG at the requested scale and resolves with the canvas PNG', async () => {
    const svg = heatmapSvg();
    const ctx = { scale: vi.fn(), drawImage: vi.fn() };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
    let size: number[] = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, done: BlobCallback) {
      size = [this.width, this.height];
      done(new Blob(['png'], { type: 'image/png' }));
    });
    let source = '';
    class LoadingImage {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      set src(v: string) {
        source = v;
        queueMicrotask(() => this.onload?.());
      }
    }
    vi.stubGlobal('Image', LoadingImage);
    const blob = await svgToPng(svg, { scale: 3 });
    vi.unstubAllGlobals();
    expect(blob.type).toBe('image/png');
    expect(size).toEqual([Number(svg.getAttribute('width')) * 3, Number(svg.getAttribute('height')) * 3]);
    expect(ctx.scale).toHaveBeenCalledWith(3, 3);
    expect(decodeURIComponent(source.replace('data:image/svg+xml;charset=utf-8,', ''))).toContain('viz-cell');
  });
});

describe('downloadBlob', () => {
  it('clicks a temporary link named after the file and revokes the URL later', () => {
    vi.useFakeTimers();
    const create = vi.fn(() => 'blob:figure');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    downloadBlob(new Blob(['<svg/>']), 'layer-0.svg');
    expect(clicks).toHaveLength(1);
    expect(clicks[0].download).toBe('layer-0.svg');
    expect(clicks[0].href).toBe('blob:figure');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:figure');
    vi.useRealTimers();
  });

  it('fileNameFor makes safe names', () => {
    expect(fileNameFor("Layer 0, head 1: 'it'", 'png')).toBe('layer-0-head-1-it.png');
    expect(fileNameFor('***', 'svg')).toBe('figure.svg');
  });
});
