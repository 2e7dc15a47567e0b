// Sweeps that every instance runs on a timer (snoozed tickets whose time has come, SLA breaches); each row is
// handled once however many instances look (see wakeDueTickets, escalateBreachedTickets). Runs never overlap within an instance.
// The snooze sweep also gives waiting tickets to agents with room when routing is on: a safety net for a ticket
// whose assignment after its commit failed or was cut short (a crash), which then waits at most one sweep.
import type { Logger } from '../logger.js';
import { assignWaitingTickets } from '../routing/routing.service.js';
import { wakeDueTickets } from './snooze.service.js';
import type { SupportContext } from './support.context.js';

export interface Sweep {
  /** Stops sweeping; resolves once a sweep under way has finished. */
  stop(): Promise<void>;
}
export type SnoozeSweep = Sweep;

/** Runs `work` every `intervalMs`; logs what it did (`done` > 0) under `message`, and failures once each. */
export function startSweep(
  name: string,
  work: () => Promise<number>,
  intervalMs: number,
  logger: Logger,
  message: string,
): Sweep {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const sweep = async () => {
    try {
      const done = await work();
      if (done > 0) logger.info({ done }, message);
    } catch (error) {
      logger.error({ err: error, sweep: name }, 'sweep failed; it runs again shortly');
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

export function startSnoozeSweep(support: () => SupportContext, intervalMs: number, logger: Logger): Sweep {
  const work = async () => {
    const woken = await wakeDueTickets(support());
    const assigned = await assignWaitingTickets(support());
    if (assigned.size > 0) logger.info({ assigned: assigned.size }, 'routing: waiting tickets assigned by the sweep');
    return woken;
  };
  return startSweep('snooze', work, intervalMs, logger, 'snooze: tickets back in the open list');
}
