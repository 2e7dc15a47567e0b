import type { TransactionEvents } from '../support/support.context.js';
// Which contact a WhatsApp sender is. People are found by number or by business-scoped user id (people with a
// WhatsApp username may share no number); when WhatsApp reports both for one person, the two are one contact;
// when a person changes number, their contact and tickets follow them.
//
// A contact (and each of its tickets) is named by one address: the number when WhatsApp gave one, otherwise the
// business-scoped user id. Moving a person to another address rewrites that name on their tickets and ratings,
// so their history, searches and replies all follow.
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { TicketSatisfaction } from '../satisfaction/satisfaction.entity.js';
import { reversedPhoneNumber, Ticket } from '../support/ticket.entity.js';
import { Contact } from '../support/contact.entity.js';
import type { InboundMessage } from './webhook.parse.js';

/** Names from WhatsApp fit the column they are kept in. */
export const asName = (name: string | null, max = 120) => (name ? [...name].slice(0, max).join('') : null);

const lockContact = (em: EntityManager, id: number) =>
  em.findOneOrFail(Contact, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });

/** Every ticket and rating of the person at `from` is theirs at `to` from now on. */
async function moveConversation(em: EntityManager, events: TransactionEvents, from: string, to: string): Promise<void> {
  if (from === to) return;
  const moved = await em.find(Ticket, { phoneNumber: from }, { fields: ['id'] });
  if (moved.length === 0) return;
  await em.nativeUpdate(
    Ticket,
    { phoneNumber: from },
    { phoneNumber: to, phoneNumberReversed: reversedPhoneNumber(to) },
  );
  await em.nativeUpdate(TicketSatisfaction, { phoneNumber: from }, { phoneNumber: to });
  for (const ticket of moved) await events.emit({ type: 'TicketTouched', ticketId: ticket.id, notifications: false });
}

/** `gone` was the same person as `kept`: its tickets, details and conversation become `kept`'s, and it is removed. */
async function mergeContact(em: EntityManager, events: TransactionEvents, kept: Contact, gone: Contact): Promise<void> {
  await moveConversation(em, events, gone.phoneNumber, kept.phoneNumber);
  if (!kept.nameSetByAgent && gone.nameSetByAgent) {
    kept.name = gone.name;
    kept.nameSetByAgent = true;
  }
  kept.name ??= gone.name;
  kept.studentId ??= gone.studentId;
  kept.username ??= gone.username;
  if (gone.notes && gone.notes !== kept.notes) {
    kept.notes = kept.notes ? `${kept.notes}\n\n${gone.notes}` : gone.notes;
    kept.notesRevision += 1;
  }
  if (!kept.openTicketId && gone.openTicketId) {
    kept.openTicketId = gone.openTicketId;
    kept.conversationState = gone.conversationState;
  }
  const userId = gone.whatsappUserId;
  em.remove(gone);
  // The unique keys: the removed contact's number and user id are free before `kept` takes them.
  await em.flush();
  kept.whatsappUserId ??= userId;
}

/** The person now has this address (a new number, or a number where we only knew their user id). */
async function moveContact(
  em: EntityManager,
  events: TransactionEvents,
  contact: Contact,
  address: string,
): Promise<void> {
  if (contact.phoneNumber === address) return;
  const other = await em.findOne(Contact, { phoneNumber: address }, { fields: ['id'] });
  if (other && other.id !== contact.id) await mergeContact(em, events, contact, await lockContact(em, other.id));
  await moveConversation(em, events, contact.phoneNumber, address);
  contact.phoneNumber = address;
  await em.flush();
  await events.emit({ type: 'ContactUpdated', phoneNumber: address });
}

/**
 * The sender's contact, locked for the transaction (created, and so locked, when new). A new person is not
 * looked up with a locking read: on MariaDB that takes a gap lock, and two new people writing at the same
 * moment then deadlocked on their inserts. Two first messages from one new person collide on a unique key
 * instead, a lost race that inTransaction runs again.
 */
export async function contactFor(
  em: EntityManager,
  events: TransactionEvents,
  inbound: InboundMessage,
): Promise<Contact> {
  const byNumber = inbound.phoneNumber
    ? await em.findOne(Contact, { phoneNumber: inbound.phoneNumber }, { fields: ['id'] })
    : null;
  // A contact an agent made for a user id (createTicket, updateContact) is named by it and may not carry it yet.
  const byUserId = inbound.userId
    ? await em.findOne(
        Contact,
        { $or: [{ whatsappUserId: inbound.userId }, { phoneNumber: inbound.userId }] },
        { fields: ['id'] },
      )
    : null;
  let contact: Contact;
  if (byNumber && byUserId && byNumber.id !== byUserId.id) {
    // One person WhatsApp now names both ways: the contact known by number keeps them.
    contact = await lockContact(em, byNumber.id);
    await mergeContact(em, events, contact, await lockContact(em, byUserId.id));
    await events.emit({ type: 'ContactUpdated', phoneNumber: contact.phoneNumber });
  } else if (byNumber ?? byUserId) {
    contact = await lockContact(em, (byNumber ?? byUserId)!.id);
  } else {
    contact = em.create(Contact, { phoneNumber: inbound.from, whatsappUserId: inbound.userId });
    await em.flush();
  }
  // Known by user id only until now (or by another number): the number WhatsApp gives now names them.
  if (inbound.phoneNumber) await moveContact(em, events, contact, inbound.phoneNumber);
  // A person's user id changes with their number: the newest is the one to keep.
  if (inbound.userId) contact.whatsappUserId = inbound.userId;
  if (inbound.username) contact.username = asName(inbound.username, 128);
  if (inbound.profileName && !contact.nameSetByAgent) contact.name = asName(inbound.profileName);
  if (!contact.lastInboundAt || contact.lastInboundAt < inbound.sentAt) contact.lastInboundAt = inbound.sentAt;
  return contact;
}

/** WhatsApp says the person moved to a new number (and maybe a new user id): their contact and tickets follow. */
export async function followNumberChange(
  em: EntityManager,
  events: TransactionEvents,
  contact: Contact,
  newPhoneNumber: string | null,
  newUserId: string | null,
): Promise<void> {
  if (newUserId && newUserId !== contact.whatsappUserId) {
    const holder = await em.findOne(Contact, { whatsappUserId: newUserId }, { fields: ['id'] });
    if (holder && holder.id !== contact.id) await mergeContact(em, events, contact, await lockContact(em, holder.id));
    contact.whatsappUserId = newUserId;
  }
  if (newPhoneNumber) await moveContact(em, events, contact, newPhoneNumber);
}
