// When an endpoint's page reads its delivery log again: only while a delivery is pending, around its next attempt.

/** How soon the log is read again while a delivery is pending: at its next attempt, but within these bounds. */
const POLL_MIN_MS = 2000;
const POLL_MAX_MS = 30_000;

/** When to read the log again: soon after the earliest pending delivery's next attempt, or null with none pending. */
export function nextPollMs(pending: { nextAttemptAt: string | null }[], now = Date.now()): number | null {
  if (pending.length === 0) return null;
  const due = Math.min(...pending.map(({ nextAttemptAt }) => (nextAttemptAt ? Date.parse(nextAttemptAt) : now)));
  return Math.min(POLL_MAX_MS, Math.max(POLL_MIN_MS, due - now + 1000));
}
