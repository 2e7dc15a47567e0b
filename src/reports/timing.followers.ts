// The reports' timings follow the lifecycle: the first reply and each resolution are timed when they happen.
import type { SupportEventHandlers } from '../support/support.context.js';
import { recordFirstResponseTime, recordResolutionTime } from './ticket-timings.js';

export function followForTimings(handlers: SupportEventHandlers): void {
  handlers
    .onInTransaction('MessageAdded', async ({ ticket, kind }, { em }) => {
      if (kind === 'reply') await recordFirstResponseTime(em, ticket);
    })
    .onInTransaction('TicketStatusChanged', ({ ticket }, { em }) => recordResolutionTime(em, ticket));
}
