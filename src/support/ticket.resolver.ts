// Ticket queries and mutations: check who may, call one service function, return.
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '../auth/auth.service.js';
import { botTextsFor } from '../bot-messages/bot-messages.service.js';
import { assertAdminSession } from '../auth/caller.js';
import { erasePhoneNumber } from './retention.service.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { connectionOf } from '../graphql/connection.types.js';
import { TicketPriority, TicketStatus } from './support.enums.js';
import { ErasureResult, TicketConnection } from './support.types.js';
import { CreateTicketInput, DEFAULT_TICKET_ORDER, TicketFilter, TicketOrder } from './ticket.inputs.js';
import { listTickets } from './ticket.query.js';
import { Ticket } from './ticket.entity.js';
import { loadTicket } from './ticket.repository.js';
import { MAX_BODY_LENGTH } from './message.entity.js';
import {
  assignTicket,
  closeTicket,
  markTicketRead,
  openTicket,
  reopenTicket,
  setTicketPriority,
  setTicketStatus,
} from './ticket.service.js';

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { nullable: true, description: 'One ticket; an unknown id is a NOT_FOUND error.' })
  ticket(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Ticket> {
    return loadTicket(ctx.em, id);
  }

  @Query(() => TicketConnection, {
    description: 'Tickets, newest activity first unless orderBy says otherwise. At most 100 a page.',
  })
  async tickets(
    @Ctx() ctx: GraphqlContext,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter | null,
    @Arg('orderBy', () => TicketOrder, { nullable: true }) orderBy?: TicketOrder | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true }) last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ): Promise<TicketConnection> {
    const page = await listTickets(ctx.em, filter ?? {}, orderBy ?? DEFAULT_TICKET_ORDER, {
      first,
      after,
      last,
      before,
    });
    return {
      ...connectionOf(page.nodes, page.cursorOf, page.hasNextPage, page.hasPreviousPage),
      countTotal: page.countTotal,
    };
  }

  @Mutation(() => Ticket, { description: 'Opens a ticket for a phone number; the issue becomes the first message.' })
  createTicket(
    @Arg('input', () => CreateTicketInput) input: CreateTicketInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return openTicket(ctx.support, input, actorOf(callerOf(ctx)));
  }

  @Mutation(() => Ticket, { description: 'Assigns the ticket to an agent; a null adminId unassigns it.' })
  assignTicket(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('adminId', () => ID, { nullable: true }) adminId: string | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return assignTicket(ctx.support, actorOf(callerOf(ctx)), ticketId, adminId ?? null);
  }

  @Mutation(() => Ticket)
  setTicketPriority(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('priority', () => TicketPriority) priority: TicketPriority,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return setTicketPriority(ctx.support, actorOf(callerOf(ctx)), ticketId, priority);
  }

  @Mutation(() => Ticket, {
    description: 'Sets the status; RESOLVED and CLOSED set resolvedAt, sending nothing to the person.',
  })
  setTicketStatus(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('status', () => TicketStatus) status: TicketStatus,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return setTicketStatus(ctx.support, actorOf(callerOf(ctx)), ticketId, status);
  }

  @Mutation(() => Ticket, {
    description: `Resolves the ticket and sends the person a closing message: \`message\` (at most ${MAX_BODY_LENGTH} characters), the default when it is null or blank, or none when \`sendClosingMessage\` is false (then \`message\` must be left out).`,
  })
  closeTicket(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('message', () => String, { nullable: true }) message: string | null,
    @Arg('sendClosingMessage', () => Boolean, {
      defaultValue: true,
      description: 'False resolves without any message to the person.',
    })
    sendClosingMessage: boolean,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return closeTicket(ctx.support, actorOf(callerOf(ctx)), ticketId, message ?? null, sendClosingMessage);
  }

  @Query(() => String, {
    description:
      'The closing message a person gets when the agent resolves their ticket without writing one: in the language the bot speaks to that ticket’s person, or the desk’s default language without ticketId.',
  })
  async defaultClosingMessage(
    @Arg('ticketId', () => ID, { nullable: true, description: 'The ticket about to be resolved.' })
    ticketId: string | null | undefined,
    @Ctx() ctx: GraphqlContext,
  ): Promise<string> {
    const ticket = ticketId ? await loadTicket(ctx.em, ticketId) : null;
    const texts = await botTextsFor(ctx.em, ticket?.phoneNumber ?? '');
    return texts.closing;
  }

  @Mutation(() => Ticket)
  reopenTicket(@Arg('ticketId', () => ID) ticketId: string, @Ctx() ctx: GraphqlContext): Promise<Ticket> {
    return reopenTicket(ctx.support, actorOf(callerOf(ctx)), ticketId);
  }

  @Mutation(() => ErasureResult, {
    description:
      'Admins only: erases every ticket, message and record of one phone number (a data-protection request).',
  })
  erasePhoneNumber(
    @Arg('phoneNumber', () => String) phoneNumber: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<ErasureResult> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return erasePhoneNumber(ctx.em, actorOf(caller), phoneNumber, { store: ctx.app.media, logger: ctx.app.logger });
  }

  @Mutation(() => Ticket, { description: 'Marks every message of the ticket read for the calling agent.' })
  markTicketRead(@Arg('ticketId', () => ID) ticketId: string, @Ctx() ctx: GraphqlContext): Promise<Ticket> {
    return markTicketRead(ctx.support, callerOf(ctx).admin.id, ticketId);
  }
}
