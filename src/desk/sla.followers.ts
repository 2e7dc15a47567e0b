// The SLA follows the ticket's lifecycle: targets set when it opens and when its priority changes, a new round
// when it becomes open work again.
import type { SupportEventHandlers } from '../support/support.context.js';
import { isActiveStatus } from '../support/support.enums.js';
import { applySlaPolicy, startNewSlaRound } from './sla.service.js';

export function followForSla(handlers: SupportEventHandlers): void {
  handlers
    .onInTransaction('TicketOpened', ({ ticket }, { em }) => applySlaPolicy(em, ticket))
    .onInTransaction('PriorityChanged', ({ ticket }, { em }) => applySlaPolicy(em, ticket))
    .onInTransaction('TicketStatusChanged', async ({ ticket, from, to }, { em }) => {
      if (!isActiveStatus(from) && isActiveStatus(to)) await startNewSlaRound(em, ticket);
    });
}
