// The desk's own configuration, set by admins: opening hours, holidays and SLA targets. One row (id 1).
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Holiday, OpeningInterval } from './business-hours.js';
import type { TicketPriority } from '../support/support.enums.js';

export interface SlaTargetRecord {
  priority: TicketPriority;
  /** Business minutes from the person's first message to an agent's first reply; null: no target. */
  firstResponseMinutes: number | null;
  /** Business minutes from the person's first message to resolution; null: no target. */
  resolutionMinutes: number | null;
}

export const DESK_SETTINGS_ID = 1;

@Entity({ tableName: 'desk_settings' })
export class DeskSettings {
  [OptionalProps]?:
    | 'timeZone'
    | 'openingHours'
    | 'holidays'
    | 'slaTargets'
    | 'slaAtRiskPercent'
    | 'updatedAt'
    | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = DESK_SETTINGS_ID;

  /** IANA name; null until hours are set (always open). */
  @Property({ type: 'string', length: 64, nullable: true })
  timeZone: string | null = null;

  @Property({ type: 'json' })
  openingHours: OpeningInterval[] = [];

  @Property({ type: 'json' })
  holidays: Holiday[] = [];

  @Property({ type: 'json' })
  slaTargets: SlaTargetRecord[] = [];

  /** A target is at risk once this share of it has passed (e.g. 80: the last 20 %). */
  @Property({ type: 'smallint' })
  slaAtRiskPercent: number = 80;

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;
}
