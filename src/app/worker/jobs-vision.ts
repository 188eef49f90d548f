/** Jobs of lesson 7 on a ViT loaded in the worker. */
export const VISION_JOBS = {};
