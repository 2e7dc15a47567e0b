// Contacts: list them, look one up, edit one, and the fields that point elsewhere (who wrote the notes, their
// tickets, when they were last in contact).
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { actorOf } from '../auth/auth.service.js';
import { connectionOf } from '../graphql/connection.types.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { Contact, type ContactRecord } from './contact.entity.js';
import { UpdateContactInput } from './contact.inputs.js';
import { contactTicketCursor } from './contact.loaders.js';
import { listContacts } from './contact.query.js';
import { ContactConnection } from './contact.types.js';
import { findContact, updateContact } from './contact.service.js';
import { TicketConnection } from './support.types.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => ContactConnection, {
    description:
      'Everyone the desk has talked to, most recently in contact first (see Contact.lastContactAt); ties, newest contact first. At most 100 a page.',
  })
  async contacts(
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many contacts, 0 to 100; 50 when left out.' })
    first?: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'An edge cursor (or pageInfo.endCursor) from this list: the contacts after it.',
    })
    after?: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Contacts whose name, WhatsApp username (with or without its @) or business-scoped user id contains this text, case-insensitively; text made only of digits, spaces, dashes, brackets and a + also finds the numbers that contain those digits ("+44 7700" finds 447700900123). At most 200 characters; blank lists everyone.',
    })
    search?: string | null,
  ): Promise<ContactConnection> {
    const page = await listContacts(ctx.em, search, { first, after });
    // The list already knows each contact's last contact: the field reads it without asking again.
    for (const [phoneNumber, at] of page.lastContactAt) ctx.loaders.contactLastContact.prime(phoneNumber, at);
    return {
      ...connectionOf(page.nodes, page.cursorOf, page.hasNextPage, page.hasPreviousPage),
      countTotal: page.countTotal,
    };
  }

  @Query(() => Contact, {
    nullable: true,
    description:
      'The contact with this phone number (spaces, dashes and a leading + are ignored), or this business-scoped user id for a person who shares no number; null when the desk has never heard from it.',
  })
  contact(
    @Arg('phoneNumber', () => String, {
      description: 'The phone number with country code, or the business-scoped user id.',
    })
    phoneNumber: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Contact | null> {
    return findContact(ctx.em, phoneNumber);
  }

  @Mutation(() => Contact, {
    description:
      "Changes a contact's name, student id, notes or the language the bot speaks to them; audited, and published to contactUpdated.",
  })
  updateContact(
    @Arg('phoneNumber', () => String, {
      description:
        'The contact’s phone number with country code, or business-scoped user id; an unknown one is NOT_FOUND.',
    })
    phoneNumber: string,
    @Arg('input', () => UpdateContactInput, { description: 'What to change; fields left out stay as they are.' })
    input: UpdateContactInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Contact> {
    return updateContact(ctx.support, actorOf(callerOf(ctx)), phoneNumber, input);
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'The agent who last changed the notes.' })
  notesUpdatedBy(@Root() contact: ContactRecord, @Ctx() ctx: GraphqlContext): Promise<Agent | null> | null {
    return contact.notesUpdatedBy ? ctx.loaders.admin.load(contact.notesUpdatedBy.id) : null;
  }

  @FieldResolver(() => Date, {
    description:
      'When the desk and this person were last in contact: the newest message exchanged on any of their tickets (internal notes do not count), a ticket opened without one, or their last message on WhatsApp (also to the bot), whichever is latest; when the desk first heard of them if none. What the contacts list is ordered by.',
  })
  async lastContactAt(@Root() contact: ContactRecord, @Ctx() ctx: GraphqlContext): Promise<Date> {
    return (await ctx.loaders.contactLastContact.load(contact.phoneNumber)) ?? contact.createdAt;
  }

  @FieldResolver(() => Int, {
    description: 'How many tickets they opened, whatever their status (as tickets.totalCount).',
  })
  ticketCount(@Root() contact: ContactRecord, @Ctx() ctx: GraphqlContext): Promise<number> {
    return ctx.loaders.contactTicketCount.load(contact.phoneNumber);
  }

  @FieldResolver(() => Ticket, {
    nullable: true,
    description:
      'Their newest ticket that is OPEN or IN_PROGRESS (snoozed or not): where a conversation with them goes on now; null when none is.',
  })
  openTicket(@Root() contact: ContactRecord, @Ctx() ctx: GraphqlContext): Promise<TicketRecord | null> {
    return ctx.loaders.contactOpenTicket.load(contact.phoneNumber);
  }

  @FieldResolver(() => TicketConnection, {
    description: 'Every ticket they opened, newest first, each with its thread. At most 100 a page.',
  })
  async tickets(
    @Root() contact: ContactRecord,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many tickets, 0 to 100; 50 when left out.' }) first?:
      | number
      | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from this contact’s list: the page starts after it.',
    })
    after?: string | null,
  ): Promise<TicketConnection> {
    const page = await ctx.loaders.contactTicketPage.load({ phoneNumber: contact.phoneNumber, args: { first, after } });
    return {
      ...connectionOf(page.nodes, contactTicketCursor, page.hasNextPage, page.hasPreviousPage),
      countTotal: () => ctx.loaders.contactTicketCount.load(contact.phoneNumber),
    };
  }
}

@Resolver(() => Ticket)
export class TicketContactResolver {
  @FieldResolver(() => Contact, {
    nullable: true,
    description: 'The person who opened it: their details, the notes on them, and their other tickets.',
  })
  contact(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<ContactRecord | null> {
    return ctx.loaders.contact.load(ticket.phoneNumber);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The person's WhatsApp business-scoped user id (BSUID), when WhatsApp sent one; for a person who shares no number it is also the ticket's phoneNumber.",
  })
  async whatsappUserId(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<string | null> {
    return (await ctx.loaders.contact.load(ticket.phoneNumber))?.whatsappUserId ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The person's WhatsApp username, when they set one: what to show for a person who shares no number.",
  })
  async username(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<string | null> {
    return (await ctx.loaders.contact.load(ticket.phoneNumber))?.username ?? null;
  }
}

@Resolver(() => ContactConnection)
export class ContactConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many contacts the search matches (all of them without one).' })
  totalCount(@Root() connection: ContactConnection): Promise<number> {
    return connection.countTotal();
  }
}
