// Reports: the desk's figures for a range of days, as cards, charts and a table per agent; live, and as CSV.
import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import type { DeskReportFieldsFragment, ReportHours } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/en';
import { AgentTimesChart, DailyChart } from './ReportCharts';
import { DESK_REPORT, DESK_REPORT_LIVE } from './report.documents';
import { formatDuration, goodShare, localDate, presetRange, type RangePreset } from './report-format';

const PRESETS: { value: RangePreset; label: MessageId }[] = [
  { value: '7', label: 'reports.last7' },
  { value: '30', label: 'reports.last30' },
  { value: '90', label: 'reports.last90' },
  { value: '365', label: 'reports.last365' },
  { value: 'custom', label: 'reports.custom' },
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
  const t = useT();
  return (
    <table className="report-table" data-testid="agent-table">
      <caption>{t('reports.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('routing.agent')}</th>
          <th scope="col">{t('reports.opened')}</th>
          <th scope="col">{t('reports.resolved')}</th>
          <th scope="col">{t('reports.openNow')}</th>
          <th scope="col">{t('reports.firstResponseCol')}</th>
          <th scope="col">{t('reports.resolutionCol')}</th>
          <th scope="col">{t('reports.ratingsCol')}</th>
        </tr>
      </thead>
      <tbody>
        {report.agents.map((row) => (
          <tr key={row.agent?.id ?? 'unassigned'}>
            <th scope="row">{row.agent?.name ?? t('reports.unassigned')}</th>
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
              {t('reports.noTickets')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export default function Reports() {
  const t = useT();
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
    (report?.agents ?? []).map((row) => ({ name: row.agent?.name ?? t('reports.unassigned'), times: row[pick] }));
  const share = report ? goodShare(report.satisfaction) : null;

  return (
    <div className="reports">
      <section className="report-controls" aria-label={t('reports.controls')}>
        <h2>{t('reports.title')}</h2>
        <label>
          {t('reports.range')}
          <select value={preset} onChange={(event) => setPreset(event.target.value as RangePreset)}>
            {PRESETS.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <label>
              {t('hours.from')}
              <input
                type="date"
                value={custom.from}
                max={custom.to}
                onChange={(event) => event.target.value && setCustom({ ...custom, from: event.target.value })}
              />
            </label>
            <label>
              {t('hours.to')}
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
          {t('reports.timesIn')}
          <select value={hours} onChange={(event) => setHours(event.target.value as ReportHours)}>
            <option value="CALENDAR">{t('reports.calendarHours')}</option>
            <option value="BUSINESS">{t('reports.businessHours')}</option>
          </select>
        </label>
        <div className="report-actions">
          <button type="button" onClick={() => csv('days')}>
            {t('reports.downloadDays')}
          </button>
          <button type="button" onClick={() => csv('agents')}>
            {t('reports.downloadAgents')}
          </button>
        </div>
        <p className="muted report-zone">
          {report
            ? t('reports.rangeIn', { from: range.from, to: range.to, zone: report.timeZone })
            : t('reports.rangeOnly', { from: range.from, to: range.to })}
          {loading && !report ? ` · ${t('reports.loading')}` : ''}
        </p>
        {(error || csvError) && (
          <p className="error" role="alert">
            {error?.message ?? csvError}
          </p>
        )}
      </section>
      {report && (
        <>
          <section className="report-figures" aria-label={t('reports.totals')}>
            <Figure testId="figure-opened" label={t('reports.opened')} value={report.opened} />
            <Figure testId="figure-resolved" label={t('reports.resolved')} value={report.resolved} />
            <Figure
              testId="figure-backlog"
              label={t('reports.openAtEnd')}
              value={report.backlogAtEnd}
              detail={t('reports.atStart', { count: report.backlogAtStart })}
            />
            <Figure
              testId="figure-first-response"
              label={t('reports.firstResponseMedian')}
              value={formatDuration(report.firstResponse.medianSeconds)}
              detail={t('reports.p90Detail', {
                p90: formatDuration(report.firstResponse.p90Seconds),
                count: report.firstResponse.count,
              })}
            />
            <Figure
              testId="figure-resolution"
              label={t('reports.resolutionMedian')}
              value={formatDuration(report.resolution.medianSeconds)}
              detail={t('reports.p90Detail', {
                p90: formatDuration(report.resolution.p90Seconds),
                count: report.resolution.count,
              })}
            />
            <Figure
              testId="figure-satisfaction"
              label={t('reports.ratedGood')}
              value={share === null ? '–' : t('reports.percent', { share: share / 100 })}
              detail={t('reports.ratingsDetail', {
                count: report.satisfaction.responses,
                good: report.satisfaction.good,
                okay: report.satisfaction.okay,
                bad: report.satisfaction.bad,
              })}
            />
          </section>
          <section className="report-panel">
            <DailyChart days={report.days} />
          </section>
          <section className="report-panel report-agents">
            <AgentTimesChart
              title={t('reports.firstResponsePerAgent')}
              testId="first-response-chart"
              rows={agentRows('firstResponse')}
            />
            <AgentTimesChart
              title={t('reports.resolutionPerAgent')}
              testId="resolution-chart"
              rows={agentRows('resolution')}
            />
          </section>
          {/* Focusable, so that a keyboard can scroll the table sideways on a narrow screen. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1). */}
          <section className="report-panel report-table-panel" tabIndex={0} aria-label={t('reports.tableRegion')}>
            <AgentTable report={report} />
          </section>
        </>
      )}
    </div>
  );
}
