// Contacts: look one up, edit it, and the fields that point elsewhere (who wrote the notes, their tickets).
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { actorOf } from '../auth/auth.service.js';
import { connectionOf } from '../graphql/connection.types.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { Contact, type ContactRecord } from './contact.entity.js';
import { UpdateContactInput } from './contact.inputs.js';
import { contactTicketCursor } from './contact.loaders.js';
import { findContact, updateContact } from './contact.service.js';
import { TicketConnection } from './support.types.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => Contact, {
    nullable: true,
    description:
      'The contact with this phone number (spaces, dashes and a leading + are ignored), or this business-scoped user id for a person who shares no number; null when the desk has never heard from it.',
  })
  contact(@Arg('phoneNumber', () => String) phoneNumber: string, @Ctx() ctx: GraphqlContext): Promise<Contact | null> {
    return findContact(ctx.em, phoneNumber);
  }

  @Mutation(() => Contact, {
    description: "Changes a contact's name, student id or notes; audited, and published to contactUpdated.",
  })
  updateContact(
    @Arg('phoneNumber', () => String) phoneNumber: string,
    @Arg('input', () => UpdateContactInput) input: UpdateContactInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Contact> {
    return updateContact(ctx.support, actorOf(callerOf(ctx)), phoneNumber, input);
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'The agent who last changed the notes.' })
  notesUpdatedBy(@Root() contact: ContactRecord, @Ctx() ctx: GraphqlContext): Promise<Agent | null> | null {
    return contact.notesUpdatedBy ? ctx.loaders.admin.load(contact.notesUpdatedBy.id) : null;
  }

  @FieldResolver(() => TicketConnection, {
    description: 'Every ticket they opened, newest first, each with its thread. At most 100 a page.',
  })
  async tickets(
    @Root() contact: ContactRecord,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
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
