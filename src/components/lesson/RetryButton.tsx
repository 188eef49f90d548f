/**
 * "Try again", placed after a load error's message (a model that failed to load can load on a
 * second try: the page's model cache forgot the failure). Nothing for errors that a second
 * try cannot fix, such as bad input, which carry no `retry`.
 */
export function RetryButton({ retry }: { retry?: (() => void) | undefined }) {
  if (!retry) return null;
  return (
    <>
      {' '}
      <button type="button" onClick={retry}>Try again</button>
    </>
  );
}
