// A report as CSV for spreadsheets: one file of days, one of agents (with the desk's own row first).
import type { AgentReport, DurationSummary, DeskReport } from './report.types.js';

export type ReportTable = 'days' | 'agents';

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @) is kept as text. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | null)[]) => `${cells.map(cell).join(',')}\r\n`;

const durationHeader = (name: string) => [
  `${name}_count`,
  `${name}_median_seconds`,
  `${name}_p90_seconds`,
  `${name}_average_seconds`,
];
const durationCells = (d: DurationSummary) => [d.count, d.medianSeconds, d.p90Seconds, d.averageSeconds];

export function reportCsv(report: DeskReport, table: ReportTable): string {
  if (table === 'days') {
    return (
      line(['date', 'opened', 'resolved', 'backlog']) +
      report.days.map((day) => line([day.date, day.opened, day.resolved, day.backlog])).join('')
    );
  }
  const header = line([
    'agent',
    'email',
    'opened',
    'resolved',
    'backlog',
    ...durationHeader('first_response'),
    ...durationHeader('resolution'),
    'rated_good',
    'rated_okay',
    'rated_bad',
  ]);
  const figures = (name: string, email: string | null, row: Omit<AgentReport, 'agent'>) =>
    line([
      name,
      email,
      row.opened,
      row.resolved,
      row.backlog,
      ...durationCells(row.firstResponse),
      ...durationCells(row.resolution),
      row.satisfaction.good,
      row.satisfaction.okay,
      row.satisfaction.bad,
    ]);
  // The desk's own row first: its figures as an agent row would give them, the backlog at the range's end.
  const desk = figures('All agents', null, { ...report, backlog: report.backlogAtEnd });
  return (
    header +
    desk +
    report.agents.map((row) => figures(row.agent?.name ?? 'Unassigned', row.agent?.email ?? null, row)).join('')
  );
}
