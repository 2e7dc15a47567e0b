// Every inbound WhatsApp message id we have handled: what makes a repeated delivery change nothing.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'whatsapp_processed_inbound' })
export class ProcessedInbound {
  [OptionalProps]?: 'processedAt';

  @PrimaryKey({ type: 'string', length: 128 })
  whatsappMessageId!: string;

  /** The person's number, or their business-scoped user id when they share no number. */
  @Property({ type: 'string', length: 140 })
  sender!: string;

  @Property({ type: 'datetime', length: 3 })
  processedAt: Date = new Date();
}
