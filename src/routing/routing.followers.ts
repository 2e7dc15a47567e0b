// Automatic assignment follows what adds work or makes room: after commit, waiting tickets go to agents with room.
import type { SupportEventHandlers } from '../support/support.context.js';
import type { DomainEvent } from '../support/domain-events.js';
import { assignWaitingTickets } from './routing.service.js';

/** Whether the event may add a waiting ticket or free an agent's place. */
function mayMoveTheQueue(event: DomainEvent): boolean {
  switch (event.type) {
    case 'TicketOpened':
      return true;
    case 'TicketStatusChanged':
      return event.cause !== 'first-reply';
    case 'TicketAssigned':
      return event.cause === 'manual' || event.cause === 'released';
    default:
      return false;
  }
}

export function followForRouting(handlers: SupportEventHandlers): void {
  handlers.onAfterCommit(async (events, ctx) => {
    if (!events.some(mayMoveTheQueue)) return undefined;
    return (await assignWaitingTickets(ctx)).keys();
  });
}
