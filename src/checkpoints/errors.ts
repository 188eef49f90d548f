/**
 * The one error type of checkpoint reading and writing. Every way a file can be malformed, and
 * every tensor that does not fit what a config expects, surfaces as a CheckpointError whose
 * message names the tensor (when there is one) and says what is wrong, so a loader can catch
 * exactly this type and show the message as it is.
 */
export class CheckpointError extends Error {
  override name = 'CheckpointError';
}
