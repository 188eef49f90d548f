/**
 * The photo the student gave lesson 7, kept in the page only: never in the store's inputs,
 * links or storage (a decoded picture is hundreds of kilobytes). Every step reads the same
 * one; a reload forgets it.
 */
import { useSyncExternalStore } from 'react';
import type { RgbImage } from '../../src/models/vit-image.ts';

export interface Photo {
  name: string;
  /** Decoded to at most DECODE_SIDE a side (image-file.ts). */
  image: RgbImage;
}

let current: Photo | null = null;
const listeners = new Set<() => void>();

/** Replaces the photo (null forgets it) and tells every step that reads it. */
export function setPhoto(photo: Photo | null): void {
  current = photo;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function usePhoto(): Photo | null {
  return useSyncExternalStore(subscribe, () => current, () => null);
}
