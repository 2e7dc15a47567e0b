// The snooze sweep's round, which every instance runs on a PollLoop (see jobs/background-jobs.ts): snoozed
// tickets whose time has come go back to the open list; each is woken once however many instances look.
// It also gives waiting tickets to agents with room when routing is on: a safety net for a ticket whose
// assignment after its commit failed or was cut short (a crash), which then waits at most one sweep.
import type { Logger } from '../logger.js';
import { assignWaitingTickets } from '../routing/routing.service.js';
import { wakeDueTickets } from '../support/snooze.service.js';
import type { SupportContext } from '../support/support.context.js';

/** One sweep; answers how many tickets it woke. */
export async function sweepSnoozedTickets(support: () => SupportContext, logger: Logger): Promise<number> {
  const woken = await wakeDueTickets(support());
  if (woken > 0) logger.info({ done: woken }, 'snooze: tickets back in the open list');
  const assigned = await assignWaitingTickets(support());
  if (assigned.size > 0) logger.info({ assigned: assigned.size }, 'routing: waiting tickets assigned by the sweep');
  return woken;
}
