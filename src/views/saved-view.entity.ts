// A saved view: a named set of ticket-list filters, for one agent or (made by an admin) for the whole desk.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { SavedViewFilters } from './saved-view.types.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'A named set of ticket-list filters. Personal views are seen by their owner only; desk views (shared) by every agent, and only admins make, rename or delete them.',
})
@Entity({ tableName: 'saved_views' })
@Index({ properties: ['owner', 'shared'] })
export class SavedView {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'shared';

  @Field(() => ID, { description: 'The view’s id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: '1 to 40 characters, shown as the tab’s label.' })
  @Property({ type: 'string', length: 40 })
  name!: string;

  @Field(() => Boolean, { description: 'True: a desk view, seen by every agent. False: the owner’s own.' })
  @Property({ type: 'boolean' })
  shared: boolean = false;

  /** Who made it; a personal view goes with its owner. */
  @ManyToOne({ entity: () => Agent, deleteRule: 'cascade' })
  owner!: Agent;

  @Field(() => SavedViewFilters, { description: 'The filters the view applies to the ticket list.' })
  @Property({ type: 'json' })
  filters!: SavedViewFilters;

  @Field(() => Date, { description: 'When it was saved.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it was last renamed or refiltered.' })
  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
