// How the answer of a bulk action reads: "8 resolved, 1 could not be: #123 was already resolved".

export interface OutcomeForSummary {
  ticketId: string;
  succeeded: boolean;
  error: { code: string; message: string } | null;
  ticket: { status: string } | null;
}

/** How many failures are named before "and N more". */
const NAMED = 3;

/** Why one ticket was not changed, in words that start with its number. */
export function whyNot(outcome: OutcomeForSummary): string {
  const ticket = `#${outcome.ticketId}`;
  const code = outcome.error?.code;
  if (code === 'NOT_FOUND' || !outcome.ticket) return `${ticket} no longer exists`;
  if (code === 'BAD_USER_INPUT' && (outcome.ticket.status === 'RESOLVED' || outcome.ticket.status === 'CLOSED'))
    return `${ticket} was already ${outcome.ticket.status.toLowerCase()}`;
  if (code === 'CONFLICT') return `${ticket} was being changed by someone else; try it again`;
  return `${ticket}: ${outcome.error?.message ?? 'it could not be changed'}`;
}

/**
 * One line for the whole action: `done` says what happened to each changed ticket ("resolved",
 * "assigned to Bea"), as it reads after a count.
 */
export function summarizeBulk(done: string, outcomes: readonly OutcomeForSummary[]): string {
  const succeeded = outcomes.filter((outcome) => outcome.succeeded).length;
  const failed = outcomes.filter((outcome) => !outcome.succeeded);
  const changed = `${succeeded} ${done}`;
  if (failed.length === 0) return changed;
  const reasons = failed.slice(0, NAMED).map(whyNot);
  if (failed.length > NAMED) reasons.push(`and ${failed.length - NAMED} more`);
  const couldNot = succeeded === 0 ? `none could be ${done}` : `${failed.length} could not be`;
  return `${succeeded === 0 ? capitalize(couldNot) : `${changed}, ${couldNot}`}: ${reasons.join('; ')}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
