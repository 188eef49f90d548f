/**
 * Selection slice: which layer and head the heatmaps show, which token is highlighted, which
 * query row is pinned. Everything is clamped to the limits of the model on screen, which the
 * app reports with setLimits once a result arrives; before that only SELECTION_CAP applies.
 */
import { clampInt } from '../ids.ts';
import type { ActionsCreator } from '../state.ts';

/** Hard bounds, before any model is known (also the bounds of the URL's numbers). */
export const SELECTION_CAP = { layers: 64, heads: 64, tokens: 512 } as const;

export interface SelectionLimits {
  nLayers: number;
  nHeads: number;
  nTokens: number | null; // null: the token count is not known yet
}

export interface SelectionState {
  layer: number; // 0-based
  head: number; // 0-based
  token: number | null; // highlighted token, 0-based
  pinned: number | null; // query row kept in view while the pointer moves elsewhere
  limits: SelectionLimits | null;
}

export interface SelectionActions {
  selectLayer(layer: number): void;
  selectHead(head: number): void;
  /** Highlights a token; null (or an index past the last token) clears it. */
  selectToken(token: number | null): void;
  pinRow(row: number | null): void;
  /** Pins the row, or unpins it when it is already pinned. */
  togglePin(row: number): void;
  /** Moves one layer up (+1) or down (-1), stopping at the first and last layer. */
  stepLayer(delta: 1 | -1): void;
  stepHead(delta: 1 | -1): void;
  /** The model on screen has this shape: clamps the selection into it from now on. */
  setLimits(nLayers: number, nHeads: number, nTokens?: number): void;
}

type Selection = Pick<SelectionState, 'layer' | 'head' | 'token' | 'pinned'>;

const layerMax = (l: SelectionLimits | null) => (l ? l.nLayers : SELECTION_CAP.layers) - 1;
const headMax = (l: SelectionLimits | null) => (l ? l.nHeads : SELECTION_CAP.heads) - 1;
const tokenMax = (l: SelectionLimits | null) => (l?.nTokens ?? SELECTION_CAP.tokens) - 1;

/** A token index inside the limits, else null: a token past the end no longer exists. */
function tokenIn(token: number | null | undefined, limits: SelectionLimits | null): number | null {
  if (token == null || !Number.isInteger(token) || token < 0 || token > tokenMax(limits)) return null;
  return token;
}

/** The selection moved inside the limits: layer and head clamped, stale tokens dropped. */
export function clampSelection(sel: Selection, limits: SelectionLimits | null): Selection {
  return {
    layer: clampInt(sel.layer, 0, layerMax(limits)),
    head: clampInt(sel.head, 0, headMax(limits)),
    token: tokenIn(sel.token, limits),
    pinned: tokenIn(sel.pinned, limits),
  };
}

const positiveInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;

export const createSelectionActions: ActionsCreator<SelectionActions> = (set, get) => ({
  selectLayer: (layer) => set({ layer: clampInt(layer, 0, layerMax(get().limits)) }),
  selectHead: (head) => set({ head: clampInt(head, 0, headMax(get().limits)) }),
  selectToken: (token) => set({ token: tokenIn(token, get().limits) }),
  pinRow: (row) => set({ pinned: tokenIn(row, get().limits) }),
  togglePin: (row) => set({ pinned: get().pinned === row ? null : tokenIn(row, get().limits) }),
  stepLayer: (delta) => get().selectLayer(get().layer + Math.sign(delta)),
  stepHead: (delta) => get().selectHead(get().head + Math.sign(delta)),
  setLimits: (nLayers, nHeads, nTokens) => {
    if (!positiveInt(nLayers) || !positiveInt(nHeads)) return;
    const limits: SelectionLimits = {
      nLayers: Math.min(nLayers, SELECTION_CAP.layers),
      nHeads: Math.min(nHeads, SELECTION_CAP.heads),
      // Not given (a layer/head picker that knows the model but not the sentence): keep what the last run said.
      nTokens: positiveInt(nTokens) ? Math.min(nTokens, SELECTION_CAP.tokens) : (get().limits?.nTokens ?? null),
    };
    set({ limits, ...clampSelection(get(), limits) });
  },
});
