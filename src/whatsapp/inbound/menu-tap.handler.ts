// A tap on an item of the bot's menu (an old menu still on the person's screen) while their ticket is open: not
// something they wrote to the agents. It is shown as a small line from the desk, so that an agent who sees the
// person confused knows why, and it counts for nothing a message of theirs counts for: not unread, not the
// list's preview, no SLA round, no wake from snooze, no move up the list. It does keep WhatsApp's 24-hour
// window open, as WhatsApp does for any message of the person.
import type { Ticket } from '../../support/ticket.entity.js';
import type { MenuItem } from '../bot.menu.js';
import type { InboundTurn } from './inbound.turn.js';
import { addSystemLine } from './thread.writer.js';

export const tappedMenuLine = (item: MenuItem) => `Tapped ${item.title} in the bot's menu`;

export async function noteMenuTap(
  { em, events, inbound }: InboundTurn,
  ticket: Ticket,
  item: MenuItem,
): Promise<'menu-tap'> {
  const line = addSystemLine(em, ticket, tappedMenuLine(item), inbound.whatsappMessageId, { quiet: true });
  if (!ticket.lastUserMessageAt || ticket.lastUserMessageAt < inbound.sentAt) ticket.lastUserMessageAt = inbound.sentAt;
  await em.flush();
  await events.emit({ type: 'MessageAdded', ticket, message: line, kind: 'system', actor: null });
  return 'menu-tap';
}
