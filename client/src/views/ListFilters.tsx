// The list's filters under the tabs: search and status always; priority, label, SLA, agent and sort folded
// behind "Filters" on a narrow screen. Every value lives in the address (see list-params.ts).
import { useEffect, useState } from 'react';
import { LabelOptions, PRIORITY_LABELS, STATUS_LABELS } from '../tickets/labels';
import { useLabels } from '../labels/useLabels';
import { useT } from '../i18n/I18n';
import type { ListParams } from './list-params';
import { SORTS, sortApplies } from './list-filter';

export function ListFilters({
  params,
  onChange,
  agents,
  showAgent,
}: {
  params: ListParams;
  onChange: (change: Partial<ListParams>, replace?: boolean) => void;
  agents: readonly { id: string; name: string }[];
  /** One agent's tickets: on tabs that list anyone's. */
  showAgent: boolean;
}) {
  const t = useT();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  const [searchText, setSearchText] = useState(params.q);
  // Typing settles for 250 ms before the list (and the address) follows; Back or a saved view sets the box.
  useEffect(() => setSearchText(params.q), [params.q]);
  useEffect(() => {
    const text = searchText.trim();
    if (text === params.q) return;
    const timer = setTimeout(() => onChange({ q: text }, true), 250);
    return () => clearTimeout(timer);
  }, [searchText, params.q, onChange]);
  const folded = [
    params.priority,
    params.label,
    params.sla,
    showAgent ? params.agent : '',
    sortApplies(params.sort, params) && params.sort !== 'activity',
  ];
  const active = folded.filter(Boolean).length;

  return (
    <div className={`filters ${open ? 'filters-open' : ''}`}>
      <label>
        <span className="visually-hidden">{t('views.search')}</span>
        <input
          type="search"
          placeholder={t('views.searchPlaceholder')}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
        />
      </label>
      <label>
        {t('routing.status')}
        <select value={params.status} onChange={(event) => onChange({ status: event.target.value })}>
          <option value="active">{t('views.active')}</option>
          <option value="snoozed">{t('views.snoozed')}</option>
          <LabelOptions labels={STATUS_LABELS} />
          <option value="all">{t('views.all')}</option>
        </select>
      </label>
      <button
        type="button"
        className="filters-toggle"
        aria-expanded={open}
        aria-controls="more-filters"
        onClick={() => setOpen(!open)}
      >
        {t('views.filters', { count: active })}
      </button>
      <div className="more-filters" id="more-filters">
        <label>
          {t('sla.priority')}
          <select value={params.priority} onChange={(event) => onChange({ priority: event.target.value })}>
            <option value="">{t('views.any')}</option>
            <LabelOptions labels={PRIORITY_LABELS} />
          </select>
        </label>
        {showAgent && (
          <label>
            {t('routing.agent')}
            <select value={params.agent} onChange={(event) => onChange({ agent: event.target.value })}>
              <option value="">{t('views.anyone')}</option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('labels.label')}
          <select
            value={params.label}
            onChange={(event) => onChange({ label: event.target.value })}
            aria-label={t('views.byLabel')}
          >
            <option value="">{t('views.any')}</option>
            {labels.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('views.sla')}
          <select
            value={params.sla}
            onChange={(event) => onChange({ sla: event.target.value })}
            aria-label={t('views.bySla')}
          >
            <option value="">{t('views.any')}</option>
            <option value="late">{t('views.slaLate')}</option>
            <option value="AT_RISK">{t('views.slaAtRisk')}</option>
            <option value="BREACHED">{t('views.slaBreached')}</option>
            <option value="OK">{t('views.slaOk')}</option>
          </select>
        </label>
        <label>
          {t('views.sort')}
          <select
            value={sortApplies(params.sort, params) ? params.sort : 'activity'}
            onChange={(event) => onChange({ sort: event.target.value })}
          >
            {Object.entries(SORTS)
              .filter(([key]) => sortApplies(key, params))
              .map(([key, option]) => (
                <option key={key} value={key}>
                  {t(option.label)}
                </option>
              ))}
          </select>
        </label>
      </div>
    </div>
  );
}
