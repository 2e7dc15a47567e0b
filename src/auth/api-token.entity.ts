// A token for third-party tools, with scopes. Only the SHA-256 of the secret is stored.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Agent } from './agent.entity.js';
import { ApiScope } from './auth.enums.js';

@ObjectType({ description: 'An API token for a third-party tool. Its secret is shown once, at creation.' })
@Entity({ tableName: 'api_tokens' })
export class ApiToken {
  [OptionalProps]?: 'createdAt' | 'expiresAt' | 'revokedAt';

  @Field(() => ID, { description: 'The token’s id, for revokeApiToken.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'What the token is for, as its admin named it.' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Field(() => [ApiScope], { description: 'What it may do: READ, or READ and WRITE.' })
  @Property({ type: 'json' })
  scopes!: ApiScope[];

  @ManyToOne({ entity: () => Agent, deleteRule: 'cascade' })
  createdBy!: Agent;

  @Field(() => Date, { description: 'When it was made.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it stops working; null never.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  expiresAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When an admin revoked it; null while it is live.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt: Date | null = null;
}
