/**
 * The clickable Transformer diagram: every block is a keyboard-reachable button that calls
 * onSelect(blockId), so a lesson can open the explanation of the part the learner points at.
 */
import type { ArchitectureBlockId, BlockKind, PlacedBlock } from './architecture-layout.ts';
import { BLOCK_SPECS, layoutArchitecture } from './architecture-layout.ts';
import type { Chart, G } from './frame.ts';
import { asButton, createSvg, fontSizeOf, sizeSvg, smallFont, uid, watchLayout, widthOf } from './frame.ts';

export type { ArchitectureBlockId } from './architecture-layout.ts';
export { ARCHITECTURE_BLOCKS, BLOCK_SPECS } from './architecture-layout.ts';

export interface ArchitectureDiagramOptions {
  /** Layout width in px; default the container's width (the diagram is centred in it). */
  width?: number;
  /** Called when a block is clicked or activated with Enter or Space. */
  onSelect?(block: ArchitectureBlockId): void;
}

export interface ArchitectureDiagramData {
  /** The highlighted block; undefined keeps the last clicked one. */
  selected?: ArchitectureBlockId | null;
  /** Blocks to grey out, e.g. the decoder while a lesson is about the encoder. */
  dimmed?: ArchitectureBlockId[];
  title?: string;
}

/**
 * Fills by kind, after the paper's figure. Pale enough for the dark text in both themes; the
 * words carry the meaning, the colours only group.
 */
const FILL: Record<BlockKind, string> = {
  embedding: '#f6d3cf',
  positional: '#e6e6e6',
  attention: '#fbe0bd',
  norm: '#f1efbf',
  'feed-forward': '#cfe5f5',
  linear: '#ddd5f1',
  softmax: '#cdeadb',
};

/** Creates the architecture diagram inside `container`. */
export function createArchitectureDiagram(container: HTMLElement, options: ArchitectureDiagramOptions = {}): Chart<ArchitectureDiagramData> {
  const svg = createSvg(container, 'architecture', 'Transformer architecture');
  const markerId = uid('viz-arrow');
  svg
    .append('defs')
    .append('marker')
    .attr('id', markerId)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0L10,5L0,10z')
    .attr('class', 'viz-arrowhead')
    .attr('fill', '#444444');
  const titleText = svg.append('text').attr('class', 'viz-title');
  const body = svg.append('g') as G;
  const framesG = body.append('g').attr('class', 'viz-frames') as G;
  const wiresG = body.append('g').attr('class', 'viz-wires').attr('pointer-events', 'none') as G;
  const blocksG = body.append('g').attr('class', 'viz-blocks') as G;
  const notesG = body.append('g').attr('class', 'viz-notes') as G;

  let data: ArchitectureDiagramData = {};
  let selected: ArchitectureBlockId | null = null;

  function render(): void {
    const font = fontSizeOf(container);
    const small = smallFont(font);
    const width = widthOf(container, options.width);
    const layout = layoutArchitecture(font, width);
    const titleH = data.title ? font * 1.8 : 0;
    sizeSvg(svg, layout.width, layout.height + titleH);
    svg.attr('aria-label', data.title ?? 'Transformer architecture: encoder on the left, decoder on the right');
    titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(data.title ?? '');
    body.attr('transform', `translate(0,${titleH})`);
    const dimmed = new Set(data.dimmed ?? []);

    framesG
      .selectAll('rect')
      .data(layout.frames)
      .join('rect')
      .attr('class', 'viz-frame')
      .attr('x', (f) => f.x)
      .attr('y', (f) => f.y)
      .attr('width', (f) => f.w)
      .attr('height', (f) => f.h)
      .attr('rx', 12)
      .attr('fill', 'none')
      .attr('stroke', '#767676')
      .attr('stroke-width', 1.5);
    framesG
      .selectAll('text')
      .data(layout.frames)
      .join('text')
      .attr('class', 'viz-label')
      .attr('x', (f) => f.labelX)
      .attr('y', (f) => f.y + f.h / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', (f) => f.anchor)
      .attr('font-size', font)
      .text('N×');

    const wires = [...layout.arrows.map((d) => ({ d, residual: false })), ...layout.residuals.map((d) => ({ d, residual: true }))];
    wiresG
      .selectAll('path')
      .data(wires)
      .join('path')
      .attr('class', (w) => (w.residual ? 'viz-wire is-residual' : 'viz-wire'))
      .attr('d', (w) => w.d)
      .attr('fill', 'none')
      .attr('stroke', '#444444')
      .attr('stroke-width', (w) => (w.residual ? 1.5 : 2))
      .attr('stroke-dasharray', (w) => (w.residual ? '5 4' : null))
      .attr('marker-end', `url(#${markerId})`);

    const groups = blocksG
      .selectAll<SVGGElement, PlacedBlock>('g.viz-block')
      .data(layout.blocks, (b) => b.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'viz-block');
        g.append('rect').attr('rx', 8);
        g.append('text').attr('text-anchor', 'middle');
        asButton(g, (_ev, b) => {
          selected = b.id;
          render();
          options.onSelect?.(b.id);
        });
        return g;
      })
      .attr('data-block', (b) => b.id)
      .attr('class', (b) => `viz-block viz-block-${b.kind}`)
      .classed('is-selected', (b) => b.id === selected)
      .classed('is-dimmed', (b) => dimmed.has(b.id))
      .attr('aria-label', (b) => b.name)
      .attr('aria-pressed', (b) => String(b.id === selected))
      .attr('opacity', (b) => (dimmed.has(b.id) ? 0.35 : 1));
    groups
      .select('rect')
      .attr('x', (b) => b.x)
      .attr('y', (b) => b.y)
      .attr('width', (b) => b.w)
      .attr('height', (b) => b.h)
      .attr('fill', (b) => FILL[b.kind])
      .attr('stroke', (b) => (b.id === selected ? '#111111' : '#5a5a5a'))
      .attr('stroke-width', (b) => (b.id === selected ? 4 : 1.5));
    groups
      .select('text')
      .attr('font-size', font)
      .attr('font-weight', (b) => (b.id === selected ? 700 : 400))
      .attr('fill', '#111111')
      .selectAll('tspan')
      .data((b) => b.lines.map((line, k) => ({ line, x: b.x + b.w / 2, y: b.y + b.h / 2 + (k - (b.lines.length - 1) / 2) * font * 1.25 })))
      .join('tspan')
      .attr('x', (t) => t.x)
      .attr('y', (t) => t.y)
      .attr('dy', '0.35em')
      .text((t) => t.line);

    notesG
      .selectAll('text')
      .data(layout.notes)
      .join('text')
      .attr('class', 'viz-label viz-muted')
      .attr('x', (n) => n.x)
      .attr('y', (n) => n.y)
      .attr('text-anchor', 'middle')
      .attr('font-size', small)
      .text((n) => n.text);
  }

  const unwatch = watchLayout(container, render);
  return {
    update(next) {
      data = next;
      if (next.selected !== undefined) selected = next.selected;
      render();
    },
    destroy() {
      unwatch();
      blocksG.selectAll('g.viz-block').on('click', null).on('keydown', null);
      svg.remove();
    },
  };
}

/** The full name of a block, e.g. for the heading of its explanation. */
export function blockName(id: ArchitectureBlockId): string {
  return BLOCK_SPECS[id].name;
}
