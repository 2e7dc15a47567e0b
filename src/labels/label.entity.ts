// A label agents put on tickets to sort them (Billing, VIP, …); admins keep the list.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'A label for tickets. Admins create, rename, recolour and delete labels; agents put them on tickets.',
})
@Entity({ tableName: 'labels' })
export class Label {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'The label’s id, for addLabels, removeLabels and TicketFilter.labelIds.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: '1 to 40 characters, unique regardless of case.' })
  @Property({ type: 'string', length: 40 })
  name!: string;

  /** The name in lower case: what makes "VIP" and "vip" the same label. */
  @Property({ type: 'string', length: 160, unique: true })
  nameKey!: string;

  @Field(() => String, { description: 'The chip’s colour, as #rrggbb in lower case.' })
  @Property({ type: 'string', length: 7 })
  color!: string;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();
}

/** A label as the loaders read it: what the chips show. A Label is one too. */
export type LabelRecord = Pick<Label, 'id' | 'name' | 'color'>;
