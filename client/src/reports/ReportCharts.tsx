// The report's charts (Recharts, SVG): opened and resolved per day with the backlog, and times per agent.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DeskReportFieldsFragment } from '../gql/graphql';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/I18n';
import { durationTicks, formatDuration } from './report-format';

const COLORS = { opened: '#2f6fdb', resolved: '#0b7a5a', backlog: '#c2410c', median: '#0b7a5a', p90: '#9fd8c2' };
/** Past this many days, bars carry no value labels (they would overlap). */
const LABELLED_DAYS = 31;

const hideZero = (value: unknown) => (value === 0 || value === '0' ? '' : String(value ?? ''));
const shortDate = (date: string, locale: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });

export function DailyChart({ days }: { days: DeskReportFieldsFragment['days'] }) {
  const t = useT();
  const { locale } = useIntl();
  const labelled = days.length <= LABELLED_DAYS;
  return (
    <figure className="report-chart" data-testid="daily-chart" aria-label={t('reports.dailyLabel')}>
      <figcaption>{t('reports.dailyCaption')}</figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={days} margin={{ top: 18, right: 12, bottom: 0, left: -12 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={(date) => shortDate(String(date), locale)} minTickGap={16} />
          <YAxis allowDecimals={false} />
          <Tooltip labelFormatter={(date) => shortDate(String(date), locale)} />
          <Legend itemSorter={null} />
          <Bar dataKey="opened" name={t('reports.opened')} fill={COLORS.opened} isAnimationActive={false}>
            {labelled && <LabelList dataKey="opened" position="top" formatter={hideZero} className="label-opened" />}
          </Bar>
          <Bar dataKey="resolved" name={t('reports.resolved')} fill={COLORS.resolved} isAnimationActive={false}>
            {labelled && (
              <LabelList dataKey="resolved" position="top" formatter={hideZero} className="label-resolved" />
            )}
          </Bar>
          <Line
            dataKey="backlog"
            name={t('reports.backlog')}
            stroke={COLORS.backlog}
            strokeWidth={2}
            dot={labelled}
            type="linear"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

type Durations = { medianSeconds?: number | null; p90Seconds?: number | null };

export function AgentTimesChart({
  title,
  testId,
  rows,
}: {
  title: string;
  testId: string;
  rows: { name: string; times: Durations }[];
}) {
  const t = useT();
  const data = rows
    .filter((row) => row.times.medianSeconds != null)
    .map((row) => ({ name: row.name, median: row.times.medianSeconds, p90: row.times.p90Seconds }));
  const ticks = durationTicks(Math.max(0, ...data.map((row) => row.p90 ?? row.median ?? 0)));
  return (
    <figure className="report-chart" data-testid={testId} aria-label={title}>
      <figcaption>{title}</figcaption>
      {data.length === 0 ? (
        <p className="muted">{t('reports.nothingToMeasure')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={60 + data.length * 44}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 72, bottom: 0, left: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              ticks={ticks}
              domain={[0, ticks[ticks.length - 1]!]}
              tickFormatter={(seconds) => formatDuration(Number(seconds))}
            />
            <YAxis type="category" dataKey="name" width={110} />
            <Tooltip formatter={(seconds) => formatDuration(Number(seconds))} />
            <Legend itemSorter={null} />
            <Bar dataKey="median" name={t('reports.median')} fill={COLORS.median} isAnimationActive={false}>
              <LabelList
                dataKey="median"
                position="right"
                formatter={(seconds) => formatDuration(Number(seconds))}
                className="label-median"
              />
            </Bar>
            <Bar dataKey="p90" name={t('reports.p90')} fill={COLORS.p90} isAnimationActive={false}>
              <LabelList
                dataKey="p90"
                position="right"
                formatter={(seconds) => formatDuration(Number(seconds))}
                className="label-p90"
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
