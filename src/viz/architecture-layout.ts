/**
 * The blocks of the Transformer of Vaswani et al. (2017, figure 1) and their geometry: where
 * each box, arrow and residual path goes for a given font size. Pure: no DOM, so the layout
 * can be tested and reused (e.g. by a lesson that lists the blocks).
 */
import { textWidth } from './frame.ts';

/** Every clickable block of the diagram, bottom-up, encoder first. */
export const ARCHITECTURE_BLOCKS = [
  'input-embedding',
  'input-positional',
  'encoder-self-attention',
  'encoder-add-norm-1',
  'encoder-feed-forward',
  'encoder-add-norm-2',
  'output-embedding',
  'output-positional',
  'decoder-masked-self-attention',
  'decoder-add-norm-1',
  'decoder-cross-attention',
  'decoder-add-norm-2',
  'decoder-feed-forward',
  'decoder-add-norm-3',
  'linear',
  'softmax',
] as const;

export type ArchitectureBlockId = (typeof ARCHITECTURE_BLOCKS)[number];

export type BlockKind = 'embedding' | 'positional' | 'attention' | 'norm' | 'feed-forward' | 'linear' | 'softmax';

export interface BlockSpec {
  id: ArchitectureBlockId;
  /** The box's text, one entry per line. */
  lines: string[];
  /** Full name, for aria labels and side panels. */
  name: string;
  kind: BlockKind;
}

const block = (id: ArchitectureBlockId, lines: string[], name: string, kind: BlockKind): BlockSpec => ({ id, lines, name, kind });

/** The encoder column, bottom-up. */
const ENCODER: BlockSpec[] = [
  block('input-embedding', ['Input', 'Embedding'], 'Input embedding', 'embedding'),
  block('input-positional', ['Positional', 'Encoding'], 'Positional encoding (encoder input)', 'positional'),
  block('encoder-self-attention', ['Multi-Head', 'Self-Attention'], 'Encoder multi-head self-attention', 'attention'),
  block('encoder-add-norm-1', ['Add & Norm'], 'Encoder add & norm after attention', 'norm'),
  block('encoder-feed-forward', ['Feed', 'Forward'], 'Encoder feed-forward network', 'feed-forward'),
  block('encoder-add-norm-2', ['Add & Norm'], 'Encoder add & norm after feed-forward', 'norm'),
];

/** The decoder column, bottom-up, with the output head on top. */
const DECODER: BlockSpec[] = [
  block('output-embedding', ['Output', 'Embedding'], 'Output embedding', 'embedding'),
  block('output-positional', ['Positional', 'Encoding'], 'Positional encoding (decoder input)', 'positional'),
  block('decoder-masked-self-attention', ['Masked Multi-Head', 'Self-Attention'], 'Decoder masked multi-head self-attention', 'attention'),
  block('decoder-add-norm-1', ['Add & Norm'], 'Decoder add & norm after self-attention', 'norm'),
  block('decoder-cross-attention', ['Multi-Head', 'Cross-Attention'], 'Decoder cross-attention over the encoder output', 'attention'),
  block('decoder-add-norm-2', ['Add & Norm'], 'Decoder add & norm after cross-attention', 'norm'),
  block('decoder-feed-forward', ['Feed', 'Forward'], 'Decoder feed-forward network', 'feed-forward'),
  block('decoder-add-norm-3', ['Add & Norm'], 'Decoder add & norm after feed-forward', 'norm'),
  block('linear', ['Linear'], 'Output linear layer (to vocabulary logits)', 'linear'),
  block('softmax', ['Softmax'], 'Softmax over the vocabulary', 'softmax'),
];

/** Every block's spec by id. */
export const BLOCK_SPECS: Record<ArchitectureBlockId, BlockSpec> = Object.fromEntries([...ENCODER, ...DECODER].map((b) => [b.id, b])) as Record<ArchitectureBlockId, BlockSpec>;

export interface PlacedBlock extends BlockSpec {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Layout {
  width: number;
  height: number;
  blocks: PlacedBlock[];
  /** Arrow paths (svg path data), each ending with an arrowhead. */
  arrows: string[];
  /** Residual ("Add") paths, drawn dashed. */
  residuals: string[];
  /** The two "N×" frames around the repeated layers. */
  frames: { x: number; y: number; w: number; h: number; labelX: number; anchor: 'start' | 'end' }[];
  /** Free text: the inputs below, the probabilities on top. */
  notes: { x: number; y: number; text: string }[];
}

/** Sublayer -> its Add & Norm, for the residual paths (encoder on the left, decoder on the right). */
const RESIDUALS: [ArchitectureBlockId, ArchitectureBlockId, 'left' | 'right'][] = [
  ['encoder-self-attention', 'encoder-add-norm-1', 'left'],
  ['encoder-feed-forward', 'encoder-add-norm-2', 'left'],
  ['decoder-masked-self-attention', 'decoder-add-norm-1', 'right'],
  ['decoder-cross-attention', 'decoder-add-norm-2', 'right'],
  ['decoder-feed-forward', 'decoder-add-norm-3', 'right'],
];

/** Lays the diagram out for a base font size in px; the result is centred in `minWidth`. */
export function layoutArchitecture(font: number, minWidth = 0): Layout {
  const lineH = font * 1.25;
  const padX = font * 0.9;
  const blockH = 2 * lineH + font * 0.9;
  const gapY = font * 1.7;
  const lane = font * 1.4; // room for the residual paths beside the boxes
  const bw = Math.max(...[...ENCODER, ...DECODER].flatMap((b) => b.lines.map((l) => textWidth(l, font)))) + 2 * padX;
  const nW = textWidth('N×', font) + 12;
  const colGap = Math.max(font * 5, 80);
  const contentW = nW + lane + bw + colGap + bw + lane + nW;
  const ox = Math.max(0, (minWidth - contentW) / 2);
  const encX = ox + nW + lane;
  const decX = encX + bw + colGap;
  const top = font * 2.6; // "Output probabilities" above softmax
  const slot = (k: number) => top + (DECODER.length - 1 - k) * (blockH + gapY);
  const heightOf = (b: BlockSpec) => (b.lines.length === 1 ? lineH + font * 0.9 : blockH);
  // Boxes share a slot's vertical centre, so arrows between columns stay horizontal.
  const place = (list: BlockSpec[], x: number, shift: number): PlacedBlock[] =>
    list.map((b, k) => ({ ...b, x, w: bw, h: heightOf(b), y: slot(k + shift) + (blockH - heightOf(b)) / 2 }));
  // The encoder's last Add & Norm sits level with the decoder's second, as in the paper.
  const enc = place(ENCODER, encX, 0);
  const dec = place(DECODER, decX, 0);
  const blocks = [...enc, ...dec];
  const at = (id: ArchitectureBlockId) => blocks.find((b) => b.id === id) as PlacedBlock;
  const cx = (b: PlacedBlock) => b.x + b.w / 2;
  const cy = (b: PlacedBlock) => b.y + b.h / 2;

  const arrows: string[] = [];
  for (const col of [enc, dec]) {
    for (let k = 0; k + 1 < col.length; k++) arrows.push(`M${cx(col[k])},${col[k].y}V${col[k + 1].y + col[k + 1].h}`);
  }
  const bottom = slot(0) + blockH;
  arrows.push(`M${cx(enc[0])},${bottom + gapY}V${enc[0].y + enc[0].h}`, `M${cx(dec[0])},${bottom + gapY}V${dec[0].y + dec[0].h}`);
  arrows.push(`M${cx(dec[dec.length - 1])},${dec[dec.length - 1].y}V${top - font * 0.3}`);
  // Encoder output: up out of its last block, across, and into the cross-attention from the left.
  const encTop = enc[enc.length - 1];
  const cross = at('decoder-cross-attention');
  const turnY = encTop.y - gapY / 2;
  const midX = encX + bw + colGap / 2;
  arrows.push(`M${cx(encTop)},${encTop.y}V${turnY}H${midX}V${cy(cross)}H${cross.x}`);

  const residuals = RESIDUALS.map(([from, to, side]) => {
    const a = at(from);
    const b = at(to);
    const startY = a.y + a.h + gapY / 2;
    const x = side === 'left' ? a.x - lane * 0.6 : a.x + a.w + lane * 0.6;
    return `M${cx(a)},${startY}H${x}V${cy(b)}H${side === 'left' ? b.x : b.x + b.w}`;
  });

  const frame = (col: PlacedBlock[], from: number, to: number, side: 'left' | 'right') => {
    const y = col[to].y - font * 0.6;
    const h = col[from].y + col[from].h + gapY * 0.75 - y;
    const x = col[from].x - lane;
    return { x, y, w: bw + 2 * lane, h, labelX: side === 'left' ? x - 8 : x + bw + 2 * lane + 8, anchor: side === 'left' ? ('end' as const) : ('start' as const) };
  };
  const frames = [frame(enc, 2, 5, 'left'), frame(dec, 2, 7, 'right')];
  const notes = [
    { x: cx(enc[0]), y: bottom + gapY + font * 1.2, text: 'Inputs' },
    { x: cx(dec[0]), y: bottom + gapY + font * 1.2, text: 'Outputs (shifted right)' },
    { x: cx(dec[dec.length - 1]), y: top - font * 1.2, text: 'Output probabilities' },
  ];
  return { width: Math.max(minWidth, contentW, decX + bw / 2 + textWidth('Outputs (shifted right)', font) / 2), height: bottom + gapY + font * 1.8, blocks, arrows, residuals, frames, notes };
}
