// The desk's one routing row: the mode, the default capacity, and whose turn it was last. Every automatic
// assignment locks this row first, so that instances take turns and never push an agent over capacity.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { RoutingMode } from './routing.enums.js';

/** The id of the one row. */
export const DESK_ROUTING_ID = 1;

export const DEFAULT_CAPACITY = 5;

@Entity({ tableName: 'desk_routing' })
export class DeskRouting {
  [OptionalProps]?: 'mode' | 'defaultCapacity' | 'lastAssignedAdminId' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Enum({ items: () => RoutingMode, type: 'string', length: 16 })
  mode: RoutingMode = RoutingMode.OFF;

  @Property({ type: 'integer' })
  defaultCapacity: number = DEFAULT_CAPACITY;

  /** The agent automatic assignment chose last (a plain id: the turn survives restarts and is shared by instances). */
  @Property({ type: 'integer', nullable: true })
  lastAssignedAdminId: number | null = null;

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
