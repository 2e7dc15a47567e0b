// The list's filters under the tabs: search and status always; priority, label, SLA, agent and sort folded
// behind "Filters" on a narrow screen. Every value lives in the address (see list-params.ts).
import { useEffect, useState } from 'react';
import { LabelOptions, PRIORITY_LABELS, STATUS_LABELS } from '../tickets/labels';
import { useLabels } from '../labels/useLabels';
import type { ListParams } from './list-params';
import { SORTS } from './list-filter';

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
  const folded = [params.priority, params.label, params.sla, showAgent ? params.agent : '', params.sort !== 'activity'];
  const active = folded.filter(Boolean).length;

  return (
    <div className={`filters ${open ? 'filters-open' : ''}`}>
      <label>
        <span className="visually-hidden">Search</span>
        <input
          type="search"
          placeholder="Search name, number or message…"
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
        />
      </label>
      <label>
        Status
        <select value={params.status} onChange={(event) => onChange({ status: event.target.value })}>
          <option value="active">Open &amp; in progress</option>
          <option value="snoozed">Snoozed</option>
          <LabelOptions labels={STATUS_LABELS} />
          <option value="all">All</option>
        </select>
      </label>
      <button
        type="button"
        className="filters-toggle"
        aria-expanded={open}
        aria-controls="more-filters"
        onClick={() => setOpen(!open)}
      >
        Filters{active > 0 ? ` (${active})` : ''}
      </button>
      <div className="more-filters" id="more-filters">
        <label>
          Priority
          <select value={params.priority} onChange={(event) => onChange({ priority: event.target.value })}>
            <option value="">Any</option>
            <LabelOptions labels={PRIORITY_LABELS} />
          </select>
        </label>
        {showAgent && (
          <label>
            Agent
            <select value={params.agent} onChange={(event) => onChange({ agent: event.target.value })}>
              <option value="">Anyone</option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Label
          <select
            value={params.label}
            onChange={(event) => onChange({ label: event.target.value })}
            aria-label="Filter by label"
          >
            <option value="">Any</option>
            {labels.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          SLA
          <select
            value={params.sla}
            onChange={(event) => onChange({ sla: event.target.value })}
            aria-label="Filter by SLA"
          >
            <option value="">Any</option>
            <option value="late">At risk or breached</option>
            <option value="AT_RISK">At risk</option>
            <option value="BREACHED">Breached</option>
            <option value="OK">On time</option>
          </select>
        </label>
        <label>
          Sort
          <select value={params.sort} onChange={(event) => onChange({ sort: event.target.value })}>
            {Object.entries(SORTS).map(([key, option]) => (
              <option key={key} value={key}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
