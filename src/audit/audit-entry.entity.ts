// One agent action, with who, what, when, and the state before and after.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'audit_log' })
@Index({ properties: ['ticketId', 'createdAt'] })
@Index({ properties: ['actorId', 'createdAt'] })
@Index({ properties: ['contactId', 'createdAt'] })
export class AuditEntry {
  [OptionalProps]?: 'actorId' | 'ticketId' | 'contactId' | 'before' | 'after' | 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Kept as plain ids, not foreign keys, so the trail outlives what it describes. */
  @Property({ type: 'integer', nullable: true })
  actorId: number | null = null;

  @Property({ type: 'string', length: 160 })
  actorLabel!: string;

  @Property({ type: 'string', length: 64 })
  action!: string;

  @Property({ type: 'integer', nullable: true })
  ticketId: number | null = null;

  /** For changes to a contact; an erasure of the contact's number deletes these entries with it. */
  @Property({ type: 'integer', nullable: true })
  contactId: number | null = null;

  @Property({ type: 'json', nullable: true })
  before: Record<string, unknown> | null = null;

  @Property({ type: 'json', nullable: true })
  after: Record<string, unknown> | null = null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();
}
