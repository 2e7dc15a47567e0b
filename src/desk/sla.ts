// SLA clocks: the due times a ticket gets from the desk's targets (business time when hours are set), and
// its state now. The state is read from columns on the ticket, in JS for one ticket and in SQL for lists.
import type { FilterQuery } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { TicketPriority } from '../support/support.enums.js';
import type { Ticket, TicketRecord } from '../support/ticket.entity.js';
import { addBusinessMs, type BusinessCalendar } from './business-hours.js';
import type { SlaTargetRecord } from './desk-settings.entity.js';

export enum SlaState {
  OK = 'OK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
}
registerEnumType(SlaState, {
  name: 'SlaState',
  description:
    'OK; AT_RISK: a pending target is in its last stretch; BREACHED: a due time passed with its target still pending.',
});

export interface SlaPolicyValues {
  calendar: BusinessCalendar | null;
  targets: readonly SlaTargetRecord[];
  atRiskPercent: number;
}

export type SlaColumns = Pick<
  Ticket,
  'firstResponseDueAt' | 'firstResponseRiskAt' | 'resolutionDueAt' | 'resolutionRiskAt'
>;

const NO_SLA: SlaColumns = {
  firstResponseDueAt: null,
  firstResponseRiskAt: null,
  resolutionDueAt: null,
  resolutionRiskAt: null,
};

/** One step up, never past URGENT. */
export function escalatedPriority(priority: TicketPriority): TicketPriority {
  const order = [TicketPriority.LOW, TicketPriority.MEDIUM, TicketPriority.HIGH, TicketPriority.URGENT];
  return order[Math.min(order.indexOf(priority) + 1, order.length - 1)]!;
}

function dueAndRisk(policy: SlaPolicyValues, startsAt: Date, minutes: number | null): [Date | null, Date | null] {
  if (minutes === null) return [null, null];
  const targetMs = minutes * 60_000;
  const riskMs = Math.floor((targetMs * policy.atRiskPercent) / 100);
  return [addBusinessMs(policy.calendar, startsAt, targetMs), addBusinessMs(policy.calendar, startsAt, riskMs)];
}

/** The due times for a ticket of this priority whose clock started at `startsAt`. */
export function slaColumnsFor(policy: SlaPolicyValues | null, priority: TicketPriority, startsAt: Date): SlaColumns {
  const target = policy?.targets.find((candidate) => candidate.priority === priority);
  if (!policy || !target) return NO_SLA;
  const [firstResponseDueAt, firstResponseRiskAt] = dueAndRisk(policy, startsAt, target.firstResponseMinutes);
  const [resolutionDueAt, resolutionRiskAt] = dueAndRisk(policy, startsAt, target.resolutionMinutes);
  return { firstResponseDueAt, firstResponseRiskAt, resolutionDueAt, resolutionRiskAt };
}

type SlaFields = SlaColumns & Pick<TicketRecord, 'firstResponseAt' | 'resolvedAt' | 'slaBreachedAt'>;

const passed = (at: Date | null, now: Date) => at !== null && at.getTime() <= now.getTime();

/** The ticket's SLA state at `now`; null when no target applies to it. */
export function slaStateOf(ticket: SlaFields, now: Date): SlaState | null {
  if (!ticket.firstResponseDueAt && !ticket.resolutionDueAt) return null;
  const firstPending = ticket.firstResponseAt === null;
  const resolutionPending = ticket.resolvedAt === null;
  if (
    ticket.slaBreachedAt ||
    (firstPending && passed(ticket.firstResponseDueAt, now)) ||
    (resolutionPending && passed(ticket.resolutionDueAt, now))
  )
    return SlaState.BREACHED;
  if (
    (firstPending && passed(ticket.firstResponseRiskAt, now)) ||
    (resolutionPending && passed(ticket.resolutionRiskAt, now))
  )
    return SlaState.AT_RISK;
  return SlaState.OK;
}

/** The same states as slaStateOf, as a filter the database evaluates (no row is read into JS to decide). */
export function overdueWhere(now: Date): FilterQuery<Ticket> {
  return {
    $or: [
      { firstResponseAt: null, firstResponseDueAt: { $ne: null, $lte: now } },
      { resolvedAt: null, resolutionDueAt: { $ne: null, $lte: now } },
    ],
  };
}

export function slaStateWhere(state: SlaState, now: Date): FilterQuery<Ticket> {
  const breached: FilterQuery<Ticket> = { $or: [{ slaBreachedAt: { $ne: null } }, overdueWhere(now)] };
  const atRisk: FilterQuery<Ticket> = {
    $or: [
      { firstResponseAt: null, firstResponseRiskAt: { $ne: null, $lte: now } },
      { resolvedAt: null, resolutionRiskAt: { $ne: null, $lte: now } },
    ],
  };
  const hasSla: FilterQuery<Ticket> = {
    $or: [{ firstResponseDueAt: { $ne: null } }, { resolutionDueAt: { $ne: null } }],
  };
  if (state === SlaState.BREACHED) return breached;
  if (state === SlaState.AT_RISK) return { $and: [atRisk, { $not: breached }] };
  return { $and: [hasSla, { $not: breached }, { $not: atRisk }] };
}
