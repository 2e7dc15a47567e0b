// Reading and changing the desk's settings (hours, holidays, SLA targets): one row, audited, changed by admins.
import type { EntityManager } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Actor, type SupportContext } from '../support/support.context.js';
import type { TicketPriority } from '../support/support.enums.js';
import type { BusinessCalendar } from './business-hours.js';
import { DESK_SETTINGS_ID, DeskSettings } from './desk-settings.entity.js';
import { validateBusinessHours, validateSlaPolicy } from './desk-settings.validation.js';
import type { SlaPolicyValues } from './sla.js';

/** The settings row, or defaults (always open, no SLA) before an admin has set anything. */
export async function loadDeskSettings(em: EntityManager): Promise<DeskSettings> {
  return (await em.findOne(DeskSettings, DESK_SETTINGS_ID)) ?? new DeskSettings();
}

/** The calendar the desk keeps; null (always open) when no hours are set. */
export function calendarOf(settings: DeskSettings): BusinessCalendar | null {
  if (!settings.timeZone || settings.openingHours.length === 0) return null;
  return { timeZone: settings.timeZone, intervals: settings.openingHours, holidays: settings.holidays };
}

export function slaPolicyOf(settings: DeskSettings): SlaPolicyValues | null {
  if (settings.slaTargets.length === 0) return null;
  return { calendar: calendarOf(settings), targets: settings.slaTargets, atRiskPercent: settings.slaAtRiskPercent };
}

/** The row, locked for the change (created on the first change). */
async function settingsForChange(em: EntityManager): Promise<DeskSettings> {
  const found = await em.findOne(DeskSettings, DESK_SETTINGS_ID, { refresh: true });
  if (found) return found;
  const created = em.create(DeskSettings, { id: DESK_SETTINGS_ID });
  await em.flush();
  return created;
}

const hoursOf = (settings: DeskSettings) => ({
  timeZone: settings.timeZone,
  intervals: settings.openingHours,
  holidays: settings.holidays,
});
const slaOf = (settings: DeskSettings) => ({ targets: settings.slaTargets, atRiskPercent: settings.slaAtRiskPercent });

/** Changes the settings row in a transaction and records the part it changed, before and after, in the audit log. */
function changeDeskSettings(
  ctx: SupportContext,
  actor: Actor,
  action: string,
  part: (settings: DeskSettings) => Record<string, unknown>,
  apply: (settings: DeskSettings) => void,
): Promise<DeskSettings> {
  return inTransaction(ctx, async (em) => {
    const settings = await settingsForChange(em);
    const before = part(settings);
    apply(settings);
    settings.updatedAt = new Date();
    await em.flush();
    recordAudit(em, actor, action, null, before, part(settings));
    return settings;
  });
}

export interface BusinessHoursInputValues {
  timeZone: string;
  intervals: { weekday: number; start: string; end: string }[];
  holidays?: { date: string; name?: string | null }[] | null;
}

/** Replaces the hours and holidays; no intervals means always open. Tickets already open keep their due times. */
export async function setBusinessHours(
  ctx: SupportContext,
  actor: Actor,
  input: BusinessHoursInputValues,
): Promise<DeskSettings> {
  const values = validateBusinessHours(input);
  return changeDeskSettings(ctx, actor, 'desk.business-hours', hoursOf, (settings) => {
    settings.timeZone = values.timeZone;
    settings.openingHours = values.intervals;
    settings.holidays = values.holidays;
  });
}

export interface SlaPolicyInputValues {
  targets: { priority: TicketPriority; firstResponseMinutes?: number | null; resolutionMinutes?: number | null }[];
  atRiskPercent?: number | null;
}

/** Replaces the SLA targets; they apply to tickets opened (or re-prioritised) from now on. */
export async function setSlaPolicy(
  ctx: SupportContext,
  actor: Actor,
  input: SlaPolicyInputValues,
): Promise<DeskSettings> {
  const values = validateSlaPolicy(input);
  return changeDeskSettings(ctx, actor, 'desk.sla-policy', slaOf, (settings) => {
    settings.slaTargets = values.targets;
    settings.slaAtRiskPercent = values.atRiskPercent;
  });
}
