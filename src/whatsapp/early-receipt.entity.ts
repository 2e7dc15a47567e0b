// A delivery receipt that arrived before we knew the WhatsApp id it refers to: the Cloud API can report
// "sent" or "read" before our own record of its answer is committed. Applied as soon as the id is known.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'whatsapp_early_receipts' })
@Index({ properties: ['whatsappMessageId'] })
export class EarlyReceipt {
  [OptionalProps]?: 'receivedAt' | 'errorCode' | 'errorTitle';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 128 })
  whatsappMessageId!: string;

  @Property({ type: 'string', length: 16 })
  status!: string;

  @Property({ type: 'integer', nullable: true })
  errorCode: number | null = null;

  @Property({ type: 'string', length: 255, nullable: true })
  errorTitle: string | null = null;

  @Property({ type: 'datetime', length: 3 })
  receivedAt: Date = new Date();
}
