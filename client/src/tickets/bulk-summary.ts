// How the answer of a bulk action reads: "8 resolved, 1 could not be: #123 was already resolved".
import type { Translate } from '../format';

export interface OutcomeForSummary {
  ticketId: string;
  succeeded: boolean;
  error: { code: string; message: string } | null;
  ticket: { status: string } | null;
}

/** What a bulk action did to each changed ticket, as the catalogs' `action` select names it. */
export interface BulkDone {
  action: 'assignedToYou' | 'assignedTo' | 'unassigned' | 'priority' | 'snoozed' | 'resolved';
  /** The agent's name (assignedTo) or the priority's (priority). */
  name?: string;
}

/** How many failures are named before "and N more". */
const NAMED = 3;

/** Why one ticket was not changed, in words that start with its number. */
export function whyNot(t: Translate, outcome: OutcomeForSummary): string {
  const id = outcome.ticketId;
  const code = outcome.error?.code;
  if (code === 'NOT_FOUND' || !outcome.ticket) return t('bulk.gone', { id });
  if (code === 'BAD_USER_INPUT' && (outcome.ticket.status === 'RESOLVED' || outcome.ticket.status === 'CLOSED'))
    return t('bulk.already', { id, status: outcome.ticket.status });
  if (code === 'CONFLICT') return t('bulk.conflict', { id });
  return t('bulk.failed', { id, error: outcome.error?.message ?? t('bulk.couldNotChange') });
}

/** One line for the whole action: how many changed ("8 resolved"), and which could not be and why. */
export function summarizeBulk(t: Translate, done: BulkDone, outcomes: readonly OutcomeForSummary[]): string {
  const succeeded = outcomes.filter((outcome) => outcome.succeeded).length;
  const failed = outcomes.filter((outcome) => !outcome.succeeded);
  const values = { action: done.action, name: done.name ?? '' };
  const changed = t('bulk.changed', { count: succeeded, ...values });
  if (failed.length === 0) return changed;
  const reasons = failed.slice(0, NAMED).map((outcome) => whyNot(t, outcome));
  if (failed.length > NAMED) reasons.push(t('bulk.andMore', { count: failed.length - NAMED }));
  const why = reasons.join('; ');
  if (succeeded === 0) return t('bulk.noneChanged', { ...values, reasons: why });
  return t('bulk.someChanged', { changed, count: failed.length, reasons: why });
}
