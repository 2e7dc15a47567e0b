// How far each agent has read each ticket: the person's messages after this mark are unread for that agent.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Agent } from '../auth/agent.entity.js';
import { Ticket } from './ticket.entity.js';

@Entity({ tableName: 'support_ticket_reads' })
@Unique({ properties: ['ticket', 'admin'] })
export class TicketRead {
  [OptionalProps]?: 'lastReadMessageId' | 'readAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Ticket, deleteRule: 'cascade' })
  ticket!: Ticket;

  @ManyToOne({ entity: () => Agent, deleteRule: 'cascade' })
  admin!: Agent;

  @Property({ type: 'integer' })
  lastReadMessageId: number = 0;

  @Property({ type: 'datetime', length: 3 })
  readAt: Date = new Date();
}
