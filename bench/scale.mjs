// `npm run bench -- --scale [--sizes 10000,100000,1000000] [--db sqlite,mariadb] [--duration S] [--keep]`
// How the desk's costs grow with its size: seeds desks of 10k, 100k and 1M tickets (10 messages each; see
// scale-seed.mjs), starts the real server in production mode on each, and times what an agent does (the dashboard
// list, a ticket, searches, the badge counts, reports), webhook ingest and the server's memory. Writes
// docs/scale.json (every size measured so far, so that sizes can be run separately), docs/scale.svg and the block
// between the scale markers in docs/benchmarks.md. --keep keeps the seeded databases and reuses them next time.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { innodbBooleanQuery, trigramPhrase } from '../dist/src/db/full-text.js';
import { createOrm } from '../dist/src/db/orm.js';
import { listTickets } from '../dist/src/support/ticket.query.js';
import {
  DASHBOARD,
  REPORT,
  ROOT,
  delivery,
  freePort,
  load,
  login,
  percentile,
  postDelivery,
  serverEnv,
  startStandIn,
  startSupport,
} from './lib.mjs';
import { placeScaleBlock, scaleChart, scaleTable } from './scale-report.mjs';
import {
  COMMON_WORD,
  dropScaleDatabase,
  phoneOf,
  RARE_WORD,
  scaleDatabase,
  seededBefore,
  seedScale,
} from './scale-seed.mjs';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'boolean' },
    sizes: { type: 'string', default: '10000,100000,1000000' },
    db: { type: 'string', default: 'sqlite,mariadb' },
    duration: { type: 'string', default: '10' },
    ingest: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const DURATION = Number(args.duration);
const INGEST_SECONDS = Number(args.ingest);
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';
const RESULTS = join(ROOT, 'docs', 'scale.json');
const DOC = join(ROOT, 'docs', 'benchmarks.md');

const DETAIL = `query($id: ID!) { ticket(id: $id) { id status priority senderName phoneNumber assignee { name }
  messages(last: 50) { totalCount edges { node { id body senderType createdAt author { name } } } } } }`;
const SEARCH = `query($filter: TicketFilter, $search: String!) { tickets(first: 50, filter: $filter) { totalCount
  edges { node { id senderName status issueDescription searchSnippet(search: $search) { text match } } } } }`;
const BADGES = `{ notifications { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts snoozed slaBreached
  assignedToMe unreadMentions parkedElements disabledWebhookEndpoints } }`;

/** One agent asking again and again, after one warm-up: at least `seconds` and 20 answers, fewer if slow. */
async function sample(url, token, query, variables, seconds = Math.min(DURATION, 5)) {
  const ask = async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const json = await response.json();
    if (json.errors) throw new Error(JSON.stringify(json.errors));
  };
  // The server closes a connection silent for HTTP_IDLE_TIMEOUT_MS (60 s): a query slower than that never answers.
  const closed = async (work) => {
    const t0 = performance.now();
    try {
      await work();
      return null;
    } catch (error) {
      const ms = performance.now() - t0;
      if (ms < 50_000) throw error;
      return { p50: ms, p99: ms, count: 0, closed: true };
    }
  };
  const warmStart = performance.now();
  const unanswered = await closed(ask);
  if (unanswered) return unanswered;
  // A statement of many seconds is timed three times: enough to see it, without the sweep taking hours.
  const slow = performance.now() - warmStart > 5000;
  const times = [];
  const started = performance.now();
  for (;;) {
    const elapsed = (performance.now() - started) / 1000;
    if (slow ? times.length >= 3 : (elapsed >= seconds && times.length >= 20) || (elapsed >= 30 && times.length >= 5))
      break;
    const t0 = performance.now();
    await ask();
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), count: times.length };
}

/** Distinct signed deliveries (each a new person greeting the bot) from 20 senders at once. */
async function ingest(url, tickets) {
  const times = [];
  let answered = 0;
  let next = 0;
  const stopAt = performance.now() + INGEST_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (performance.now() < stopAt) {
        const index = next++;
        const body = delivery(`2349${String(tickets).slice(0, 2)}${String(index).padStart(7, '0')}`, 'hello');
        const t0 = performance.now();
        const response = await postDelivery(url, body);
        await response.arrayBuffer();
        times.push(performance.now() - t0);
        if (response.status === 200) answered++;
      }
    }),
  );
  return { figure: { p50: percentile(times, 50), p99: percentile(times, 99) }, rate: answered / INGEST_SECONDS };
}

/** The values for a logged search statement's placeholders, from what precedes each one. */
function searchParams(sql, search) {
  const params = [];
  const placeholder = /\?/g;
  for (let match = placeholder.exec(sql); match; match = placeholder.exec(sql)) {
    const before = sql.slice(Math.max(0, match.index - 20), match.index);
    if (/match\s*$/i.test(before)) params.push(trigramPhrase(search));
    else if (/against \($/i.test(before)) params.push(innodbBooleanQuery(search));
    else if (/limit\s*$/i.test(before)) params.push(51);
    else params.push(`%${search}%`);
  }
  return params;
}

/** The query plans of the searches, as the ticket list runs them (its statements taken from the ORM's log). */
async function explainSearches(database, tickets) {
  const statements = [];
  const orm = await createOrm(database, { onQuery: (line) => statements.push(line) });
  const sqlite = database.dialect === 'sqlite';
  const plans = [];
  try {
    for (const search of [RARE_WORD, COMMON_WORD, phoneOf(Math.floor(tickets / 2))]) {
      statements.length = 0;
      const page = await listTickets(
        orm.em.fork(),
        { search },
        { field: 'LAST_MESSAGE_AT', direction: 'DESC' },
        { first: 50 },
      );
      await page.countTotal();
      for (const line of statements) {
        const sql = /\[query\] (select .*?)(?: \[took [^\]]*\])?$/s.exec(line)?.[1];
        if (!sql?.includes('support_tickets')) continue;
        const rows = await orm.em
          .getConnection()
          .execute(`${sqlite ? 'explain query plan' : 'explain'} ${sql}`, searchParams(sql, search));
        plans.push(
          `search "${search}", ${sql.startsWith('select count') ? 'count' : 'first 50'}:`,
          ...rows.map((row) =>
            sqlite
              ? `  ${row.detail}`
              : `  ${row.select_type} ${row.table} type=${row.type} key=${row.key ?? '-'} rows=${row.rows} ${row.Extra ?? ''}`,
          ),
        );
      }
    }
  } finally {
    await orm.close(true);
  }
  return plans;
}

async function measure(kind, tickets) {
  const { url: databaseUrl, database } = scaleDatabase(kind, tickets, MYSQL);
  let phases = args.keep ? await seededBefore(database) : null;
  if (phases) console.log(`[${kind} ${tickets}] reusing the desk seeded before`);
  else {
    console.log(`[${kind} ${tickets}] seeding`);
    await dropScaleDatabase(database);
    phases = await seedScale(database, tickets, console.log);
  }
  const seedSeconds = Object.values(phases).reduce((a, b) => a + b, 0);
  const loadBefore = loadavg()[0];
  const standIn = await startStandIn();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startSupport(serverEnv(port, databaseUrl, standIn));
  const metrics = {};
  let ingestRate;
  let memory;
  try {
    const token = await login(url, 'agent0@bench.test');
    const auth = { authorization: `Bearer ${token}` };
    const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const step = async (key, work) => {
      metrics[key] = await work();
      console.log(`  ${key.padEnd(14)} p50 ${metrics[key].p50.toFixed(1)} ms, p99 ${metrics[key].p99.toFixed(1)} ms`);
    };
    await step('dashboard', () => sample(url, token, DASHBOARD));
    await step('dashboard50', () =>
      load(`${url}/graphql`, { body: JSON.stringify({ query: DASHBOARD }), headers: auth, seconds: DURATION }),
    );
    await step('detail', () => sample(url, token, DETAIL, { id: String(tickets - 5) }));
    const search = (text) => sample(url, token, SEARCH, { filter: { search: text }, search: text });
    await step('searchRare', () => search(RARE_WORD));
    await step('searchCommon', () => search(COMMON_WORD));
    await step('searchPhone', () => search(phoneOf(Math.floor(tickets / 2))));
    await step('badges', () => sample(url, token, BADGES));
    const report = (from) => sample(url, token, REPORT, { input: { from, to: day(0) } });
    await step('reportMonth', () => report(day(-29)));
    await step('reportDecade', () => report(day(-3659)));
    memory = await server.ask('usage', 'usage');
    // Last, as it adds rows: a reused desk then differs from a fresh one by a few thousand greetings only.
    const ingested = await ingest(url, tickets);
    metrics.ingest = ingested.figure;
    ingestRate = ingested.rate;
    console.log(`  ingest         ${ingestRate.toFixed(0)}/s, p50 ${ingested.figure.p50.toFixed(1)} ms`);
  } finally {
    await server.stop();
    await standIn.close();
  }
  const plans = tickets === Math.max(...SIZES) ? await explainSearches(database, tickets) : [];
  for (const line of plans) console.log(line);
  if (!args.keep) await dropScaleDatabase(database);
  return {
    dialect: kind,
    tickets,
    messages: tickets * 10,
    measuredAt: new Date().toISOString(),
    loadAverage: Number(((loadBefore + loadavg()[0]) / 2).toFixed(1)),
    seedSeconds,
    seedPhases: phases,
    metrics,
    ingestRate,
    memory: { rss: memory.rss / 2 ** 20, heap: memory.heapUsed / 2 ** 20 },
    plans,
  };
}

function readResults() {
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8')).results;
  } catch {
    return [];
  }
}

const started = performance.now();
for (const kind of args.db.split(',').filter(Boolean)) {
  for (const tickets of SIZES) {
    const result = await measure(kind, tickets);
    // Read again: another run (another dialect or size) may have written its figures meanwhile.
    const results = [...readResults().filter((r) => r.dialect !== kind || r.tickets !== tickets), result].sort(
      (a, b) => a.dialect.localeCompare(b.dialect) || a.tickets - b.tickets,
    );
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}`;
    writeFileSync(RESULTS, `${JSON.stringify({ machine, results }, null, 2)}\n`);
    writeFileSync(join(ROOT, 'docs', 'scale.svg'), scaleChart(results));
    const loads = results.map((r) => r.loadAverage);
    const block = [
      `\`npm run bench -- --scale\`, measured ${[...new Set(results.map((r) => r.measuredAt.slice(0, 10)))].join(', ')} on ${machine}; load average ${Math.min(...loads)}–${Math.max(...loads)} while it ran (a shared machine: compare sizes within a dialect, not with other runs). One agent: sequential requests after one warm-up, at least 20 and ${Math.min(DURATION, 5)} s (three when one takes over 5 s); 50 connections: autocannon, ${DURATION} s. Figures per size are in [scale.json](scale.json).`,
      scaleTable(results),
      '![p50 of one request against desk size, one panel per dialect](scale.svg)',
    ].join('\n\n');
    writeFileSync(DOC, placeScaleBlock(readFileSync(DOC, 'utf8'), block));
  }
}
console.log(
  `finished in ${((performance.now() - started) / 60_000).toFixed(1)} min; wrote docs/scale.json, docs/scale.svg, docs/benchmarks.md`,
);
process.exit(0);
