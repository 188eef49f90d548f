/**
 * The clickable Transformer diagram: every block is a keyboard-reachable button that calls
 * onSelect(blockId), so a lesson can open the explanation of the part the learner points at.
 */
import type * as d3 from 'd3';
import type { ArchitectureBlockId, BlockKind, Layout as ArchitectureLayout, PlacedBlock } from './architecture-layout.ts';
import { BLOCK_SPECS, layoutArchitecture } from './architecture-layout.ts';
import { defineChart } from './chart.ts';
import type { Chart, G, Svg } from './frame.ts';
import { asButton, sizeSvg, smallFont, uid } from './frame.ts';

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

interface Parts {
  titleText: d3.Selection<SVGTextElement, unknown, null, undefined>;
  body: G;
  framesG: G;
  wiresG: G;
  blocksG: G;
  notesG: G;
}

/** Creates the architecture diagram inside `container`. */
export function createArchitectureDiagram(container: HTMLElement, options: ArchitectureDiagramOptions = {}): Chart<ArchitectureDiagramData> {
  return defineChart<ArchitectureDiagramData>(container, {
    kind: 'architecture',
    label: 'Transformer architecture',
    width: options.width,
    setup(svg, chart) {
      const markerId = uid('viz-arrow');
      appendArrowhead(svg, markerId);
      const titleText = svg.append('text').attr('class', 'viz-title');
      const body = svg.append('g') as G;
      const parts: Parts = {
        titleText,
        body,
        framesG: body.append('g').attr('class', 'viz-frames') as G,
        wiresG: body.append('g').attr('class', 'viz-wires').attr('pointer-events', 'none') as G,
        blocksG: body.append('g').attr('class', 'viz-blocks') as G,
        notesG: body.append('g').attr('class', 'viz-notes') as G,
      };
      let selected: ArchitectureBlockId | null = null;
      const select = (id: ArchitectureBlockId) => {
        selected = id;
        chart.redraw();
        options.onSelect?.(id);
      };
      return {
        accept(next) {
          if (next.selected !== undefined) selected = next.selected;
        },
        draw(data, { font, width }) {
          const layout = layoutArchitecture(font, width);
          const titleH = data.title ? font * 1.8 : 0;
          sizeSvg(svg, layout.width, layout.height + titleH);
          svg.attr('aria-label', data.title ?? 'Transformer architecture: encoder on the left, decoder on the right');
          titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(data.title ?? '');
          body.attr('transform', `translate(0,${titleH})`);
          drawFrames(parts.framesG, layout.frames, font);
          drawWires(parts.wiresG, layout, markerId);
          drawBlocks(parts.blocksG, layout.blocks, { font, selected, dimmed: new Set(data.dimmed ?? []), select });
          drawNotes(parts.notesG, layout.notes, smallFont(font));
        },
        teardown() {
          parts.blocksG.selectAll('g.viz-block').on('click', null).on('keydown', null);
        },
      };
    },
  });
}

/** The arrowhead marker every wire ends in, under a document-unique id. */
function appendArrowhead(svg: Svg, id: string): void {
  svg
    .append('defs')
    .append('marker')
    .attr('id', id)
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
}

/** The rounded "N×" frames around the repeated encoder and decoder layers. */
function drawFrames(g: G, frames: ArchitectureLayout['frames'], font: number): void {
  g.selectAll('rect')
    .data(frames)
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
  g.selectAll('text')
    .data(frames)
    .join('text')
    .attr('class', 'viz-label')
    .attr('x', (f) => f.labelX)
    .attr('y', (f) => f.y + f.h / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', (f) => f.anchor)
    .attr('font-size', font)
    .text('N×');
}

/** The arrows between blocks (solid) and the residual paths around them (dashed). */
function drawWires(g: G, layout: ArchitectureLayout, markerId: string): void {
  const wires = [...layout.arrows.map((d) => ({ d, residual: false })), ...layout.residuals.map((d) => ({ d, residual: true }))];
  g.selectAll('path')
    .data(wires)
    .join('path')
    .attr('class', (w) => (w.residual ? 'viz-wire is-residual' : 'viz-wire'))
    .attr('d', (w) => w.d)
    .attr('fill', 'none')
    .attr('stroke', '#444444')
    .attr('stroke-width', (w) => (w.residual ? 1.5 : 2))
    .attr('stroke-dasharray', (w) => (w.residual ? '5 4' : null))
    .attr('marker-end', `url(#${markerId})`);
}

/** The blocks: keyboard buttons (select is bound once, to new ones), the selected one outlined. */
function drawBlocks(g: G, blocks: PlacedBlock[], s: { font: number; selected: ArchitectureBlockId | null; dimmed: Set<ArchitectureBlockId>; select(id: ArchitectureBlockId): void }): void {
  const { font, selected, dimmed } = s;
  const groups = g
    .selectAll<SVGGElement, PlacedBlock>('g.viz-block')
    .data(blocks, (b) => b.id)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'viz-block');
      e.append('rect').attr('rx', 8);
      e.append('text').attr('text-anchor', 'middle');
      asButton(e, (_ev, b) => s.select(b.id));
      return e;
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
}

/** The small notes beside the diagram ("Inputs", "Outputs (shifted right)" ...). */
function drawNotes(g: G, notes: ArchitectureLayout['notes'], small: number): void {
  g.selectAll('text')
    .data(notes)
    .join('text')
    .attr('class', 'viz-label viz-muted')
    .attr('x', (n) => n.x)
    .attr('y', (n) => n.y)
    .attr('text-anchor', 'middle')
    .attr('font-size', small)
    .text((n) => n.text);
}

/** The full name of a block, e.g. for the heading of its explanation. */
export function blockName(id: ArchitectureBlockId): string {
  return BLOCK_SPECS[id].name;
}
