// A support ticket: one conversation between a person on WhatsApp and the desk.
import type { StoredBotLine } from './bot-conversation.js';
import { OptionalProps } from '@mikro-orm/core';
import {
  BeforeCreate,
  BeforeUpdate,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
} from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import type { AdReferral } from './message-details.js';
import { Agent } from '../auth/agent.entity.js';
import type { IdRef } from '../db/plain-read.js';
import { isActiveStatus, priorityRank, TicketPriority, TicketStatus } from './support.enums.js';

/** A number as phone_number_reversed keeps it: its characters (digits, or a user id's ASCII) in reverse order. */
export const reversedPhoneNumber = (phoneNumber: string) => [...phoneNumber].reverse().join('');

/** WhatsApp's customer service window: free-form replies are allowed this long after the person's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

@ObjectType({
  simpleResolvers: true,
  description: 'A support ticket opened by a person on WhatsApp (or through the API).',
})
@Entity({ tableName: 'support_tickets' })
@Index({ properties: ['status', 'updatedAt'] })
@Index({ properties: ['status', 'lastMessageAt'] })
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['status', 'priorityRank'] })
@Index({ properties: ['assignee', 'status'] })
@Index({ properties: ['phoneNumber', 'status'] })
@Index({ properties: ['snoozedUntil'] })
@Index({ properties: ['status', 'slaBreachedAt', 'firstResponseDueAt'] })
@Index({ properties: ['status', 'slaBreachedAt', 'resolutionDueAt'] })
@Index({ properties: ['slaDueAt'] })
// A search first looks at the newest tickets in the list's order, with no status filter (see ticket-search.ts).
@Index({ properties: ['updatedAt'] })
@Index({ properties: ['lastMessageAt'] })
// MariaDB/MySQL's search looks the issue and the name up here; SQLite's in the FTS5 table support_tickets_fts.
@Index({
  name: 'support_tickets_search_fulltext',
  properties: ['issueDescription', 'senderName'],
  type: 'fulltext',
})
// Reports read these alone (covering indexes): counts per day and per agent, and durations per agent.
@Index({ name: 'support_tickets_report_opened_index', properties: ['createdAt', 'assignee', 'resolvedAt'] })
@Index({
  name: 'support_tickets_report_first_response_index',
  properties: ['firstResponseAt', 'assignee', 'firstResponseSeconds', 'firstResponseBusinessSeconds'],
})
@Index({
  name: 'support_tickets_report_resolved_index',
  properties: ['resolvedAt', 'assignee', 'resolutionSeconds', 'resolutionBusinessSeconds'],
})
export class Ticket {
  [OptionalProps]?:
    | 'status'
    | 'priority'
    | 'priorityRank'
    | 'version'
    | 'createdAt'
    | 'updatedAt'
    | 'senderName'
    | 'studentId'
    | 'assignee'
    | 'resolvedAt'
    | 'firstResponseAt'
    | 'lastMessageAt'
    | 'lastUserMessageAt'
    | 'lastUserMessageId'
    | 'readReceiptMessageId'
    | 'replyWindowClosesAt'
    | 'snoozedAt'
    | 'snoozedUntil'
    | 'snoozedBy'
    | 'slaStartsAt'
    | 'firstResponseDueAt'
    | 'firstResponseRiskAt'
    | 'resolutionDueAt'
    | 'resolutionRiskAt'
    | 'slaBreachedAt'
    | 'slaDueAt'
    | 'firstResponseSeconds'
    | 'firstResponseBusinessSeconds'
    | 'resolutionSeconds'
    | 'resolutionBusinessSeconds'
    | 'referral'
    | 'botConversation'
    | 'phoneNumberReversed';

  @Field(() => ID, { description: 'The ticket’s id: a positive integer, as a string.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, {
    description:
      'Digits only, with the country code, as WhatsApp sends it. For a person who shares no number with the desk (a WhatsApp username user), their business-scoped user id instead (see whatsappUserId): what replies are addressed to.',
  })
  @Property({ type: 'string', length: 140 })
  phoneNumber!: string;

  /**
   * The number written backwards, kept by syncPhoneNumberReversed: MariaDB's search finds a number's end ("77 123
   * 4567" in 94771234567) through this column's index, as it finds its start through phone_number's.
   */
  @Property({ type: 'string', length: 140, nullable: true })
  @Index()
  phoneNumberReversed: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The person’s name as agents see it (from WhatsApp’s profile, or set by an agent); null when unknown.',
  })
  @Property({ type: 'string', length: 255, nullable: true })
  senderName: string | null = null;

  @Field(() => String, { description: 'What the person asked for: the first message of the thread.' })
  @Property({ type: 'text' })
  issueDescription!: string;

  @Field(() => TicketStatus, { description: 'Where the ticket stands: OPEN, IN_PROGRESS, RESOLVED or CLOSED.' })
  @Enum({ items: () => TicketStatus, type: 'string', length: 16 })
  status: TicketStatus = TicketStatus.OPEN;

  @Field(() => TicketPriority, { description: 'How urgent it is; MEDIUM unless someone set it.' })
  @Enum({ items: () => TicketPriority, type: 'string', length: 16 })
  priority: TicketPriority = TicketPriority.MEDIUM;

  @Property({ type: 'smallint' })
  priorityRank: number = priorityRank[TicketPriority.MEDIUM];

  @ManyToOne({ entity: () => Agent, nullable: true, fieldName: 'assigned_admin_id', deleteRule: 'set null' })
  assignee: Agent | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The person’s student id, when they or an agent gave one; at most 64 characters.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  studentId: string | null = null;

  @Field(() => Date, { description: 'When the ticket was opened.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the ticket last changed (a message, a status, an assignment...).' })
  @Property({ type: 'datetime', length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Date, {
    nullable: true,
    description: 'When it was resolved or closed; null while it is OPEN or IN_PROGRESS (reopening clears it).',
  })
  @Property({ type: 'datetime', length: 3, nullable: true })
  resolvedAt: Date | null = null;

  @Field(() => Date, {
    nullable: true,
    description: 'When an agent first replied to the person; null until then. Kept when the ticket is reopened.',
  })
  @Property({ type: 'datetime', length: 3, nullable: true })
  firstResponseAt: Date | null = null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the newest message of the thread was written, internal notes aside; null when there is none.',
  })
  @Property({ type: 'datetime', length: 3, nullable: true })
  lastMessageAt: Date | null = null;

  /** When the person last wrote: the 24-hour reply window runs from here. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  lastUserMessageAt: Date | null = null;

  /** The person's newest message (its id): above an agent's read mark, the ticket is unread for them. */
  @Property({ type: 'integer', nullable: true })
  lastUserMessageId: number | null = null;

  /** The person's newest message we have marked read on WhatsApp (a message id). */
  @Property({ type: 'integer', nullable: true })
  readReceiptMessageId: number | null = null;

  @Field(() => Date, { nullable: true, description: 'When an agent snoozed the ticket; null when it is not snoozed.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  snoozedAt: Date | null = null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When a snoozed ticket comes back to the open list by itself; null when it is not snoozed, or is snoozed until the person writes.',
  })
  @Property({ type: 'datetime', length: 3, nullable: true })
  snoozedUntil: Date | null = null;

  @ManyToOne({ entity: () => Agent, nullable: true, deleteRule: 'set null' })
  snoozedBy: Agent | null = null;

  /** When the SLA clock started: the person's first message. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  slaStartsAt: Date | null = null;

  /** SLA due times (null: no target for this priority), and when each target enters its at-risk stretch. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  firstResponseDueAt: Date | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  firstResponseRiskAt: Date | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  resolutionDueAt: Date | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  resolutionRiskAt: Date | null = null;

  /** The soonest due time of a target still pending on an open ticket (null: none), which the list sorts by. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  slaDueAt: Date | null = null;

  /** When the breach sweep escalated the ticket: set once, so that it is escalated once. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  slaBreachedAt: Date | null = null;

  /**
   * How long the first reply and the resolution took, in seconds from when the SLA clock started: in calendar
   * time and in the desk's business time of that moment. Kept on the ticket when they happen, so that reports
   * are aggregates the database computes (null: not yet, or in business time, answered before hours were kept).
   */
  @Property({ type: 'integer', nullable: true })
  firstResponseSeconds: number | null = null;

  @Property({ type: 'integer', nullable: true })
  firstResponseBusinessSeconds: number | null = null;

  @Property({ type: 'integer', nullable: true })
  resolutionSeconds: number | null = null;

  @Property({ type: 'integer', nullable: true })
  resolutionBusinessSeconds: number | null = null;

  /** The click-to-WhatsApp ad the person came from (the first one seen on this ticket); see the `referral` field. */
  @Property({ type: 'json', nullable: true })
  referral: AdReferral | null = null;

  /** The person's conversation with the bot before this ticket opened; see the `botConversation` field. */
  @Property({ type: 'json', nullable: true })
  botConversation: StoredBotLine[] | null = null;

  @Property({ type: 'integer', version: true })
  version!: number;

  setPriority(priority: TicketPriority): void {
    this.priority = priority;
    this.priorityRank = priorityRank[priority];
  }

  /** Back in the open list: the snooze (if any) is over. */
  endSnooze(): void {
    this.snoozedAt = null;
    this.snoozedUntil = null;
    this.snoozedBy = null;
  }

  @BeforeCreate()
  @BeforeUpdate()
  syncPhoneNumberReversed(): void {
    this.phoneNumberReversed = reversedPhoneNumber(this.phoneNumber);
  }

  /** Keeps slaDueAt in step with the due times, the first response and the status, whatever changed them. */
  @BeforeCreate()
  @BeforeUpdate()
  syncSlaDue(): void {
    const pending = isActiveStatus(this.status)
      ? [this.firstResponseAt ? null : this.firstResponseDueAt, this.resolvedAt ? null : this.resolutionDueAt].filter(
          (due): due is Date => due !== null,
        )
      : [];
    this.slaDueAt = pending.length ? new Date(Math.min(...pending.map((due) => due.getTime()))) : null;
  }

  get replyWindowClosesAt(): Date | null {
    return replyWindowClosesAt(this);
  }
}

/** A ticket as a plain read gives it (lists, loaders): its columns, the assignee and snoozer as `{ id }`. A Ticket is one too. */
export type TicketRecord = Omit<
  Ticket,
  | 'assignee'
  | 'snoozedBy'
  | 'replyWindowClosesAt'
  | 'setPriority'
  | 'endSnooze'
  | 'syncSlaDue'
  | 'syncPhoneNumberReversed'
> & { assignee: IdRef | null; snoozedBy: IdRef | null };

export function replyWindowClosesAt(ticket: Pick<Ticket, 'lastUserMessageAt'>): Date | null {
  return ticket.lastUserMessageAt ? new Date(ticket.lastUserMessageAt.getTime() + REPLY_WINDOW_MS) : null;
}
