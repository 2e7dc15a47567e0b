// A ticket's SLA state from its own due-time columns (set by the desk's SLA policy, desk/sla.ts): in JS for one
// ticket and in SQL for lists.
import type { FilterQuery } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import type { Ticket, TicketRecord } from './ticket.entity.js';

export enum SlaState {
  OK = 'OK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
}
registerEnumType(SlaState, {
  name: 'SlaState',
  description:
    'OK; AT_RISK: a pending target is in its last stretch; BREACHED: a due time passed with its target still pending.',
  valuesConfig: {
    OK: { description: 'Every pending target is before its at-risk point (or met).' },
    AT_RISK: { description: 'A pending target is past its at-risk point (atRiskPercent of its time) but not yet due.' },
    BREACHED: { description: 'A due time passed with its target still pending; the ticket was escalated.' },
  },
});

export type SlaColumns = Pick<
  Ticket,
  'firstResponseDueAt' | 'firstResponseRiskAt' | 'resolutionDueAt' | 'resolutionRiskAt'
>;

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
