// Mentions over GraphQL: the caller's mentions, what each points at, and marking them read.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { Message, type MessageRecord } from '../support/message.entity.js';
import { Ticket, type TicketRecord } from '../support/ticket.entity.js';
import { Mention } from './mention.entity.js';
import { listMentions, markMentionsRead } from './mention.service.js';

@Resolver(() => Mention)
export class MentionResolver {
  @Query(() => [Mention], {
    description:
      'Notes that mentioned the caller with @name: unread first, then read, newest first in each. At most `first` (1 to 100).',
  })
  mentions(
    @Ctx() ctx: GraphqlContext,
    @Arg('unreadOnly', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'true: only mentions the caller has not opened; false (the default): all.',
    })
    unreadOnly?: boolean,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 50,
      description: 'How many, 1 to 100 (else BAD_USER_INPUT); 50 by default.',
    })
    first?: number,
  ): Promise<Mention[]> {
    return listMentions(ctx.em, callerOf(ctx).admin.id, unreadOnly ?? false, first ?? 50);
  }

  @Mutation(() => Int, {
    description:
      'Marks the caller’s mentions in this ticket read (the desk does it when the agent opens the ticket); returns how many were unread.',
  })
  markMentionsRead(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown one is NOT_FOUND.' }) ticketId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<number> {
    return markMentionsRead(ctx.support, callerOf(ctx).admin.id, ticketId);
  }

  @FieldResolver(() => Ticket, { description: 'The ticket the note is in.' })
  async ticket(@Root() mention: Mention, @Ctx() ctx: GraphqlContext): Promise<TicketRecord> {
    const ticket = await ctx.loaders.ticket.load(mention.ticket.id);
    if (!ticket) throw new Error(`mention ${mention.id} points at missing ticket ${mention.ticket.id}`);
    return ticket;
  }

  @FieldResolver(() => Message, { description: 'The note; its id is the anchor to scroll to in the thread.' })
  async message(@Root() mention: Mention, @Ctx() ctx: GraphqlContext): Promise<MessageRecord> {
    const message = await ctx.loaders.message.load(mention.message.id);
    if (!message) throw new Error(`mention ${mention.id} points at missing message ${mention.message.id}`);
    return message;
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'Who wrote the note; null once that agent is gone.' })
  author(@Root() mention: Mention, @Ctx() ctx: GraphqlContext): Promise<Agent | null> | null {
    return mention.author ? ctx.loaders.admin.load(mention.author.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller has opened it.' })
  read(@Root() mention: Mention): boolean {
    return mention.readAt !== null;
  }
}
