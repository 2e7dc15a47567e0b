// An agent or admin of the desk: who signs in, answers and is assigned tickets.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './auth.enums.js';

@ObjectType({ simpleResolvers: true, description: 'An agent (or admin) of the support desk.' })
@Entity({ tableName: 'admins' })
export class Admin {
  [OptionalProps]?: 'role' | 'active' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, type: 'string', length: 16 })
  role: Role = Role.AGENT;

  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();
}
