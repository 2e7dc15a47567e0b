// A person who writes to the desk (on WhatsApp, or named in a ticket opened through the API): who they
// are, the agents' notes on them, and where their conversation with the bot stands.
import type { StoredBotLine } from './bot-conversation.js';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import type { IdRef } from '../db/plain-read.js';

export enum ConversationState {
  MENU = 'MENU',
  AWAITING_ISSUE = 'AWAITING_ISSUE',
  IN_SUPPORT = 'IN_SUPPORT',
}

@ObjectType({
  simpleResolvers: true,
  description: 'A person who writes to the desk, with the agents’ notes on them and every ticket they opened.',
})
@Entity({ tableName: 'contacts' })
export class Contact {
  [OptionalProps]?:
    | 'name'
    | 'whatsappUserId'
    | 'username'
    | 'studentId'
    | 'conversationState'
    | 'openTicketId'
    | 'botConversation'
    | 'lastInboundAt'
    | 'createdAt'
    | 'updatedAt'
    | 'notes'
    | 'notesUpdatedAt'
    | 'notesUpdatedBy'
    | 'notesRevision'
    | 'nameSetByAgent'
    | 'afterHoursNoticeAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, {
    description:
      'Digits only, with the country code, as WhatsApp sends it. What names the contact in the API. For a person who shares no number (a WhatsApp username user), their business-scoped user id, until WhatsApp reports a number for them.',
  })
  @Property({ type: 'string', length: 140, unique: true })
  phoneNumber!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "WhatsApp's business-scoped user id for this person (BSUID, e.g. US.13491208655302741918): stable for this business while they keep their number; null until WhatsApp sends one.",
  })
  @Property({ type: 'string', length: 140, nullable: true, unique: true })
  whatsappUserId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'Their WhatsApp username, when they set one (people with a username may share no number). They can change it.',
  })
  @Property({ type: 'string', length: 128, nullable: true })
  username: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Their WhatsApp profile name, until an agent sets one (which WhatsApp then no longer overwrites).',
  })
  @Property({ type: 'string', length: 255, nullable: true })
  name: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The person’s student id, as an agent or the person gave it; null when unknown.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  studentId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'The language the bot speaks to them (en, es), set by an agent or chosen by the person in the bot’s menu; null: the desk’s default. WhatsApp does not tell a person’s language.',
  })
  @Property({ type: 'string', length: 8, nullable: true })
  language: string | null = null;

  @Enum({ items: () => ConversationState, type: 'string', length: 32 })
  conversationState: ConversationState = ConversationState.MENU;

  /** The ticket the conversation is attached to while in support. */
  @Property({ type: 'integer', nullable: true })
  openTicketId: number | null = null;

  @Field(() => Date, { nullable: true, description: 'When they last wrote on WhatsApp.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  lastInboundAt: Date | null = null;

  @Field(() => Date, { description: 'When the desk first heard from them.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => String, {
    nullable: true,
    description: 'Free text for agents, at most 4,000 characters; never sent to the person.',
  })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the notes were last changed.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  notesUpdatedAt: Date | null = null;

  @ManyToOne({ entity: () => Agent, nullable: true, deleteRule: 'set null' })
  notesUpdatedBy: Agent | null = null;

  @Field(() => Int, {
    description:
      'Counts changes to the notes; pass it as baseNotesRevision so that an edit never overwrites one it has not seen.',
  })
  @Property({ type: 'integer' })
  notesRevision: number = 0;

  /** An agent chose the name: WhatsApp's profile name no longer replaces it. */
  @Property({ type: 'boolean' })
  nameSetByAgent: boolean = false;

  /** The conversation with the bot since the last ticket opened: handed to the next ticket (see bot-conversation.ts). */
  @Property({ type: 'json', nullable: true })
  botConversation: StoredBotLine[] | null = null;

  /** When the bot last told this person that agents are away (outside business hours), so it does not repeat itself. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  afterHoursNoticeAt: Date | null = null;
}

/** A contact as a plain read gives it (loaders): its columns, notesUpdatedBy as `{ id }`. A Contact is one too. */
export type ContactRecord = Omit<Contact, 'notesUpdatedBy'> & { notesUpdatedBy: IdRef | null };
