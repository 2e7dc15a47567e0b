// Every message of a person with an open ticket joins that ticket's thread.
import { tellWhenAgentsReturn } from '../../desk/after-hours.service.js';
import type { Ticket } from '../../support/ticket.entity.js';
import type { InboundTurn } from './inbound.turn.js';
import { joinTicket } from './thread.writer.js';

export async function addToOpenTicket(turn: InboundTurn, ticket: Ticket): Promise<'joined-ticket'> {
  const { ctx, em, events, contact, inbound } = turn;
  const message = await joinTicket(em, events, ticket, contact, inbound);
  await em.flush();
  ticket.lastUserMessageId = message.id; // written at commit
  await events.emit({ type: 'MessageAdded', ticket, message, kind: 'person', actor: null });
  await tellWhenAgentsReturn(ctx, em, events, ticket, contact);
  return 'joined-ticket';
}
