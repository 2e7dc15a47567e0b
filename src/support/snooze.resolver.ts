// Snoozing a ticket and waking it, and the Ticket fields that tell whether and by whom it is snoozed.
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { actorOf } from '../auth/auth.service.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { MAX_SNOOZE_DAYS, snoozeTicket, unsnoozeTicket } from './snooze.service.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

@Resolver(() => Ticket)
export class SnoozeResolver {
  @Mutation(() => Ticket, {
    description: `Takes an OPEN or IN_PROGRESS ticket out of the open list and the badge's counts until \`until\` (in the future, at most ${MAX_SNOOZE_DAYS} days ahead), or, with \`untilReply: true\` and no \`until\`, until the person writes. Either way it comes back as soon as the person writes on WhatsApp, publishing ticketUpdated and notificationsChanged. Snoozing a snoozed ticket moves its time; closing one ends its snooze.`,
  })
  snoozeTicket(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Arg('until', () => Date, { nullable: true, description: 'When it comes back by itself.' }) until: Date | null,
    @Arg('untilReply', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Instead of a time: only the person’s next message brings it back.',
    })
    untilReply: boolean,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return snoozeTicket(ctx.support, actorOf(callerOf(ctx)), ticketId, until ?? null, untilReply ?? false);
  }

  @Mutation(() => Ticket, { description: 'Brings a snoozed ticket back to the open list now.' })
  unsnoozeTicket(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket> {
    return unsnoozeTicket(ctx.support, actorOf(callerOf(ctx)), ticketId);
  }

  @FieldResolver(() => Boolean, { description: 'Out of the open list until snoozedUntil, or until the person writes.' })
  snoozed(@Root() ticket: TicketRecord): boolean {
    return ticket.snoozedAt !== null;
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'The agent who snoozed it, while it is snoozed.' })
  snoozedBy(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<Agent | null> | null {
    return ticket.snoozedBy ? ctx.loaders.admin.load(ticket.snoozedBy.id) : null;
  }
}
