// A mention: an internal note named an agent with @name. Kept by the agent's id, so renaming them keeps it.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { Message } from '../support/message.entity.js';
import { Ticket } from '../support/ticket.entity.js';

@ObjectType({ simpleResolvers: true, description: 'An internal note that named the agent with @name.' })
@Entity({ tableName: 'support_mentions' })
@Unique({ properties: ['message', 'agent'] })
@Index({ properties: ['agent', 'readAt'] })
export class Mention {
  [OptionalProps]?: 'createdAt' | 'readAt' | 'author';

  @Field(() => ID, { description: 'The mention’s id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Message, deleteRule: 'cascade' })
  message!: Message;

  @ManyToOne({ entity: () => Ticket, deleteRule: 'cascade' })
  ticket!: Ticket;

  /** Who was mentioned. */
  @ManyToOne({ entity: () => Agent, deleteRule: 'cascade' })
  agent!: Agent;

  /** Who wrote the note; null once that agent is gone. */
  @ManyToOne({ entity: () => Agent, nullable: true, deleteRule: 'set null' })
  author: Agent | null = null;

  @Field(() => Date, { description: 'When the note was written.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the mentioned agent opened it; null while unread.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  readAt: Date | null = null;
}
