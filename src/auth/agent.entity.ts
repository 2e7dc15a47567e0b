// An agent of the desk (an admin is an agent with the ADMIN role): who signs in, answers and is assigned tickets.
// The GraphQL type keeps its published name, Admin, and the table its name, admins: both are in the contract.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './auth.enums.js';

@ObjectType('Admin', { simpleResolvers: true, description: 'An agent (or admin) of the support desk.' })
@Entity({ tableName: 'admins' })
export class Agent {
  [OptionalProps]?: 'role' | 'active' | 'createdAt' | 'available' | 'capacity';

  @Field(() => ID, { description: 'The agent’s id: a positive integer, as a string.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Their sign-in email, in lower case.' })
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Field(() => String, { description: 'Their name as the desk shows it (threads, assignee, @mentions).' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => Role, { description: 'ADMIN or AGENT.' })
  @Enum({ items: () => Role, type: 'string', length: 16 })
  role: Role = Role.AGENT;

  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash!: string;

  @Field(() => Boolean, {
    description: 'False once an admin deactivated the agent: they cannot sign in, and their tokens do not work.',
  })
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  /** Takes new tickets from automatic assignment (set by the agent: available or away). */
  @Property({ type: 'boolean', default: false })
  available: boolean = false;

  /** The most open and in-progress tickets automatic assignment gives this agent; null: the desk's default. */
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;
}
