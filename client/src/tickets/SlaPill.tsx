// A ticket's SLA at a glance: nothing while it is on time, amber when at risk, red once breached.
import { useIntl } from 'react-intl';
import { formatTimestamp } from '../format';
import type { SlaState } from '../gql/graphql';
import type { MessageId } from '../i18n/en';
import { useT } from '../i18n/I18n';

export interface SlaView {
  state: SlaState;
  firstResponseDueAt?: string | null;
  resolutionDueAt?: string | null;
}

const WORDS: Record<SlaState, MessageId> = { OK: 'sla.onTime', AT_RISK: 'sla.atRisk', BREACHED: 'sla.breached' };

/** The due time that matters now: the first response until there is one, then the resolution. */
export function nextDue(sla: SlaView, answered: boolean): string | null {
  return (!answered ? sla.firstResponseDueAt : null) ?? sla.resolutionDueAt ?? null;
}

export const slaClass = (sla: SlaView | null | undefined) =>
  sla && sla.state !== 'OK' ? `sla-${sla.state === 'AT_RISK' ? 'at-risk' : 'breached'}` : '';

export function SlaPill({ sla, answered }: { sla: SlaView | null | undefined; answered: boolean }) {
  const t = useT();
  const { locale } = useIntl();
  if (!sla || sla.state === 'OK') return null;
  const due = nextDue(sla, answered);
  return (
    <span
      className={`pill ${slaClass(sla)}`}
      title={due ? t('sla.due', { time: formatTimestamp(due, locale) }) : undefined}
      data-testid="sla-pill"
    >
      {t(WORDS[sla.state])}
    </span>
  );
}

export function SlaBanner({ sla, answered }: { sla: SlaView | null | undefined; answered: boolean }) {
  const t = useT();
  const { locale } = useIntl();
  if (!sla) return null;
  const due = nextDue(sla, answered);
  const what = !answered && sla.firstResponseDueAt ? 'firstResponse' : 'resolution';
  return (
    <p
      className={`sla-banner ${slaClass(sla)}`}
      role={sla.state === 'OK' ? undefined : 'status'}
      data-testid="sla-banner"
    >
      {sla.state === 'OK' ? t('sla.bannerOnTime') : t(WORDS[sla.state])}
      {due && t('sla.bannerDue', { what, time: formatTimestamp(due, locale) })}
    </p>
  );
}
