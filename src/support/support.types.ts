// GraphQL output types of the support desk that are not entities: connections and the badge counts.
import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.types.js';
import { Message, type MessageRecord } from './message.entity.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

@ObjectType({ simpleResolvers: true })
export class TicketEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Ticket)
  node!: TicketRecord;
}

@ObjectType({ simpleResolvers: true })
export class TicketConnection {
  @Field(() => [TicketEdge])
  edges!: TicketEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counted only when asked for (see TicketConnectionResolver). */
  countTotal!: () => Promise<number>;
}

@ObjectType({ simpleResolvers: true })
export class MessageEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Message)
  node!: MessageRecord;
}

@ObjectType({ simpleResolvers: true })
export class MessageConnection {
  @Field(() => [MessageEdge])
  edges!: MessageEdge[];

  @Field(() => PageInfo)
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
  @Field(() => Int)
  tickets!: number;

  @Field(() => Int)
  messages!: number;
}
