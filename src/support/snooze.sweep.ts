// Every instance looks for snoozed tickets whose time has come, every SNOOZE_SWEEP_MS; each ticket is
// woken once however many instances look (see wakeDueTickets). Runs never overlap within an instance.
// The same sweep gives waiting tickets to agents with room when routing is on: a safety net for a ticket
// whose assignment after its commit failed or was cut short (a crash), which then waits at most one sweep.
import type { Logger } from '../logger.js';
import { assignWaitingTickets } from '../routing/routing.service.js';
import { wakeDueTickets } from './snooze.service.js';
import type { SupportContext } from './support.context.js';

export interface SnoozeSweep {
  /** Stops sweeping; resolves once a sweep under way has finished. */
  stop(): Promise<void>;
}

export function startSnoozeSweep(support: () => SupportContext, intervalMs: number, logger: Logger): SnoozeSweep {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const sweep = async () => {
    try {
      const woken = await wakeDueTickets(support());
      if (woken > 0) logger.info({ woken }, 'snooze: tickets back in the open list');
      const assigned = await assignWaitingTickets(support());
      if (assigned.size > 0) logger.info({ assigned: assigned.size }, 'routing: waiting tickets assigned by the sweep');
    } catch (error) {
      logger.error({ err: error }, 'snooze sweep failed; it runs again shortly');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweep().finally(() => {
        running = null;
        schedule();
      });
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
