// A message soon after the person's ticket was resolved (within REOPEN_WITHIN_HOURS) reopens that ticket and
// joins it, after a notice line that says why it is open again.
import { tellWhenAgentsReturn } from '../../desk/after-hours.service.js';
import type { Ticket } from '../../support/ticket.entity.js';
import { reopenOnPersonMessage } from '../../support/ticket.service.js';
import type { InboundTurn } from './inbound.turn.js';
import { addSystemLine, joinTicket } from './thread.writer.js';

export const REOPENED_NOTICE = '↩️ Reopened: the person wrote again after this ticket was resolved.';

export async function reopenEndedTicket(turn: InboundTurn, ticket: Ticket): Promise<'reopened-ticket'> {
  const { ctx, em, events, contact, inbound } = turn;
  await reopenOnPersonMessage(em, events, ticket);
  const notice = addSystemLine(em, ticket, REOPENED_NOTICE);
  const message = await joinTicket(em, events, ticket, contact, inbound);
  await em.flush();
  ticket.lastUserMessageId = message.id;
  await events.emit({ type: 'MessageAdded', ticket, message: notice, kind: 'system', actor: null });
  await events.emit({ type: 'MessageAdded', ticket, message, kind: 'person', actor: null });
  await tellWhenAgentsReturn(ctx, em, events, ticket, contact);
  return 'reopened-ticket';
}
