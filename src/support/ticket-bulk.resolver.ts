// The bulk ticket mutations (the list's bulk actions, and tools): check who may, call one service function, return.
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { actorOf } from '../auth/auth.service.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { MAX_SNOOZE_DAYS } from './snooze.service.js';
import { TicketPriority } from './support.enums.js';
import {
  assignTickets,
  closeTickets,
  MAX_TICKETS_PER_CHANGE,
  setTicketsPriority,
  snoozeTickets,
} from './ticket-bulk.service.js';
import { BulkTicketResult } from './ticket-bulk.types.js';

const EACH = `Each ticket is changed in a transaction of its own, as the single-ticket mutation changes it; one that cannot be changed is reported in its outcome and the others go on. At most ${MAX_TICKETS_PER_CHANGE} distinct ticketIds (more, or none, is BAD_USER_INPUT and changes nothing).`;

const ticketIdsArg = {
  description: `The tickets to change, at most ${MAX_TICKETS_PER_CHANGE}; a repeated id counts once, an unknown one is a NOT_FOUND outcome.`,
};

@Resolver()
export class TicketBulkResolver {
  @Mutation(() => BulkTicketResult, {
    description: `assignTicket for many tickets: assigns them all to one agent, or unassigns them (adminId null), recording ticket.assigned for each that changed hands. An unknown or inactive agent is NOT_FOUND and changes nothing. ${EACH}`,
  })
  assignTickets(
    @Arg('ticketIds', () => [ID], ticketIdsArg) ticketIds: string[],
    @Arg('adminId', () => ID, { nullable: true, description: 'The agent to assign them to; null unassigns them.' })
    adminId: string | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<BulkTicketResult> {
    return assignTickets(ctx.support, ctx.app.logger, actorOf(callerOf(ctx)), ticketIds, adminId ?? null);
  }

  @Mutation(() => BulkTicketResult, {
    description: `setTicketPriority for many tickets: their SLA targets follow the new priority (ticket.priority in the audit trail). ${EACH}`,
  })
  setTicketsPriority(
    @Arg('ticketIds', () => [ID], ticketIdsArg) ticketIds: string[],
    @Arg('priority', () => TicketPriority, { description: 'The priority they all get.' }) priority: TicketPriority,
    @Ctx() ctx: GraphqlContext,
  ): Promise<BulkTicketResult> {
    return setTicketsPriority(ctx.support, ctx.app.logger, actorOf(callerOf(ctx)), ticketIds, priority);
  }

  @Mutation(() => BulkTicketResult, {
    description: `closeTicket for many tickets: each is RESOLVED and its person gets the closing message on WhatsApp (this one, or the default), then the survey when it is on (ticket.closed in the audit trail). A ticket already resolved or closed is a BAD_USER_INPUT outcome and gets no message. ${EACH}`,
  })
  closeTickets(
    @Arg('ticketIds', () => [ID], ticketIdsArg) ticketIds: string[],
    @Arg('message', () => String, {
      nullable: true,
      description:
        'The closing message every person gets, at most 4,096 characters (too long is BAD_USER_INPUT and changes nothing); null or blank sends the default.',
    })
    message: string | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<BulkTicketResult> {
    return closeTickets(ctx.support, ctx.app.logger, actorOf(callerOf(ctx)), ticketIds, message ?? null);
  }

  @Mutation(() => BulkTicketResult, {
    description: `snoozeTicket for many tickets: each OPEN or IN_PROGRESS ticket leaves the open list until \`until\` (at most ${MAX_SNOOZE_DAYS} days ahead) or, with \`untilReply: true\`, until its person writes (ticket.snoozed in the audit trail). A resolved or closed ticket is a BAD_USER_INPUT outcome; a snooze end that is not allowed is BAD_USER_INPUT and changes nothing. ${EACH}`,
  })
  snoozeTickets(
    @Arg('ticketIds', () => [ID], ticketIdsArg) ticketIds: string[],
    @Arg('until', () => Date, { nullable: true, description: 'When they come back by themselves.' })
    until: Date | null,
    @Arg('untilReply', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Instead of a time: only each person’s next message brings their ticket back.',
    })
    untilReply: boolean,
    @Ctx() ctx: GraphqlContext,
  ): Promise<BulkTicketResult> {
    return snoozeTickets(
      ctx.support,
      ctx.app.logger,
      actorOf(callerOf(ctx)),
      ticketIds,
      until ?? null,
      untilReply ?? false,
    );
  }
}
