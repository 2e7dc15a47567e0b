// Ticket fields that are not columns; each goes through the request's loaders, so a page costs a fixed number of queries.
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { connectionOf } from '../graphql/connection.types.js';
import type { GraphqlContext } from '../graphql/context.js';
import { Message, type MessageRecord } from './message.entity.js';
import { messageCursor } from './support.loaders.js';
import { containsSearch, snippetSearch, snippetSegments, type SnippetSegmentRecord } from './search-snippet.js';
import { MessageConnection, SnippetSegment, TicketConnection } from './support.types.js';
import { replyWindowClosesAt, Ticket, type TicketRecord } from './ticket.entity.js';

@Resolver(() => Ticket)
export class TicketFieldsResolver {
  @FieldResolver(() => Agent, { nullable: true, description: 'The agent who holds the ticket; null when nobody does.' })
  assignee(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<Agent | null> | null {
    return ticket.assignee ? ctx.loaders.admin.load(ticket.assignee.id) : null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When WhatsApp's 24-hour customer service window closes; free-form replies fail after it.",
  })
  replyWindowClosesAt(@Root() ticket: TicketRecord): Date | null {
    return replyWindowClosesAt(ticket);
  }

  @FieldResolver(() => Int, {
    description: 'How many messages the thread has, internal notes and system lines included.',
  })
  async messageCount(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<number> {
    return (await ctx.loaders.ticketStats.load(ticket.id)).messageCount;
  }

  @FieldResolver(() => Int, { description: "The person's messages the calling agent has not read." })
  async unreadCount(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<number> {
    return (await ctx.loaders.ticketStats.load(ticket.id)).unreadCount;
  }

  @FieldResolver(() => Message, {
    nullable: true,
    description: 'The newest message of the thread, of any sender (internal notes included); null when there is none.',
  })
  async lastMessage(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<MessageRecord | null> {
    const { lastMessageId } = await ctx.loaders.ticketStats.load(ticket.id);
    return lastMessageId === null ? null : ctx.loaders.message.load(lastMessageId);
  }

  @FieldResolver(() => Message, {
    nullable: true,
    description:
      "What the ticket list shows of the conversation: the newest message from the person, or an agent's reply when that came last (its senderType and author say which). Bot and system lines and internal notes are left out; null when there is none yet.",
  })
  async preview(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<MessageRecord | null> {
    const { previewMessageId } = await ctx.loaders.ticketStats.load(ticket.id);
    return previewMessageId === null ? null : ctx.loaders.message.load(previewMessageId);
  }

  @FieldResolver(() => [SnippetSegment], {
    nullable: true,
    description:
      "Where the ticket matches a search, for showing beside it in a list: an excerpt of about 150 characters around the first occurrence, cut into segments whose `match` says which pieces are the searched text. Pass the same text as `tickets(filter: { search })`; it is matched the same way (ignoring case; see the README's search section). The excerpt comes from the newest matching message (internal notes included), else from the issue description; null when the ticket matched on something else (its number, name or a label) or not at all. Any agent or API token that can read the ticket may ask. Answers BAD_USER_INPUT for a search over 200 characters; an empty search gives null.",
  })
  async searchSnippet(
    @Root() ticket: TicketRecord,
    @Ctx() ctx: GraphqlContext,
    @Arg('search', () => String, { description: 'The text searched for, at most 200 characters.' }) raw: string,
  ): Promise<SnippetSegmentRecord[] | null> {
    const search = snippetSearch(raw);
    if (search === null) return null;
    const message = await ctx.loaders.searchMatch.load({ ticketId: ticket.id, search });
    if (message !== null) return snippetSegments(message, search);
    return containsSearch(ticket.issueDescription, search) ? snippetSegments(ticket.issueDescription, search) : null;
  }

  @FieldResolver(() => MessageConnection, {
    description: 'The thread, oldest first. Without arguments: the newest 50. At most 100 a page.',
  })
  async messages(
    @Root() ticket: TicketRecord,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'The first n messages after `after` (oldest first), 0 to 100.',
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from this thread: the page starts after it.' })
    after?: string | null,
    @Arg('last', () => Int, {
      nullable: true,
      description: 'The last n messages before `before`, 0 to 100; the newest 50 when no argument is given.',
    })
    last?: number | null,
    @Arg('before', () => String, { nullable: true, description: 'A cursor from this thread: the page ends before it.' })
    before?: string | null,
  ): Promise<MessageConnection> {
    const page = await ctx.loaders.messagePage.load({ ticketId: ticket.id, args: { first, after, last, before } });
    return {
      ...connectionOf(page.nodes, messageCursor, page.hasNextPage, page.hasPreviousPage),
      countTotal: async () => (await ctx.loaders.ticketStats.load(ticket.id)).messageCount,
    };
  }
}

@Resolver(() => TicketConnection)
export class TicketConnectionResolver {
  @FieldResolver(() => Int, {
    description:
      'How many tickets match the filter in all pages; counted only when asked for. A search whose text is on most tickets stops counting at 500: see totalCountIsExact.',
  })
  totalCount(@Root() connection: TicketConnection): Promise<number> {
    return connection.countTotal();
  }

  @FieldResolver(() => Boolean, {
    description:
      'False when totalCount is a lower bound: a search whose text is on most of the newest tickets stops counting at 500 (show it as "500+"). True otherwise.',
  })
  async totalCountIsExact(@Root() connection: TicketConnection): Promise<boolean> {
    return (await connection.isCountExact?.()) ?? true;
  }
}

@Resolver(() => MessageConnection)
export class MessageConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many messages the whole thread has, internal notes included.' })
  totalCount(@Root() connection: MessageConnection): Promise<number> {
    return connection.countTotal();
  }
}
