// SLA clocks: the due times a ticket gets from the desk's targets (business time when hours are set). What
// state those times put a ticket in is the ticket's own (support/sla-state.ts).
import { TicketPriority } from '../support/support.enums.js';
import type { SlaColumns } from '../support/sla-state.js';
import { addBusinessMs, type BusinessCalendar } from './business-hours.js';
import type { SlaTargetRecord } from './desk-settings.entity.js';

export interface SlaPolicyValues {
  calendar: BusinessCalendar | null;
  targets: readonly SlaTargetRecord[];
  atRiskPercent: number;
}

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
