// One request waiting to be made to the WhatsApp Cloud API: written in the same transaction as the
// message it carries, sent by the dispatcher, retried until it is accepted or fails for good.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MediaFile } from '../media/media.entity.js';
import { Message } from '../support/message.entity.js';

export enum OutboxState {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

@Entity({ tableName: 'whatsapp_outbox' })
@Index({ properties: ['state', 'nextAttemptAt'] })
@Index({ properties: ['recipient', 'state'] })
export class OutboxRow {
  [OptionalProps]?:
    | 'state'
    | 'attempts'
    | 'nextAttemptAt'
    | 'claimedBy'
    | 'claimedUntil'
    | 'lastError'
    | 'createdAt'
    | 'sentAt'
    | 'message'
    | 'mediaFile'
    | 'traceparent';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** The person's number, digits only, or their business-scoped user id (no number). Rows for one recipient go out in id order. */
  @Property({ type: 'string', length: 140 })
  recipient!: string;

  /** The Cloud API request body for POST /messages. */
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /** The thread message this sends, if any (menus and read receipts have none). */
  @ManyToOne({ entity: () => Message, nullable: true, deleteRule: 'set null' })
  message: Message | null = null;

  /** A file to upload to the Cloud API (POST /{phone-number-id}/media) before the payload is sent by its media id. */
  @ManyToOne({ entity: () => MediaFile, nullable: true, deleteRule: 'set null' })
  mediaFile: MediaFile | null = null;

  @Enum({ items: () => OutboxState, type: 'string', length: 16 })
  state: OutboxState = OutboxState.PENDING;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'datetime', length: 3 })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'string', length: 64, nullable: true })
  claimedBy: string | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  claimedUntil: Date | null = null;

  @Property({ type: 'string', length: 512, nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  sentAt: Date | null = null;

  /** The W3C traceparent of the work that wrote the row, when tracing: its send continues that trace. */
  @Property({ type: 'string', length: 55, nullable: true })
  traceparent: string | null = null;
}
