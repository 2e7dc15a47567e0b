// The desk's report: a handful of aggregate statements over the range (counts per local day, percentiles by
// window functions, counts per agent), so that a range of years costs the database, not this process.
import type { SqlEntityManager } from '@mikro-orm/sql';
import { Agent } from '../auth/agent.entity.js';
import { dialectFor, isSqlite, type SqlDialect } from '../db/dialect.js';
import { loadDeskSettings } from '../desk/desk-settings.service.js';
import type { SatisfactionSummary } from '../satisfaction/satisfaction.types.js';
import { dateOfDayNumber, parseReportRange, type ReportRange } from './report.range.js';
import {
  ReportHours,
  type AgentReport,
  type DeskReport,
  type DurationSummary,
  type ReportInput,
} from './report.types.js';

/** The group of the unassigned, and of the whole desk, in the statements' results. */
const UNASSIGNED = 0;
const DESK = -1;

type Row = Record<string, unknown>;
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

interface Statements {
  em: SqlEntityManager;
  sql: SqlDialect;
  range: ReportRange;
  params: [number | string, number | string];
  sqlite: boolean;
  /** On SQLite, the statement before the next one (see run). */
  turns: Promise<void>;
}

/**
 * SQLite runs a statement inside this process, blocking it until done: there a report's statements run one
 * after another, each after a turn of the event loop, so that a report (and a tick recomputing many) lets other
 * requests in between its statements. MariaDB runs them at once, on its own.
 */
const run = (s: Statements, query: string, params: unknown[]): Promise<Row[]> => {
  const execute = () => s.em.getConnection().execute<Row[]>(query, params, 'all');
  if (!s.sqlite) return execute();
  const result = s.turns.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(execute);
  s.turns = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
};

/** A piece of SQL and the values of its placeholders, in order. */
interface Fragment {
  sql: string;
  params: (number | string)[];
}

/**
 * The local day number of a datetime column: epoch seconds plus the zone's offset then, over a day. The
 * offsets and the instants they change at come from the caller's range and time zone, so they are parameters.
 */
function localDay(s: Statements, column: string): Fragment {
  const epoch = s.sql.epochSeconds(column);
  const [first, ...changes] = s.range.offsets;
  if (!changes.length) return { sql: s.sql.divide(`${epoch} + ?`, 86_400), params: [first!.offsetMs / 1000] };
  const params: number[] = [];
  const cases = changes.map((change, i) => {
    params.push(Math.floor(change.from / 1000), (i === 0 ? first! : changes[i - 1]!).offsetMs / 1000);
    return `when ${epoch} < ? then ?`;
  });
  params.push(changes[changes.length - 1]!.offsetMs / 1000);
  return { sql: s.sql.divide(`${epoch} + case ${cases.join(' ')} else ? end`, 86_400), params };
}

async function countsPerDay(s: Statements): Promise<Map<string, { opened: number; resolved: number }>> {
  const perDay = (column: string, kind: string): Fragment => {
    const day = localDay(s, column);
    return {
      sql: `select '${kind}' as kind, ${day.sql} as day, count(*) as n from support_tickets where ${column} >= ? and ${column} < ? group by day`,
      params: [...day.params, ...s.params],
    };
  };
  const opened = perDay('created_at', 'opened');
  const resolved = perDay('resolved_at', 'resolved');
  const rows = await run(s, `${opened.sql} union all ${resolved.sql}`, [...opened.params, ...resolved.params]);
  const days = new Map<string, { opened: number; resolved: number }>();
  for (const row of rows) {
    const date = dateOfDayNumber(num(row.day));
    const day = days.get(date) ?? { opened: 0, resolved: 0 };
    day[row.kind === 'opened' ? 'opened' : 'resolved'] += num(row.n);
    days.set(date, day);
  }
  return days;
}

/** Open at an instant: opened before it and not resolved before it (a resolved ticket was opened before). */
async function backlogAt(s: Statements, at: Date): Promise<number> {
  const [row] = await run(
    s,
    'select (select count(*) from support_tickets where created_at < ?) - (select count(*) from support_tickets where resolved_at < ?) as n',
    [s.sql.param(at), s.sql.param(at)],
  );
  return num(row?.n);
}

/** Per holder (0: unassigned): opened and resolved in the range, and open at its end. */
async function countsPerAgent(
  s: Statements,
): Promise<Map<number, { opened: number; resolved: number; backlog: number }>> {
  const holder = `coalesce(assigned_admin_id, ${UNASSIGNED})`;
  const rows = await run(
    s,
    `select 'opened' as kind, ${holder} as g, count(*) as n from support_tickets where created_at >= ? and created_at < ? group by ${holder}
     union all select 'resolved', ${holder}, count(*) from support_tickets where resolved_at >= ? and resolved_at < ? group by ${holder}
     union all select 'backlog', ${holder}, count(*) from support_tickets where created_at < ? and (resolved_at is null or resolved_at >= ?) group by ${holder}`,
    [...s.params, ...s.params, s.params[1], s.params[1]],
  );
  const agents = new Map<number, { opened: number; resolved: number; backlog: number }>();
  for (const row of rows) {
    const counts = agents.get(num(row.g)) ?? { opened: 0, resolved: 0, backlog: 0 };
    counts[row.kind as 'opened' | 'resolved' | 'backlog'] += num(row.n);
    agents.set(num(row.g), counts);
  }
  return agents;
}

const NO_DURATIONS: DurationSummary = { count: 0, medianSeconds: null, p90Seconds: null, averageSeconds: null };

/**
 * Median and 90th percentile (nearest rank: the smallest value with at least that share of values at or
 * below it), average and count of a duration column, for the desk and per holder, over tickets whose event
 * (`at`) falls in the range. Only the two ranked rows per group leave the database.
 */
async function durations(s: Statements, at: string, value: string): Promise<Map<number, DurationSummary>> {
  const ranked = (group: string, partition: string) =>
    `select ${group} as g, ${value} as v, row_number() over (${partition} order by ${value}) as rn, count(*) over (${partition}) as n, avg(${value}) over (${partition}) as a
     from support_tickets where ${at} >= ? and ${at} < ? and ${value} is not null`;
  const holder = `coalesce(assigned_admin_id, ${UNASSIGNED})`;
  const rows = await run(
    s,
    `select g, v, rn, n, a from (${ranked(String(DESK), '')} union all ${ranked(holder, `partition by ${holder}`)}) ranked
     where (rn * 2 >= n and (rn - 1) * 2 < n) or (rn * 10 >= n * 9 and (rn - 1) * 10 < n * 9)`,
    [...s.params, ...s.params],
  );
  const groups = new Map<number, DurationSummary>();
  for (const row of rows) {
    const n = num(row.n);
    const rank = num(row.rn);
    const summary = groups.get(num(row.g)) ?? {
      count: n,
      medianSeconds: null,
      p90Seconds: null,
      averageSeconds: Math.round(num(row.a)),
    };
    if (rank * 2 >= n && (rank - 1) * 2 < n) summary.medianSeconds = num(row.v);
    if (rank * 10 >= n * 9 && (rank - 1) * 10 < n * 9) summary.p90Seconds = num(row.v);
    groups.set(num(row.g), summary);
  }
  return groups;
}

const NO_RATINGS: SatisfactionSummary = { good: 0, okay: 0, bad: 0, responses: 0 };

async function ratings(s: Statements): Promise<Map<number, SatisfactionSummary>> {
  const holder = `coalesce(t.assigned_admin_id, ${UNASSIGNED})`;
  const rows = await run(
    s,
    `select ${holder} as g, r.rating as rating, count(*) as n from ticket_satisfaction r join support_tickets t on t.id = r.ticket_id
     where r.rated_at >= ? and r.rated_at < ? group by ${holder}, r.rating`,
    s.params,
  );
  const groups = new Map<number, SatisfactionSummary>();
  const add = (group: number, rating: string, n: number) => {
    const summary = groups.get(group) ?? { ...NO_RATINGS };
    const key = rating.toLowerCase() as 'good' | 'okay' | 'bad';
    if (!(key in summary)) return;
    summary[key] += n;
    summary.responses += n;
    groups.set(group, summary);
  };
  for (const row of rows) {
    add(num(row.g), String(row.rating), num(row.n));
    add(DESK, String(row.rating), num(row.n));
  }
  return groups;
}

export async function buildDeskReport(em: SqlEntityManager, input: ReportInput): Promise<DeskReport> {
  const settings = await loadDeskSettings(em);
  const range = parseReportRange(input, settings.timeZone);
  const sql = dialectFor(em);
  const s: Statements = {
    em,
    sql,
    range,
    params: [sql.param(range.start), sql.param(range.end)],
    sqlite: isSqlite(em),
    turns: Promise.resolve(),
  };
  const business = input.hours === ReportHours.BUSINESS;
  const [perDay, backlogAtStart, perAgent, firstResponse, resolution, rated] = await Promise.all([
    countsPerDay(s),
    backlogAt(s, range.start),
    countsPerAgent(s),
    durations(s, 'first_response_at', business ? 'first_response_business_seconds' : 'first_response_seconds'),
    durations(s, 'resolved_at', business ? 'resolution_business_seconds' : 'resolution_seconds'),
    ratings(s),
  ]);

  let backlog = backlogAtStart;
  const days = range.dates.map((date) => {
    const counts = perDay.get(date) ?? { opened: 0, resolved: 0 };
    backlog += counts.opened - counts.resolved;
    return { date, ...counts, backlog };
  });

  const holders = new Set(
    [...perAgent.keys(), ...firstResponse.keys(), ...resolution.keys(), ...rated.keys()].filter(
      (group) => group !== DESK,
    ),
  );
  const agentIds = [...holders].filter((group) => group !== UNASSIGNED);
  const admins = new Map(
    (agentIds.length ? await em.find(Agent, { id: { $in: agentIds } }) : []).map((admin) => [admin.id, admin]),
  );
  const agents: AgentReport[] = [...holders]
    .filter((group) => group === UNASSIGNED || admins.has(group))
    .map((group) => ({
      agent: group === UNASSIGNED ? null : admins.get(group)!,
      opened: 0,
      resolved: 0,
      backlog: 0,
      ...perAgent.get(group),
      firstResponse: firstResponse.get(group) ?? NO_DURATIONS,
      resolution: resolution.get(group) ?? NO_DURATIONS,
      satisfaction: rated.get(group) ?? NO_RATINGS,
    }))
    .sort(
      (a, b) =>
        (a.agent === null ? 1 : 0) - (b.agent === null ? 1 : 0) ||
        b.resolved - a.resolved ||
        b.opened - a.opened ||
        a.agent!.name.localeCompare(b.agent!.name),
    );

  return {
    from: range.from,
    to: range.to,
    timeZone: range.timeZone,
    hours: input.hours,
    opened: days.reduce((sum, day) => sum + day.opened, 0),
    resolved: days.reduce((sum, day) => sum + day.resolved, 0),
    backlogAtStart,
    backlogAtEnd: backlog,
    firstResponse: firstResponse.get(DESK) ?? NO_DURATIONS,
    resolution: resolution.get(DESK) ?? NO_DURATIONS,
    satisfaction: rated.get(DESK) ?? NO_RATINGS,
    days,
    agents,
    generatedAt: new Date(),
  };
}
