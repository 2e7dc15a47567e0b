// A signed-in agent's session. Only the SHA-256 of the opaque token is stored.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Agent } from './agent.entity.js';

@Entity({ tableName: 'auth_sessions' })
@Index({ properties: ['admin'] })
export class AuthSession {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'lastUsedAt' | 'userAgent' | 'ipAddress';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne({ entity: () => Agent, deleteRule: 'cascade' })
  admin!: Agent;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt: Date | null = null;

  /** When the token was last seen, to about a minute (see LAST_USED_PRECISION_MS): shown in "my sessions". */
  @Property({ type: 'datetime', length: 3, nullable: true })
  lastUsedAt: Date | null = null;

  /** The browser or tool that signed in (its User-Agent header, shortened), so an agent can tell sessions apart. */
  @Property({ type: 'string', length: 255, nullable: true })
  userAgent: string | null = null;

  /** The address that signed in (behind a proxy, what TRUST_PROXY lets the server see). */
  @Property({ type: 'string', length: 45, nullable: true })
  ipAddress: string | null = null;
}
