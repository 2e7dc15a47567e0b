// A one-time code with which an agent sets a new password, made by an admin. Only its SHA-256 is stored.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Agent } from './agent.entity.js';

@Entity({ tableName: 'password_resets' })
@Index({ properties: ['admin'] })
export class PasswordReset {
  [OptionalProps]?: 'createdAt' | 'usedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  codeHash!: string;

  /** Whose password the code sets. */
  @ManyToOne({ entity: () => Agent, deleteRule: 'cascade' })
  admin!: Agent;

  /** The admin who made it; a plain id, like the audit log's, so the row outlives a change of who is admin. */
  @Property({ type: 'integer' })
  createdById!: number;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  /** Set when the code was used, or when a newer code for the same agent replaced it: either way it works no more. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  usedAt: Date | null = null;
}
