// Settings › SLA (admins): first-response and resolution targets per priority, and when a target is at risk.
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { SaveRow } from './SaveRow';
import type { TicketPriority } from '../gql/graphql';
import { SET_SLA_POLICY } from './desk-settings.documents';
import { useT } from '../i18n/I18n';
import { PRIORITY_NAMES } from '../i18n/names';

const PRIORITIES: TicketPriority[] = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'];
type Row = { firstResponseMinutes: string; resolutionMinutes: string };
export interface SlaValue {
  targets: { priority: TicketPriority; firstResponseMinutes?: number | null; resolutionMinutes?: number | null }[];
  atRiskPercent: number;
}

const asMinutes = (text: string) => (text.trim() === '' ? null : Number(text));

export function SlaSettings({ policy }: { policy: SlaValue }) {
  const t = useT();
  const initial = Object.fromEntries(
    PRIORITIES.map((priority) => {
      const target = policy.targets.find((candidate) => candidate.priority === priority);
      return [
        priority,
        {
          firstResponseMinutes: String(target?.firstResponseMinutes ?? ''),
          resolutionMinutes: String(target?.resolutionMinutes ?? ''),
        },
      ];
    }),
  ) as Record<TicketPriority, Row>;
  const [rows, setRows] = useState(initial);
  const [atRiskPercent, setAtRiskPercent] = useState(String(policy.atRiskPercent));
  const [saved, setSaved] = useState(false);
  const [save, { loading, error }] = useMutation(SET_SLA_POLICY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const targets = PRIORITIES.map((priority) => ({
      priority,
      firstResponseMinutes: asMinutes(rows[priority].firstResponseMinutes),
      resolutionMinutes: asMinutes(rows[priority].resolutionMinutes),
    })).filter((target) => target.firstResponseMinutes !== null || target.resolutionMinutes !== null);
    const result = await save({ variables: { input: { targets, atRiskPercent: Number(atRiskPercent) } } }).catch(
      () => null,
    );
    if (result?.data) setSaved(true);
  };
  const cell = (priority: TicketPriority, key: keyof Row, label: string) => (
    <input
      aria-label={t('sla.cellLabel', { priority: t(PRIORITY_NAMES[priority]), target: label })}
      type="number"
      value={rows[priority][key]}
      onChange={(event) => setRows({ ...rows, [priority]: { ...rows[priority], [key]: event.target.value } })}
      placeholder={t('sla.none')}
    />
  );
  return (
    <section aria-labelledby="sla-title">
      <h2 id="sla-title">{t('sla.title')}</h2>
      <p className="muted">{t('sla.lead')}</p>
      <form onSubmit={submit} aria-label={t('sla.title')} className="stacked-form">
        <table>
          <thead>
            <tr>
              <th>{t('sla.priority')}</th>
              <th>{t('sla.firstResponse')}</th>
              <th>{t('sla.resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {PRIORITIES.map((priority) => (
              <tr key={priority}>
                <td>
                  <span className={`pill priority-${priority.toLowerCase()}`}>{t(PRIORITY_NAMES[priority])}</span>
                </td>
                <td>{cell(priority, 'firstResponseMinutes', t('sla.firstResponseMinutes'))}</td>
                <td>{cell(priority, 'resolutionMinutes', t('sla.resolutionMinutes'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <label>
          {t('sla.atRiskAfter')}
          <input
            type="number"
            min={1}
            max={99}
            required
            value={atRiskPercent}
            onChange={(event) => setAtRiskPercent(event.target.value)}
          />
        </label>
        <SaveRow label={t('sla.save')} busy={loading} saved={saved} error={error} />
      </form>
    </section>
  );
}
