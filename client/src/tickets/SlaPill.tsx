// A ticket's SLA at a glance: nothing while it is on time, amber when at risk, red once breached.
import { formatTimestamp } from '../format';
import type { SlaState } from '../gql/graphql';

export interface SlaView {
  state: SlaState;
  firstResponseDueAt?: string | null;
  resolutionDueAt?: string | null;
}

const WORDS: Record<SlaState, string> = { OK: 'on time', AT_RISK: '⏱ SLA at risk', BREACHED: '⚠ SLA breached' };

/** The due time that matters now: the first response until there is one, then the resolution. */
export function nextDue(sla: SlaView, answered: boolean): string | null {
  return (!answered ? sla.firstResponseDueAt : null) ?? sla.resolutionDueAt ?? null;
}

export const slaClass = (sla: SlaView | null | undefined) =>
  sla && sla.state !== 'OK' ? `sla-${sla.state === 'AT_RISK' ? 'at-risk' : 'breached'}` : '';

export function SlaPill({ sla, answered }: { sla: SlaView | null | undefined; answered: boolean }) {
  if (!sla || sla.state === 'OK') return null;
  const due = nextDue(sla, answered);
  return (
    <span
      className={`pill ${slaClass(sla)}`}
      title={due ? `Due ${formatTimestamp(due)}` : undefined}
      data-testid="sla-pill"
    >
      {WORDS[sla.state]}
    </span>
  );
}

export function SlaBanner({ sla, answered }: { sla: SlaView | null | undefined; answered: boolean }) {
  if (!sla) return null;
  const due = nextDue(sla, answered);
  const what = !answered && sla.firstResponseDueAt ? 'First response' : 'Resolution';
  return (
    <p
      className={`sla-banner ${slaClass(sla)}`}
      role={sla.state === 'OK' ? undefined : 'status'}
      data-testid="sla-banner"
    >
      {sla.state === 'OK' ? 'SLA on time' : WORDS[sla.state]}
      {due && ` · ${what} due ${formatTimestamp(due)}`}
    </p>
  );
}
