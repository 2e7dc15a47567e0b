// Live updates. Each event is read afresh from the database (a new EntityManager per event) and filtered server-side.
import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { notFound } from '../errors.js';
import { callerOf, renewScope, type GraphqlContext } from '../graphql/context.js';
import type { MessageEvent, TicketEvent } from '../pubsub/pubsub.js';
import { Contact } from './contact.entity.js';
import { findContact } from './contact.service.js';
import { Message } from './message.entity.js';
import { loadMessage } from './message.service.js';
import { countNotificationsFor, visibleTo } from './notifications.service.js';
import { SupportNotifications } from './support.types.js';
import { normalizePhoneNumber } from './support.validation.js';
import { Ticket } from './ticket.entity.js';
import { loadTicket } from './ticket.repository.js';

function freshMessage(ctx: GraphqlContext, event: MessageEvent): Promise<Message> {
  renewScope(ctx);
  return loadMessage(ctx.em, event.messageId);
}

/**
 * Every subscriber of an instance receives the same event object; the badge's counts for one event are
 * read once for all the agents subscribed (their sockets ask within the same moment, and the loader
 * batches them into one read), rather than once per socket or per agent.
 */
const countsByEvent = new WeakMap<object, DataLoader<number, SupportNotifications>>();
function sharedCounts(event: object, em: EntityManager, viewerId: number): Promise<SupportNotifications> {
  let loader = countsByEvent.get(event);
  if (!loader) {
    loader = new DataLoader((viewerIds) => countNotificationsFor(em, viewerIds));
    countsByEvent.set(event, loader);
  }
  return loader.load(viewerId);
}

/**
 * The ticket an event is about, read once for every subscriber of the event (only its fields are read from it;
 * what differs per agent, such as unreadCount, goes through each subscriber's own loaders).
 */
const ticketsByEvent = new WeakMap<object, Promise<Ticket>>();
function sharedTicket(event: TicketEvent, em: EntityManager): Promise<Ticket> {
  let ticket = ticketsByEvent.get(event);
  if (!ticket) {
    ticket = loadTicket(em, event.ticketId);
    ticketsByEvent.set(event, ticket);
  }
  return ticket;
}

const sameTicket = (id: string | null | undefined, ticketId: number) => id == null || id === String(ticketId);

function samePhone(raw: string | null | undefined, phoneNumber: string): boolean {
  if (raw == null) return true;
  try {
    return normalizePhoneNumber(raw) === phoneNumber;
  } catch {
    return false;
  }
}

@Resolver()
export class SupportSubscriptions {
  @Subscription(() => Ticket, { topics: 'TICKET_CREATED', description: 'Every new ticket, from WhatsApp or the API.' })
  ticketCreated(@Root() event: TicketEvent, @Ctx() ctx: GraphqlContext): Promise<Ticket> {
    renewScope(ctx);
    return sharedTicket(event, ctx.em);
  }

  @Subscription(() => Ticket, {
    topics: 'TICKET_UPDATED',
    filter: ({ payload, args }: { payload: TicketEvent; args: { id?: string | null } }) =>
      sameTicket(args.id, payload.ticketId),
    description: 'Changes to one ticket (id) or to any.',
  })
  ticketUpdated(
    @Root() event: TicketEvent,
    @Ctx() ctx: GraphqlContext,
    @Arg('id', () => ID, { nullable: true, description: 'Only this ticket; left out, every ticket.' }) _id?:
      | string
      | null,
  ): Promise<Ticket> {
    renewScope(ctx);
    return sharedTicket(event, ctx.em);
  }

  @Subscription(() => Message, {
    topics: 'MESSAGE_ADDED',
    filter: ({ payload, args }: { payload: MessageEvent; args: { ticketId?: string | null } }) =>
      sameTicket(args.ticketId, payload.ticketId),
    description: "New messages in one ticket's thread (ticketId) or in any.",
  })
  messageAdded(
    @Root() event: MessageEvent,
    @Ctx() ctx: GraphqlContext,
    @Arg('ticketId', () => ID, { nullable: true, description: 'Only this ticket’s thread; left out, every thread.' })
    _ticketId?: string | null,
  ): Promise<Message> {
    return freshMessage(ctx, event);
  }

  @Subscription(() => Message, {
    topics: 'MESSAGE_UPDATED',
    filter: ({ payload, args }: { payload: MessageEvent; args: { ticketId?: string | null } }) =>
      sameTicket(args.ticketId, payload.ticketId),
    description:
      "A message's delivery status changed (SENT, DELIVERED, READ, FAILED with deliveryError), or its attachment was stored or failed, in one ticket or any.",
  })
  messageUpdated(
    @Root() event: MessageEvent,
    @Ctx() ctx: GraphqlContext,
    @Arg('ticketId', () => ID, { nullable: true, description: 'Only this ticket’s thread; left out, every thread.' })
    _ticketId?: string | null,
  ): Promise<Message> {
    return freshMessage(ctx, event);
  }

  @Subscription(() => SupportNotifications, {
    topics: 'NOTIFICATIONS_CHANGED',
    description: "The badge's counts, whenever they may have changed.",
  })
  async notificationsChanged(@Root() event: TicketEvent, @Ctx() ctx: GraphqlContext): Promise<SupportNotifications> {
    renewScope(ctx);
    const { admin } = callerOf(ctx);
    return visibleTo(await sharedCounts(event, ctx.em, admin.id), admin.role);
  }

  @Subscription(() => Contact, {
    topics: 'CONTACT_UPDATED',
    filter: ({ payload, args }: { payload: { phoneNumber: string }; args: { phoneNumber?: string | null } }) =>
      samePhone(args.phoneNumber, payload.phoneNumber),
    description: "An agent changed a contact's name, student id or notes: one contact (phoneNumber) or any.",
  })
  async contactUpdated(
    @Root() event: { phoneNumber: string },
    @Ctx() ctx: GraphqlContext,
    @Arg('phoneNumber', () => String, {
      nullable: true,
      description: 'Only this contact (phone number or business-scoped user id); left out, every contact.',
    })
    _phoneNumber?: string | null,
  ): Promise<Contact> {
    renewScope(ctx);
    const contact = await findContact(ctx.em, event.phoneNumber);
    if (!contact) throw notFound('Contact', `+${event.phoneNumber}`);
    return contact;
  }
}
