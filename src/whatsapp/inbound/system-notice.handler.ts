// WhatsApp's system messages about a person: a new number (the contact and their tickets follow the person to
// it), a new user id, or a changed security code, read by agents as a notice line (sender SYSTEM) in the
// person's thread. A person without any ticket has no thread: their contact still follows them.
import { followNumberChange } from '../contact-identity.js';
import type { InboundContent } from '../webhook.parse.js';
import type { InboundTurn } from './inbound.turn.js';
import { noticeTicketOf } from './person-tickets.js';
import { addSystemLine } from './thread.writer.js';

export async function noteSystemChange(
  { em, events, contact, inbound }: InboundTurn,
  content: Extract<InboundContent, { type: 'system' }>,
): Promise<'system-notice'> {
  if (content.change === 'number')
    await followNumberChange(em, events, contact, content.newPhoneNumber, content.newUserId);
  if (content.change === 'user-id') await followNumberChange(em, events, contact, null, content.newUserId);
  const ticket = await noticeTicketOf(em, contact);
  if (!ticket) {
    await em.flush();
    return 'system-notice';
  }
  const notice = addSystemLine(em, ticket, inbound.description, inbound.whatsappMessageId);
  ticket.updatedAt = new Date();
  await em.flush();
  await events.emit({ type: 'MessageAdded', ticket, message: notice, kind: 'system', actor: null });
  return 'system-notice';
}
