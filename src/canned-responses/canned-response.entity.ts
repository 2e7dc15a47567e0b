// A canned response: a short named reply agents insert by typing /shortcode in the reply box.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'A saved reply, shared by the whole desk. Agents insert it by typing /shortcode in the reply box; {{name}} in its body becomes the person’s name.',
})
@Entity({ tableName: 'canned_responses' })
export class CannedResponse {
  [OptionalProps]?: 'author' | 'createdAt' | 'updatedAt';

  @Field(() => ID, { description: 'The canned response’s id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, {
    description:
      'What follows the / in the reply box: 1 to 32 lower-case letters, digits and dashes, e.g. refund. Unique.',
  })
  @Property({ type: 'string', length: 32, unique: true })
  shortcode!: string;

  @Field(() => String, { description: 'A short description for the picker, at most 80 characters.' })
  @Property({ type: 'string', length: 80 })
  title!: string;

  @Field(() => String, {
    description: 'The reply, at most 4,096 characters (WhatsApp’s limit). Placeholders: {{name}}, the person’s name.',
  })
  @Property({ type: 'text' })
  body!: string;

  /** Who wrote it: they (or an admin) may change it. Kept when the agent is gone, as null. */
  @ManyToOne({ entity: () => Agent, nullable: true, deleteRule: 'set null' })
  author: Agent | null = null;

  @Field(() => Date, { description: 'When it was created.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it was last changed.' })
  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
