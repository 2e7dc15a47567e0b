// GraphQL output types of the support desk that are not entities: connections and the badge counts.
import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.types.js';
import { Message, type MessageRecord } from './message.entity.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

@ObjectType({ simpleResolvers: true, description: 'One ticket in a page of tickets, with its place in the list.' })
export class TicketEdge {
  @Field(() => String, {
    description: 'Opaque position of this ticket in this list and order: pass it as after or before to page on.',
  })
  cursor!: string;

  @Field(() => Ticket, { description: 'The ticket.' })
  node!: TicketRecord;
}

@ObjectType({ simpleResolvers: true, description: 'A page of tickets (Relay connection): at most 100, 50 by default.' })
export class TicketConnection {
  @Field(() => [TicketEdge], { description: 'The page’s tickets, in the list’s order.' })
  edges!: TicketEdge[];

  @Field(() => PageInfo, { description: 'Whether there are more pages, and the cursors to fetch them.' })
  pageInfo!: PageInfo;

  /** Counted only when asked for (see TicketConnectionResolver). */
  countTotal!: () => Promise<number>;
  /** False when countTotal stopped counting; left out, it is exact. */
  isCountExact?: () => Promise<boolean>;
}

@ObjectType({ simpleResolvers: true, description: 'One message in a page of a thread, with its place in it.' })
export class MessageEdge {
  @Field(() => String, {
    description: 'Opaque position of this message in the thread: pass it as after or before to page on.',
  })
  cursor!: string;

  @Field(() => Message, { description: 'The message.' })
  node!: MessageRecord;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A page of a ticket’s thread (Relay connection), oldest first: at most 100 messages, 50 by default.',
})
export class MessageConnection {
  @Field(() => [MessageEdge], { description: 'The page’s messages, oldest first.' })
  edges!: MessageEdge[];

  @Field(() => PageInfo, { description: 'Whether there are more pages, and the cursors to fetch them.' })
  pageInfo!: PageInfo;

  countTotal!: () => Promise<number>;
}

@ObjectType({ simpleResolvers: true, description: "The dashboard badge's counts, for the agent asking." })
export class SupportNotifications {
  @Field(() => Int, {
    description:
      'Active work: OPEN and IN_PROGRESS tickets together (openTickets + inProgress), not counting snoozed ones. The badge shows this as "open".',
  })
  activeTickets!: number;

  @Field(() => Int, { description: 'OPEN tickets, not counting snoozed ones.' })
  openTickets!: number;

  @Field(() => Int, { description: 'IN_PROGRESS tickets, not counting snoozed ones.' })
  inProgress!: number;

  @Field(() => Int, { description: 'Open or in-progress tickets with no assignee, not counting snoozed ones.' })
  unassigned!: number;

  @Field(() => Int, {
    description:
      'Open or in-progress tickets with messages from the person this agent has not read, not counting snoozed ones.',
  })
  unreadTickets!: number;

  @Field(() => Boolean, { description: 'Something needs an agent: unassigned or unread tickets, or an SLA breach.' })
  hasAlerts!: boolean;

  @Field(() => Int, {
    description: 'Open or in-progress tickets that are snoozed (counted in none of the above until they come back).',
  })
  snoozed!: number;

  @Field(() => Int, {
    description:
      'Open or in-progress tickets (not snoozed) that missed an SLA target and were escalated; they raise hasAlerts.',
  })
  slaBreached!: number;

  @Field(() => Int, {
    description: 'Open or in-progress tickets assigned to this agent, not counting snoozed ones (the Mine tab).',
  })
  assignedToMe!: number;

  @Field(() => Int, {
    description: 'Internal notes that mentioned this agent with @name and that they have not opened.',
  })
  unreadMentions!: number;

  @Field(() => Int, {
    description:
      'Admins only (0 for agents): webhook elements parked because they could not be stored, waiting in inboundFailures.',
  })
  parkedElements!: number;

  @Field(() => Int, {
    description:
      'Admins only (0 for agents): webhook endpoints disabled automatically after failing for WEBHOOKS_DISABLE_AFTER_MS and not enabled again (see webhookEndpoints).',
  })
  disabledWebhookEndpoints!: number;
}

@ObjectType({ simpleResolvers: true, description: 'What an erasure removed.' })
export class ErasureResult {
  @Field(() => Int, { description: 'How many tickets were deleted.' })
  tickets!: number;

  @Field(() => Int, { description: 'How many messages were deleted with them.' })
  messages!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A piece of a search snippet (Ticket.searchSnippet): plain text, or text that matched the search. Render `text` as text (never as HTML) and highlight the pieces whose `match` is true.',
})
export class SnippetSegment {
  @Field(() => String, { description: 'The text of this piece, as written in the message (whitespace collapsed).' })
  text!: string;

  @Field(() => Boolean, { description: 'True where this piece is an occurrence of the searched text.' })
  match!: boolean;
}
