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
  ticket(
    @Arg('id', () => ID, { description: 'The ticket’s id.' }) id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return loadTicket(ctx.em, id);
  }

  @Query(() => TicketConnection, {
    description: 'Tickets, newest activity first unless orderBy says otherwise. At most 100 a page.',
  })
  async tickets(
    @Ctx() ctx: GraphqlContext,
    @Arg('filter', () => TicketFilter, { nullable: true, description: 'Which tickets; left out, all of them.' })
    filter?: TicketFilter | null,
    @Arg('orderBy', () => TicketOrder, { nullable: true, description: 'The order; left out, UPDATED_AT newest first.' })
    orderBy?: TicketOrder | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'The first n tickets after `after`, 0 to 100; 50 when neither first nor last is given.',
    })
    first?: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from this list and order: the page starts after it (else BAD_USER_INPUT).',
    })
    after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: 'The last n tickets before `before`, 0 to 100.' }) last?:
      | number
      | null,
    @Arg('before', () => String, {
      nullable: true,
      description: 'A cursor from this list and order: the page ends before it (else BAD_USER_INPUT).',
    })
    before?: string | null,
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
      isCountExact: page.isCountExact,
    };
  }

  @Mutation(() => Ticket, { description: 'Opens a ticket for a phone number; the issue becomes the first message.' })
  createTicket(
    @Arg('input', () => CreateTicketInput, { description: 'The person and their issue.' }) input: CreateTicketInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return openTicket(ctx.support, input, actorOf(callerOf(ctx)));
  }

  @Mutation(() => Ticket, { description: 'Assigns the ticket to an agent; a null adminId unassigns it.' })
  assignTicket(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Arg('adminId', () => ID, {
      nullable: true,
      description: 'The agent (an Admin id) to assign it to; null unassigns it. An unknown agent is NOT_FOUND.',
    })
    adminId: string | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return assignTicket(ctx.support, actorOf(callerOf(ctx)), ticketId, adminId ?? null);
  }

  @Mutation(() => Ticket, {
    description:
      'Sets how urgent the ticket is; audited and published to ticketUpdated. Needs WRITE; an unknown ticket is NOT_FOUND.',
  })
  setTicketPriority(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Arg('priority', () => TicketPriority, { description: 'The new priority.' }) priority: TicketPriority,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return setTicketPriority(ctx.support, actorOf(callerOf(ctx)), ticketId, priority);
  }

  @Mutation(() => Ticket, {
    description: 'Sets the status; RESOLVED and CLOSED set resolvedAt, sending nothing to the person.',
  })
  setTicketStatus(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Arg('status', () => TicketStatus, { description: 'The new status.' }) status: TicketStatus,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return setTicketStatus(ctx.support, actorOf(callerOf(ctx)), ticketId, status);
  }

  @Mutation(() => Ticket, {
    description: `Resolves the ticket and sends the person a closing message: \`message\` (at most ${MAX_BODY_LENGTH} characters), the default when it is null or blank, or none when \`sendClosingMessage\` is false (then \`message\` must be left out).`,
  })
  closeTicket(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Arg('message', () => String, {
      nullable: true,
      description:
        'The closing message to send the person; null or blank sends the default (see defaultClosingMessage).',
    })
    message: string | null,
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

  @Mutation(() => Ticket, {
    description:
      'Reopens a RESOLVED or CLOSED ticket: back to IN_PROGRESS if an agent had answered, else OPEN, with a new SLA round. An active ticket is BAD_USER_INPUT; an unknown one NOT_FOUND. Needs WRITE.',
  })
  reopenTicket(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return reopenTicket(ctx.support, actorOf(callerOf(ctx)), ticketId);
  }

  @Mutation(() => ErasureResult, {
    description:
      'Admins only: erases every ticket, message and record of one phone number (a data-protection request).',
  })
  erasePhoneNumber(
    @Arg('phoneNumber', () => String, {
      description: 'The phone number (with country code; spaces, dashes and a leading + are ignored) whose records go.',
    })
    phoneNumber: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<ErasureResult> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return erasePhoneNumber(ctx.em, actorOf(caller), phoneNumber, { store: ctx.app.media, logger: ctx.app.logger });
  }

  @Mutation(() => Ticket, { description: 'Marks every message of the ticket read for the calling agent.' })
  markTicketRead(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return markTicketRead(ctx.support, callerOf(ctx).admin.id, ticketId);
  }
}
