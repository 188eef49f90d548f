/**
 * Saving a figure: an svg element to a standalone SVG file (styles from viz.css and the theme's
 * CSS variables inlined, so it renders the same outside the page) or to a PNG at a chosen
 * scale, for slides and handouts.
 */

/** The presentation properties copied from the page's computed style onto each element. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

export interface SvgExportOptions {
  /**
   * Background painted behind the figure: a css colour, or null for transparent. Default: the
   * page's --viz-bg around the svg, else white (a transparent PNG is unreadable on dark slides).
   */
  background?: string | null;
}

/** The background to paint: the option, else --viz-bg as computed at the svg, else white. */
function backgroundOf(svg: SVGSVGElement, options: SvgExportOptions): string | null {
  if (options.background !== undefined) return options.background;
  const fromTheme = getComputedStyle(svg).getPropertyValue('--viz-bg').trim();
  return fromTheme || '#ffffff';
}

/** The svg's size in px: its width/height attributes, else its laid-out box, else 640 x 480. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = parseFloat(svg.getAttribute('width') ?? '') || box.width || 640;
  const height = parseFloat(svg.getAttribute('height') ?? '') || box.height || 480;
  return { width, height };
}

/**
 * Serialises `svg` to a standalone SVG document string. The live element is not modified: a
 * clone receives the computed styles (so CSS variables and class rules survive), explicit
 * size, namespaces and a background rect.
 */
export function svgToString(svg: SVGSVGElement, options: SvgExportOptions = {}): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((el, k) => {
    const computed = getComputedStyle(el);
    const declarations: string[] = [];
    for (const prop of STYLE_PROPS) {
      const v = computed.getPropertyValue(prop).trim();
      if (v) declarations.push(`${prop}:${v}`);
    }
    const inline = copies[k].getAttribute('style');
    // Inline styles written by d3 stay last so they keep their precedence.
    if (declarations.length) copies[k].setAttribute('style', [declarations.join(';'), inline].filter(Boolean).join(';'));
  });
  // Outside the page the "focus ring" and hover classes mean nothing.
  for (const el of clone.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');

  const { width, height } = svgSize(svg);
  // Namespace declarations through the xmlns namespace, so serialisers never write them twice.
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = backgroundOf(svg, options);
  if (bg) {
    const rect = clone.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', bg);
    clone.insertBefore(rect, clone.firstChild);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** The standalone SVG as a Blob of type image/svg+xml. */
export function svgToBlob(svg: SVGSVGElement, options: SvgExportOptions = {}): Blob {
  return new Blob([svgToString(svg, options)], { type: 'image/svg+xml;charset=utf-8' });
}

export interface PngExportOptions extends SvgExportOptions {
  /** Pixels per svg px (default 2: sharp on projectors and high-density screens). */
  scale?: number;
}

/**
 * Rasterises `svg` to a PNG Blob through an offscreen canvas, at `scale`. Rejects with an Error
 * saying why where there is no 2-D canvas (jsdom, some workers) or the image fails to load.
 */
export function svgToPng(svg: SVGSVGElement, options: PngExportOptions = {}): Promise<Blob> {
  const scale = options.scale ?? 2;
  return new Promise<Blob>((resolve, reject) => {
    if (!(scale > 0)) return reject(new Error(`svgToPng: scale must be positive, got ${scale}`));
    let ctx: CanvasRenderingContext2D | null = null;
    const canvas = typeof document === 'undefined' ? null : document.createElement('canvas');
    try {
      ctx = canvas?.getContext('2d') ?? null;
    } catch {
      ctx = null;
    }
    if (!canvas || !ctx) return reject(new Error('svgToPng: no 2-D canvas in this environment (jsdom has none); export as SVG instead'));
    const { width, height } = svgSize(svg);
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const image = new Image();
    image.onload = () => {
      const c = ctx as CanvasRenderingContext2D;
      c.scale(scale, scale);
      c.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('svgToPng: the canvas produced no PNG'))), 'image/png');
    };
    image.onerror = () => reject(new Error('svgToPng: the browser could not rasterise the SVG'));
    // A data: URL rather than a blob: URL keeps the canvas untainted in every browser.
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgToString(svg, options))}`;
  });
}

/**
 * Saves a Blob as a file through a temporary link. Side effects: appends and clicks an <a>,
 * then revokes the object URL a moment later (revoking at once cancels the download in some
 * browsers).
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A safe file name from a figure title: "Layer 0, head 1" -> "layer-0-head-1". */
export function fileNameFor(title: string, extension: 'svg' | 'png'): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'figure';
  return `${base}.${extension}`;
}
