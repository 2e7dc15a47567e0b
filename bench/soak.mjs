// `npm run bench -- --soak MINUTES [--db sqlite|mariadb] [--subscribers 500] [--churn N] [--rate 1] [--tickets N
// --messages N --agents N] [--heap-snapshots DIR]`: holds a steady mixed load on the real server (production mode, its own
// process) for MINUTES and reports, every minute, what would show a leak: heap used after a full collection, resident
// memory, open handles, outbox depth, and the latency of deliveries and dashboard queries. At the end, a verdict on
// the growth of each after a warm-up, written to docs/benchmarks.md between the soak markers.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDatabaseUrl } from '../dist/src/config.js';
import {
  closeFeeds,
  dropBenchDatabase,
  cpuSeconds,
  DASHBOARD,
  delivery,
  freePort,
  gql,
  login,
  now,
  percentile,
  postDelivery,
  ROOT,
  serverEnv,
  sleep,
  startProcess,
  startStandIn,
  startSupport,
} from './lib.mjs';
import { seed } from './seed.mjs';

const { values: args } = parseArgs({
  options: {
    soak: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
    subscribers: { type: 'string', default: '500' },
    churn: { type: 'string', default: '0' },
    rate: { type: 'string', default: '1' },
    tickets: { type: 'string', default: '10000' },
    messages: { type: 'string', default: '100000' },
    agents: { type: 'string', default: '20' },
    'heap-snapshots': { type: 'string' },
  },
});
const minutes = Number(args.soak);
if (!(minutes >= 1)) {
  console.error('usage: npm run bench -- --soak MINUTES (at least 1)');
  process.exit(1);
}
const kind = args.db;
const subscriberCount = Number(args.subscribers);
/** Sockets that connect after each sample and leave 30 s later (page reloads): what they leave behind shows. */
const churn = Number(args.churn);
const sizes = { tickets: Number(args.tickets), messages: Number(args.messages), agents: Number(args.agents) };
const scale = Number(args.rate);
/**
 * Operations per second at `--rate 1`: about 4 webhook deliveries/s (3,600 messages from people an hour, a busy desk
 * for one instance). Every message and reply recomputes the agents' badge counts for the subscribers (20–50 ms of
 * SQLite on 10,000 tickets): on this shared two-core machine, at load average 10–17, three times this rate kept
 * the server busy all the time, and a saturated server grows its queues whatever its code does. A soak measures the
 * steady state; `--rate` scales every kind at once.
 */
const RATES = {
  message: 1 * scale, // a person writes on their open ticket
  newTicket: 0.1 * scale, // a new person: hi, Chat Support, the issue (three deliveries)
  reply: 0.5 * scale, // an agent answers a ticket whose person wrote in the last minutes (sendMessage)
  dashboard: 1 * scale, // an agent's ticket list
};
/** Each message the stand-in takes gets a "delivered" then a "read" receipt, as WhatsApp sends them. */
const RECEIPTS_PER_SECOND = 5 * scale;
const MAX_IN_FLIGHT = 100;
const METRICS_TOKEN = 'soak-metrics-token-0123456789';
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';

const databaseUrl =
  kind === 'sqlite'
    ? `sqlite:${join(tmpdir(), `bench-soak-${process.pid}.sqlite`)}`
    : `${MYSQL.replace(/\/?$/, '/')}support_soak_${process.pid}`;
const database = parseDatabaseUrl(databaseUrl);

// Seeded tickets i + 1 have the number 44770 + i and are OPEN or IN_PROGRESS when i % 5 < 3 (bench/seed.mjs).
const activeTickets = [];
for (let i = 0; i < sizes.tickets; i++) if (i % 5 < 3) activeTickets.push(i + 1);
const phoneOf = (ticketId) => `44770${String(ticketId - 1).padStart(7, '0')}`;

/** What happened in the current minute; swapped for a fresh one at each sample. */
const freshMinute = () => ({ delivery: [], dashboard: [], reply: [], errors: {}, skipped: 0 });
let minute = freshMinute();
const failed = (what, error) => {
  const key = `${what}: ${String(error?.message ?? error).slice(0, 120)}`;
  minute.errors[key] = (minute.errors[key] ?? 0) + 1;
};

const timedDelivery = async (body) => {
  const t0 = now();
  const response = await postDelivery(url, body);
  await response.arrayBuffer();
  minute.delivery.push(now() - t0);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
};
const receipt = (id, status, to) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '1', phone_number_id: '1' },
              statuses: [{ id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: to }],
            },
          },
        ],
      },
    ],
  });

/** Tickets whose person wrote lately (their reply window is open), newest last; an agent answers one of them. */
const replyable = [];
/** Messages the stand-in took, waiting for their receipts: "delivered" first, then "read". */
const receipts = [];
let newPeople = 0;
const tokens = [];
const pick = (list) => list[Math.floor(Math.random() * list.length)];

const operations = {
  async message() {
    const ticketId = pick(activeTickets);
    await timedDelivery(delivery(phoneOf(ticketId), `soak message ${Math.random().toString(36).slice(2)}`));
    replyable.push(ticketId);
    if (replyable.length > 1000) replyable.splice(0, 500);
  },
  async newTicket() {
    newPeople += 1;
    const phone = `4479${String(process.pid % 1000).padStart(3, '0')}${String(newPeople).padStart(6, '0')}`;
    for (const text of ['hi', 'chat support', `soak issue ${newPeople}`]) await timedDelivery(delivery(phone, text));
  },
  async reply() {
    const ticketId = replyable.pop();
    if (ticketId === undefined) return;
    const t0 = now();
    await gql(url, pick(tokens), 'mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }', {
      t: String(ticketId),
      b: `soak reply ${Math.random().toString(36).slice(2)}`,
    });
    minute.reply.push(now() - t0);
  },
  async dashboard() {
    const t0 = now();
    await gql(url, pick(tokens), DASHBOARD);
    minute.dashboard.push(now() - t0);
  },
  async receipt() {
    const next = receipts.shift();
    if (!next) return;
    await timedDelivery(receipt(next.id, next.status, next.to));
    if (next.status === 'delivered') receipts.push({ ...next, status: 'read' });
  },
};

/**
 * Open loop: every 100 ms each kind of operation starts its share of its rate, whether or not the earlier ones
 * have answered (so a slow server meets the same arrivals, as it would in production), up to MAX_IN_FLIGHT each.
 */
function drive(rates) {
  const owed = Object.fromEntries(Object.keys(rates).map((name) => [name, 0]));
  const inFlight = Object.fromEntries(Object.keys(rates).map((name) => [name, 0]));
  const all = new Set();
  const timer = setInterval(() => {
    for (const [name, perSecond] of Object.entries(rates)) {
      owed[name] += perSecond / 10;
      for (; owed[name] >= 1; owed[name] -= 1) {
        if (inFlight[name] >= MAX_IN_FLIGHT) {
          minute.skipped += 1;
          continue;
        }
        inFlight[name] += 1;
        const running = operations[name]()
          .catch((error) => failed(name, error))
          .finally(() => {
            inFlight[name] -= 1;
            all.delete(running);
          });
        all.add(running);
      }
    }
  }, 100);
  return async () => {
    clearInterval(timer);
    await Promise.all(all);
  };
}

async function scrapeMetrics() {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await response.text();
  const read = (pattern) => Number(new RegExp(`^${pattern} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    outbox: read('desk_outbox_depth\\{channel="whatsapp"\\}'),
    sockets: read('desk_websockets_open'),
    subscriptions: read('desk_subscriptions_active'),
  };
}

const databaseBytes = () => {
  if (database.dialect !== 'sqlite') return NaN;
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(`${database.path}${suffix}`).size;
    } catch {}
  }
  return bytes;
};

const samples = [];
let lastCpu = { seconds: 0, at: now() };
async function sample(index) {
  const done = minute;
  minute = freshMinute();
  const cpu = cpuSeconds(server.child.pid);
  const cpuPercent = ((cpu - lastCpu.seconds) * 100 * 1000) / (now() - lastCpu.at);
  lastCpu = { seconds: cpu, at: now() };
  const [stats, metrics] = await Promise.all([server.ask('stats', 'stats'), scrapeMetrics()]);
  // Timers come and go with each socket's ping and expiry (500 or 1000 with 500 sockets): counted apart.
  const timers = stats.handles.Timeout ?? 0;
  const handles = Object.values(stats.handles).reduce((a, b) => a + b, 0) - timers;
  const row = {
    minute: index,
    heapMb: stats.heapUsed / 2 ** 20,
    rssMb: stats.rss / 2 ** 20,
    handles,
    timers,
    handleKinds: stats.handles,
    outbox: metrics.outbox,
    sockets: metrics.sockets,
    subscriptions: metrics.subscriptions,
    deliveries: done.delivery.length,
    deliveryP50: percentile(done.delivery, 50),
    deliveryP99: percentile(done.delivery, 99),
    dashboards: done.dashboard.length,
    dashboardP50: percentile(done.dashboard, 50),
    dashboardP99: percentile(done.dashboard, 99),
    replies: done.reply.length,
    replyP99: percentile(done.reply, 99),
    errors: Object.values(done.errors).reduce((a, b) => a + b, 0),
    skipped: done.skipped,
    databaseMb: databaseBytes() / 2 ** 20,
    cpuPercent,
    load: loadavg()[0],
  };
  samples.push(row);
  console.log(
    [
      `min ${String(index).padStart(3)}`,
      `heap ${row.heapMb.toFixed(1)} MB`,
      `rss ${row.rssMb.toFixed(0)} MB`,
      `handles ${handles} + ${timers} timers ${JSON.stringify(stats.handles)}`,
      `outbox ${row.outbox}`,
      `sockets ${row.sockets}`,
      `deliveries ${row.deliveries} p50/p99 ${row.deliveryP50.toFixed(1)}/${row.deliveryP99.toFixed(1)} ms`,
      `dashboard ${row.dashboards} p50/p99 ${row.dashboardP50.toFixed(1)}/${row.dashboardP99.toFixed(1)} ms`,
      `replies ${row.replies} p99 ${row.replyP99.toFixed(1)} ms`,
      `errors ${row.errors}${row.errors ? ` ${JSON.stringify(done.errors)}` : ''}`,
      `skipped ${row.skipped}`,
      `server CPU ${cpuPercent.toFixed(0)} %`,
      `db ${row.databaseMb.toFixed(0)} MB`,
      `load ${row.load.toFixed(2)}`,
    ].join(' | '),
  );
}

// Setup: a fresh database, the stand-in, the server, the agents' tokens, the subscribers.
const started = new Date();
console.log(`[soak ${kind}] seeding ${sizes.tickets} tickets, ${sizes.messages} messages, ${sizes.agents} agents`);
await seed(database, sizes);
const standIn = await startStandIn({
  onSend: ({ id, to }) => {
    if (!to) return;
    receipts.push({ id, to, status: 'delivered' });
    if (receipts.length > 20_000) receipts.splice(0, 10_000);
  },
});
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = await startSupport(
  // The business number's real pace (80/s), not the outbox section's lifted one.
  serverEnv(port, databaseUrl, standIn, { OUTBOX_RATE_PER_SECOND: '80', METRICS_TOKEN }),
);
const feeds = [];
const snapshots = [];
const churning = new Set();
/** `count` more subscribers for 30 s, then closed as a browser tab closes. */
function churnSubscribers(count) {
  const visit = (async () => {
    const feed = await startProcess(join(ROOT, 'bench/subscribers.mjs'), [
      JSON.stringify({ urls: [url], tokens, count, plain: false }),
    ]);
    await sleep(30_000);
    await new Promise((resolve) => {
      feed.child.once('exit', resolve);
      feed.child.send('close');
      setTimeout(() => feed.child.kill('SIGKILL'), 10_000).unref();
    });
  })()
    .catch((error) => failed('churn', error))
    .finally(() => churning.delete(visit));
  churning.add(visit);
}
try {
  for (let i = 0; i < sizes.agents; i++) tokens.push(await login(url, `agent${i}@bench.test`));
  for (const size of [Math.ceil(subscriberCount / 2), Math.floor(subscriberCount / 2)].filter(Boolean))
    feeds.push(
      await startProcess(join(ROOT, 'bench/subscribers.mjs'), [
        JSON.stringify({ urls: [url], tokens, count: size, plain: false }),
      ]),
    );
  console.log(`[soak ${kind}] ${subscriberCount} subscribers connected; load for ${minutes} min`);
  const stop = drive({ ...RATES, receipt: RECEIPTS_PER_SECOND });
  const warmUp = warmUpMinutes(minutes);
  const loadStarted = now();
  lastCpu = { seconds: cpuSeconds(server.child.pid), at: loadStarted };
  for (let index = 1; index <= minutes; index++) {
    await sleep(Math.max(0, loadStarted + index * 60_000 - now()));
    await sample(index);
    if (args['heap-snapshots'] && (index === warmUp || index === minutes))
      snapshots.push(await server.ask({ snapshot: args['heap-snapshots'] }, 'snapshotPath'));
    if (churn && index < minutes) churnSubscribers(churn);
  }
  await stop();
  await Promise.all(churning);
} finally {
  await closeFeeds(feeds);
  await server.stop();
  await standIn.close();
  await dropBenchDatabase(database);
}
if (snapshots.length) console.log(`heap snapshots: ${snapshots.join(', ')}`);

/** The first 3 minutes or 10 % of the run, whichever is longer; on short trials, a third of it. */
function warmUpMinutes(total) {
  return total >= 9 ? Math.max(3, Math.ceil(total / 10)) : Math.floor(total / 3);
}

const median = (values) => percentile(values, 50);
function verdict() {
  const after = samples.slice(warmUpMinutes(minutes));
  const span = Math.min(3, Math.floor(after.length / 2)) || 1;
  const first = after.slice(0, span);
  const last = after.slice(-span);
  const measures = [
    ['heap used after GC', 'heapMb', (v) => `${v.toFixed(1)} MB`],
    ['resident memory (RSS)', 'rssMb', (v) => `${v.toFixed(0)} MB`],
    ['open handles but timers', 'handles', (v) => String(v)],
    ['timers', 'timers', (v) => String(v)],
    ['outbox depth (WhatsApp)', 'outbox', (v) => String(v)],
    ['deliveries p50', 'deliveryP50', (v) => `${v.toFixed(1)} ms`],
    ['deliveries p99', 'deliveryP99', (v) => `${v.toFixed(1)} ms`],
    ['dashboard p50', 'dashboardP50', (v) => `${v.toFixed(1)} ms`],
    ['dashboard p99', 'dashboardP99', (v) => `${v.toFixed(1)} ms`],
  ];
  return {
    first,
    last,
    rows: measures.map(([label, key, format]) => {
      const before = median(first.map((s) => s[key]));
      const now = median(last.map((s) => s[key]));
      const growth = before > 0 ? (now - before) / before : NaN;
      // An outbox that stays within a few rows is empty between sends: a percentage of 0 or 1 row says nothing.
      const flat = key === 'outbox' ? now <= Math.max(5, before * 1.1) : growth <= 0.1;
      return {
        label,
        before: format(before),
        now: format(now),
        growth: Number.isFinite(growth) ? `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %` : 'n/a',
        flat,
      };
    }),
  };
}

const result = verdict();
const minuteLabel = (rows) =>
  rows.length === 1 ? `minute ${rows[0].minute}` : `minutes ${rows[0].minute}–${rows.at(-1).minute}`;
const loads = samples.map((s) => s.load);
const cell = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const lastHandles = samples.at(-1)?.handleKinds ?? {};
const firstHandles = samples[warmUpMinutes(minutes)]?.handleKinds ?? samples[0]?.handleKinds ?? {};
const handleLine = (kinds) =>
  Object.entries(kinds)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
const versions = `Node.js ${process.version}, ${kind === 'sqlite' ? 'SQLite' : 'MariaDB/MySQL'}`;
const report = [
  `\`npm run bench -- ${process.argv.slice(2).join(' ')}\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${versions}. Load average (1 min) during the run: ${cell(Math.min(...loads))}–${cell(Math.max(...loads))}, median ${cell(median(loads))} (the machine is shared: compare minutes with each other, not with other runs).`,
  '',
  `Data: ${sizes.tickets} tickets, ${sizes.messages} messages, ${sizes.agents} agents, seeded. Load, held open-loop: ${RATES.message}/s messages from people with an open ticket, ${RATES.newTicket}/s new people (three deliveries each), ${RATES.reply}/s agents' replies (sendMessage), ${RATES.dashboard}/s dashboard lists, a "delivered" then a "read" receipt for each message sent (up to ${RECEIPTS_PER_SECOND}/s), ${subscriberCount} graphql-ws subscribers (ticketCreated + notificationsChanged)${churn ? `, ${churn} more connecting after each sample and leaving 30 s later` : ''}, the outbox at its default pace (80/s). Heap is after a full collection, handles are process.getActiveResourcesInfo(), both read over the bench's IPC channel (bench/probe.mjs); the outbox depth from /metrics.`,
  '',
  '| min | heap MB | RSS MB | handles | timers | outbox | sockets | deliveries | p50 / p99 ms | dashboard | p50 / p99 ms | replies | errors | server CPU | DB MB | load |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...samples.map(
    (s) =>
      `| ${s.minute} | ${cell(s.heapMb)} | ${cell(s.rssMb, 0)} | ${s.handles} | ${s.timers} | ${s.outbox} | ${s.sockets} | ${s.deliveries} | ${cell(s.deliveryP50)} / ${cell(s.deliveryP99)} | ${s.dashboards} | ${cell(s.dashboardP50)} / ${cell(s.dashboardP99)} | ${s.replies} | ${s.errors + s.skipped} | ${cell(s.cpuPercent, 0)} % | ${cell(s.databaseMb, 0)} | ${cell(s.load, 2)} |`,
  ),
  '',
  `Verdict: after a warm-up of ${warmUpMinutes(minutes)} min, the median of ${minuteLabel(result.first)} against the median of ${minuteLabel(result.last)}; flat is ≤ 10 % growth (the outbox: within 5 rows).`,
  '',
  '| measure | after warm-up | at the end | growth | flat? |',
  '| --- | --- | --- | --- | --- |',
  ...result.rows.map((r) => `| ${r.label} | ${r.before} | ${r.now} | ${r.growth} | ${r.flat ? 'yes' : '**no**'} |`),
  '',
  `Handles after warm-up: ${handleLine(firstHandles)}. At the end: ${handleLine(lastHandles)}.`,
].join('\n');
console.log(`\n${report}\n`);

const doc = join(ROOT, 'docs', 'benchmarks.md');
const text = readFileSync(doc, 'utf8');
const BEGIN = '<!-- soak:begin -->';
const END = '<!-- soak:end -->';
const block = `${BEGIN}\n${report}\n${END}`;
const updated = text.includes(BEGIN)
  ? text.slice(0, text.indexOf(BEGIN)) + block + text.slice(text.indexOf(END) + END.length)
  : `${text.trimEnd()}\n\n### Soak (npm run bench -- --soak 30)\n\n${block}\n`;
writeFileSync(doc, updated);
console.log(`wrote ${doc}`);
process.exit(0);
