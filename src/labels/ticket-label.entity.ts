// That a ticket carries a label. Deleting either removes the link.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Ticket } from '../support/ticket.entity.js';
import { Label } from './label.entity.js';

@Entity({ tableName: 'support_ticket_labels' })
@Unique({ properties: ['ticket', 'label'] })
export class TicketLabel {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Ticket, deleteRule: 'cascade' })
  ticket!: Ticket;

  @ManyToOne({ entity: () => Label, deleteRule: 'cascade' })
  label!: Label;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();
}
