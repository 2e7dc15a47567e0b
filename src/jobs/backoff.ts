// How long to wait before retrying something that failed: exponential, capped, and with "equal jitter" (a
// random point in the upper half of the step), so retries that failed together do not come back together.

export interface BackoffOptions {
  /** The step before the second attempt; it doubles with each further attempt. */
  baseMs: number;
  /** The largest step, however many attempts failed. @default Infinity */
  maxMs?: number;
  /** A delay the other side asked for (Retry-After): never wait less than this. @default 0 */
  atLeastMs?: number;
  /** A number in [0, 1); tests pass a fixed one. @default Math.random */
  random?: () => number;
}

/** The delay after `attempt` failed attempts (1 for the first): between half and all of min(maxMs, baseMs·2^(attempt−1)). */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const { baseMs, maxMs = Number.POSITIVE_INFINITY, atLeastMs = 0, random = Math.random } = options;
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(step / 2 + (step / 2) * random(), atLeastMs);
}
