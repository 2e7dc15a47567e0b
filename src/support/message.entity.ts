// One message in a ticket's thread: from the person, an agent, the bot or the system, or an internal note.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import type { IdRef } from '../db/plain-read.js';
import type { MessageDetails, MessageEditRecord } from './message-details.js';
import { DeliveryStatus, ForwardedMark, SenderType } from './support.enums.js';
import { Ticket } from './ticket.entity.js';

/** WhatsApp's limit on a text message's body. */
export const MAX_BODY_LENGTH = 4096;
/** The most WhatsApp messages one reply may go as (a longer reply is cut at paragraphs, sentences, words). */
export const MAX_REPLY_PARTS = 10;
/** A note's bound: what a MariaDB TEXT column holds at three bytes per UTF-16 code unit, the worst case. */
export const MAX_NOTE_LENGTH = 16_384;

@ObjectType({ simpleResolvers: true, description: 'A message in a ticket thread.' })
@Entity({ tableName: 'support_messages' })
@Index({ properties: ['ticket', 'createdAt'] })
@Index({ properties: ['ticket', 'senderType'] })
// Thread search on MariaDB/MySQL (SQLite has an FTS5 table instead; see src/db/full-text.ts).
@Index({ name: 'support_messages_message_fulltext', properties: ['body'], type: 'fulltext' })
export class Message {
  [OptionalProps]?:
    | 'createdAt'
    | 'senderName'
    | 'whatsappMessageId'
    | 'deliveryStatus'
    | 'deliveryError'
    | 'internal'
    | 'author'
    | 'templateName'
    | 'replyToWhatsappId'
    | 'forwarded'
    | 'editedAt'
    | 'editHistory'
    | 'deletedByPersonAt'
    | 'personReaction'
    | 'details';

  @Field(() => ID, { description: 'The message’s id: a positive integer, as a string; ids grow with time.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Ticket, deleteRule: 'cascade' })
  ticket!: Ticket;

  @Field(() => SenderType, {
    description: 'Who wrote it: the person (USER), an agent (ADMIN), the bot (BOT) or the desk (SYSTEM).',
  })
  @Enum({ items: () => SenderType, type: 'string', length: 16 })
  senderType!: SenderType;

  @Field(() => String, {
    nullable: true,
    description:
      'The writer’s name as shown in the thread (the person’s or the agent’s); null for system lines and unknown senders.',
  })
  @Property({ type: 'string', length: 255, nullable: true })
  senderName: string | null = null;

  @Field(() => String, {
    description: 'The text; for media, its caption (may be empty).',
  })
  @Property({ type: 'text', fieldName: 'message' })
  body!: string;

  @Field(() => Date, {
    description: 'When it was added to the thread.',
  })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  /** The WhatsApp message id (wamid…): what receipts refer to, and what makes a duplicate delivery a no-op. */
  @Property({ type: 'string', length: 128, nullable: true, unique: true })
  whatsappMessageId: string | null = null;

  @Field(() => DeliveryStatus, { nullable: true, description: 'Only for messages sent to WhatsApp.' })
  @Enum({ items: () => DeliveryStatus, type: 'string', length: 16, nullable: true })
  deliveryStatus: DeliveryStatus | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Why WhatsApp could not deliver it (its error code and title); null unless deliveryStatus is FAILED.',
  })
  @Property({ type: 'string', length: 512, nullable: true })
  deliveryError: string | null = null;

  @Field(() => Boolean, { description: 'An internal note: seen by agents, never sent to the person.' })
  @Property({ type: 'boolean' })
  internal: boolean = false;

  @ManyToOne({ entity: () => Agent, nullable: true, deleteRule: 'set null' })
  author: Agent | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'Sent as this WhatsApp message template (its name); the body is the text as rendered. Null for a free-form message.',
  })
  @Property({ type: 'string', length: 512, nullable: true })
  templateName: string | null = null;

  /** The WhatsApp id of the message this one quotes (the person answered it with "Reply"); see replyTo. */
  @Property({ type: 'string', length: 128, nullable: true })
  replyToWhatsappId: string | null = null;

  @Field(() => ForwardedMark, {
    nullable: true,
    description:
      'WhatsApp marked the message as forwarded to the person, or forwarded many times. Null when it was not.',
  })
  // A plain column, not an enum: SQLite cannot add a checked column without rebuilding the table.
  @Property({ type: 'string', length: 24, nullable: true })
  forwarded: ForwardedMark | null = null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the person last edited this message on WhatsApp; the body is the new text and `edits` holds the earlier ones. Null when never edited.',
  })
  @Property({ type: 'datetime', length: 3, nullable: true })
  editedAt: Date | null = null;

  /** The texts the body had before the person's edits, oldest first. */
  @Property({ type: 'json', nullable: true })
  editHistory: MessageEditRecord[] | null = null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the person deleted this message for everyone on WhatsApp. Its text, earlier versions and attachment are no longer shown; the body reads "🚫 Deleted by the person".',
  })
  @Property({ type: 'datetime', length: 3, nullable: true })
  deletedByPersonAt: Date | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      "The person's reaction to this message on WhatsApp (an emoji); null when none, or when they removed it.",
  })
  @Property({ type: 'string', length: 32, nullable: true })
  personReaction: string | null = null;

  /** What the message carried beyond its text (a place, an order, a Flow's answers, the ad it came from). */
  @Property({ type: 'json', nullable: true })
  details: MessageDetails | null = null;
}

/** A message as a plain read gives it (threads, loaders): its columns, ticket and author as `{ id }`. A Message is one too. */
export type MessageRecord = Omit<Message, 'ticket' | 'author'> & { ticket: IdRef; author: IdRef | null };
