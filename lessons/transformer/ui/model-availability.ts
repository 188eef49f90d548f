/** Telling "this model has not been shipped yet" apart from other loading failures. */

/** Whether a load error means the model's folder is absent (no config.json was served). */
export function isMissingModel(message: string): boolean {
  return /no config\.json/.test(message);
}
