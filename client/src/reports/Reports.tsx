// Reports: the desk's figures for a range of days, as cards, charts and a table per agent; live, and as CSV.
import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { countOf } from '../format';
import type { DeskReportFieldsFragment, ReportHours } from '../gql/graphql';
import { AgentTimesChart, DailyChart } from './ReportCharts';
import { DESK_REPORT, DESK_REPORT_LIVE } from './report.documents';
import { formatDuration, goodShare, localDate, presetRange, type RangePreset } from './report-format';

const PRESETS: { value: RangePreset; label: string }[] = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 12 months' },
  { value: 'custom', label: 'Custom range' },
];

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string | number;
  detail?: string;
  testId: string;
}) {
  return (
    <div className="report-figure" data-testid={testId}>
      <span className="muted">{label}</span>
      <strong>{value}</strong>
      {detail && <span className="muted">{detail}</span>}
    </div>
  );
}

/** Fetches the CSV (the session cookie goes with it) and hands it to the browser as a download. */
async function downloadCsv(table: 'days' | 'agents', params: URLSearchParams): Promise<void> {
  const response = await fetch(`/reports/${table}.csv?${params}`);
  if (!response.ok)
    throw new Error(
      ((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? `HTTP ${response.status}`,
    );
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), {
    href: url,
    download: `desk-${table}-${params.get('from')}-to-${params.get('to')}.csv`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function AgentTable({ report }: { report: DeskReportFieldsFragment }) {
  return (
    <table className="report-table" data-testid="agent-table">
      <caption>Per agent: the tickets each one holds</caption>
      <thead>
        <tr>
          <th scope="col">Agent</th>
          <th scope="col">Opened</th>
          <th scope="col">Resolved</th>
          <th scope="col">Open now</th>
          <th scope="col">First response (median / p90)</th>
          <th scope="col">Resolution (median / p90)</th>
          <th scope="col">Ratings (good / okay / bad)</th>
        </tr>
      </thead>
      <tbody>
        {report.agents.map((row) => (
          <tr key={row.agent?.id ?? 'unassigned'}>
            <th scope="row">{row.agent?.name ?? 'Unassigned'}</th>
            <td>{row.opened}</td>
            <td>{row.resolved}</td>
            <td>{row.backlog}</td>
            <td>
              {formatDuration(row.firstResponse.medianSeconds)} / {formatDuration(row.firstResponse.p90Seconds)}
            </td>
            <td>
              {formatDuration(row.resolution.medianSeconds)} / {formatDuration(row.resolution.p90Seconds)}
            </td>
            <td>
              {row.satisfaction.responses
                ? `${row.satisfaction.good} / ${row.satisfaction.okay} / ${row.satisfaction.bad}`
                : '–'}
            </td>
          </tr>
        ))}
        {report.agents.length === 0 && (
          <tr>
            <td colSpan={7} className="muted">
              No tickets in this range.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export default function Reports() {
  const [preset, setPreset] = useState<RangePreset>('30');
  const [zone, setZone] = useState<string | null>(null);
  const today = localDate(new Date(), zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [custom, setCustom] = useState(() => presetRange(30, today));
  const [hours, setHours] = useState<ReportHours>('CALENDAR');
  const [csvError, setCsvError] = useState<string | null>(null);
  const range = preset === 'custom' ? custom : presetRange(Number(preset), today);
  const input = useMemo(() => ({ from: range.from, to: range.to, hours }), [range.from, range.to, hours]);

  const { data, error, loading, subscribeToMore } = useQuery(DESK_REPORT, {
    variables: { input },
    fetchPolicy: 'cache-and-network',
  });
  // Live: the server sends the report again whenever tickets change (at most every couple of seconds).
  useEffect(
    () =>
      subscribeToMore({
        document: DESK_REPORT_LIVE,
        variables: { input },
        updateQuery: (previous, { subscriptionData }) =>
          subscriptionData.data ? { deskReport: subscriptionData.data.deskReport } : (previous as never),
      }),
    [subscribeToMore, input],
  );
  const report: DeskReportFieldsFragment | null = data?.deskReport ?? null;
  useEffect(() => {
    if (report && report.timeZone !== zone) setZone(report.timeZone);
  }, [report, zone]);

  const csv = (table: 'days' | 'agents') => {
    setCsvError(null);
    downloadCsv(table, new URLSearchParams({ from: range.from, to: range.to, hours })).catch((failure: Error) =>
      setCsvError(failure.message),
    );
  };
  const agentRows = (pick: 'firstResponse' | 'resolution') =>
    (report?.agents ?? []).map((row) => ({ name: row.agent?.name ?? 'Unassigned', times: row[pick] }));
  const share = report ? goodShare(report.satisfaction) : null;

  return (
    <div className="reports">
      <section className="report-controls" aria-label="What the report covers">
        <h2>Reports</h2>
        <label>
          Range
          <select value={preset} onChange={(event) => setPreset(event.target.value as RangePreset)}>
            {PRESETS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <label>
              From
              <input
                type="date"
                value={custom.from}
                max={custom.to}
                onChange={(event) => event.target.value && setCustom({ ...custom, from: event.target.value })}
              />
            </label>
            <label>
              To
              <input
                type="date"
                value={custom.to}
                min={custom.from}
                onChange={(event) => event.target.value && setCustom({ ...custom, to: event.target.value })}
              />
            </label>
          </>
        )}
        <label>
          Times in
          <select value={hours} onChange={(event) => setHours(event.target.value as ReportHours)}>
            <option value="CALENDAR">Calendar hours</option>
            <option value="BUSINESS">Business hours</option>
          </select>
        </label>
        <div className="report-actions">
          <button type="button" onClick={() => csv('days')}>
            Download days (CSV)
          </button>
          <button type="button" onClick={() => csv('agents')}>
            Download agents (CSV)
          </button>
        </div>
        <p className="muted report-zone">
          {range.from} to {range.to}
          {report ? `, days in ${report.timeZone}` : ''}
          {loading && !report ? ' · loading…' : ''}
        </p>
        {(error || csvError) && (
          <p className="error" role="alert">
            {error?.message ?? csvError}
          </p>
        )}
      </section>
      {report && (
        <>
          <section className="report-figures" aria-label="Totals">
            <Figure testId="figure-opened" label="Opened" value={report.opened} />
            <Figure testId="figure-resolved" label="Resolved" value={report.resolved} />
            <Figure
              testId="figure-backlog"
              label="Open at the end"
              value={report.backlogAtEnd}
              detail={`${report.backlogAtStart} at the start`}
            />
            <Figure
              testId="figure-first-response"
              label="First response, median"
              value={formatDuration(report.firstResponse.medianSeconds)}
              detail={`p90 ${formatDuration(report.firstResponse.p90Seconds)} · ${countOf(report.firstResponse.count, 'ticket')}`}
            />
            <Figure
              testId="figure-resolution"
              label="Resolution, median"
              value={formatDuration(report.resolution.medianSeconds)}
              detail={`p90 ${formatDuration(report.resolution.p90Seconds)} · ${countOf(report.resolution.count, 'ticket')}`}
            />
            <Figure
              testId="figure-satisfaction"
              label="Rated good"
              value={share === null ? '–' : `${share}%`}
              detail={`${countOf(report.satisfaction.responses, 'rating')} (${report.satisfaction.good} good, ${report.satisfaction.okay} okay, ${report.satisfaction.bad} bad)`}
            />
          </section>
          <section className="report-panel">
            <DailyChart days={report.days} />
          </section>
          <section className="report-panel report-agents">
            <AgentTimesChart
              title="First response per agent"
              testId="first-response-chart"
              rows={agentRows('firstResponse')}
            />
            <AgentTimesChart title="Resolution per agent" testId="resolution-chart" rows={agentRows('resolution')} />
          </section>
          {/* Focusable, so that a keyboard can scroll the table sideways on a narrow screen. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1). */}
          <section className="report-panel report-table-panel" tabIndex={0} aria-label="Per agent, as a table">
            <AgentTable report={report} />
          </section>
        </>
      )}
    </div>
  );
}
