// `npm run bench [-- --quick] [--tickets N --messages N --agents N --duration S --subscribers N,M --db sqlite,mariadb]`
// Seeds a fresh database, starts the real server in production mode in its own process, drives it from
// this one, and prints every figure beside a baseline measured in the same run. Writes docs/benchmarks.md.
import { fork, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { parseDatabaseUrl } from '../dist/src/config.js';
import { createOrm } from '../dist/src/db/orm.js';
import { removeSqliteDatabase } from '../dist/src/db/sqlite-tuning.js';
import { createServer as createSupportServer } from '../dist/src/server.js';
import { loadConfig } from '../dist/src/config.js';
import { BENCH_PASSWORD, seed } from './seed.mjs';

const ROOT = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    tickets: { type: 'string' },
    messages: { type: 'string' },
    agents: { type: 'string', default: '20' },
    duration: { type: 'string' },
    subscribers: { type: 'string' },
    db: { type: 'string', default: 'sqlite,mariadb' },
  },
});
const quick = args.quick;
const sizes = { tickets: Number(args.tickets ?? (quick ? 2000 : 10_000)), messages: Number(args.messages ?? (quick ? 20_000 : 100_000)), agents: Number(args.agents) };
const duration = Number(args.duration ?? (quick ? 4 : 15));
const subscriberCounts = (args.subscribers ?? (quick ? '200' : '1000,5000')).split(',').map(Number);
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';
const SECRET = 'bench-app-secret';
const rows = [];
const note = (section, metric, value, baseline = '', ratio = '') => {
  rows.push({ section, metric, value, baseline, ratio });
  console.log(`${section.padEnd(22)} ${metric.padEnd(46)} ${String(value).padEnd(16)} ${String(baseline).padEnd(16)} ${ratio}`);
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (value) => `${value.toFixed(1)} ms`;
const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const sign = (body) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

function delivery(from, text, id = `wamid.BENCH${randomBytes(9).toString('hex')}`) {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: '1' }, contacts: [{ profile: { name: `P ${from}` }, wa_id: from }], messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }] } }] }] });
}

/** A Cloud API stand-in that accepts everything and notes when each text arrived. */
async function startStandIn() {
  const arrivals = new Map();
  let count = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      count += 1;
      try { const text = JSON.parse(body).text?.body; if (text) arrivals.set(text, performance.now() + performance.timeOrigin); } catch {}
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ messages: [{ id: `wamid.S${count}${randomBytes(4).toString('hex')}` }] }));
    });
  });
  const port = await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
  return { url: `http://127.0.0.1:${port}`, arrivals, count: () => count, close: () => new Promise((r) => server.close(r)) };
}

async function startProcess(script, argv, env = {}) {
  const child = fork(script, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  await new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (/listening on/.test(output)) { clearInterval(timer); resolve(); }
      if (Date.now() - started > 30_000) { clearInterval(timer); child.kill('SIGKILL'); reject(new Error(`${script} did not start within 30 s: ${output}`)); }
    }, 50);
    child.on('message', (m) => m === 'ready' && (clearInterval(timer), resolve()));
    child.on('exit', (code) => { clearInterval(timer); reject(new Error(`${script} exited ${code}: ${output}`)); });
  });
  return { child, stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }) };
}

async function load(url, { body, headers = {}, requests, connections = 50 }) {
  const result = await autocannon({ url, method: 'POST', connections, duration, headers: { 'content-type': 'application/json', ...headers }, body, requests });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, ok: result['2xx'], errors: result.errors };
}

const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const gql = async (url, token, query, variables) => {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const json = await response.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
};

const DASHBOARD = '{ tickets(first: 50, filter: { status: [OPEN, IN_PROGRESS] }) { edges { node { id senderName status priority assignee { name } lastMessage { body } messageCount unreadCount } } } }';

async function benchDatabase(kind) {
  const databaseUrl = kind === 'sqlite' ? `sqlite:${join(tmpdir(), `bench-${process.pid}.sqlite`)}` : `${MYSQL.replace(/\/?$/, '/')}support_bench_${process.pid}`;
  const database = parseDatabaseUrl(databaseUrl);
  const section = (name) => `${name} (${kind})`;
  const seeded = performance.now();
  await seed(database, sizes);
  console.log(`\n[${kind}] seeded ${sizes.tickets} tickets, ${sizes.messages} messages, ${sizes.agents} agents in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  const standIn = await startStandIn();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: 'production', PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'info',
    WHATSAPP_APP_SECRET: SECRET, WHATSAPP_VERIFY_TOKEN: 'bench', WHATSAPP_ACCESS_TOKEN: 'bench', WHATSAPP_PHONE_NUMBER_ID: '1', WHATSAPP_API_URL: standIn.url,
    OUTBOX_POLL_MS: '10', RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000', RATE_LIMIT_TICKETS_PER_PHONE_PER_HOUR: '100000', RATE_LIMIT_LOGIN_ATTEMPTS: '100000',
  };
  const server = await startProcess(join(ROOT, 'dist/src/main.js'), [], env);
  const token = (await gql(url, null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'agent0@bench.test', p: BENCH_PASSWORD })).login.token;
  const auth = { authorization: `Bearer ${token}` };
  try {
    // 1. The dashboard's main query, against the same SQL written by hand.
    const ours = await load(`${url}/graphql`, { body: JSON.stringify({ query: DASHBOARD }), headers: auth });
    const basePort = await freePort();
    const baseline = await startProcess(join(ROOT, 'bench/baseline-server.mjs'), ['sql', String(basePort), databaseUrl]);
    const hand = await load(`http://127.0.0.1:${basePort}/`, { body: '{}', headers: auth });
    await baseline.stop();
    note(section('dashboard query'), 'requests/s at 50 connections', ours.rps.toFixed(0), hand.rps.toFixed(0), `${(ours.rps / hand.rps).toFixed(2)}× (target ≥ 0.5×)`);
    note(section('dashboard query'), 'p50 / p99 latency', `${ours.p50} / ${ours.p99} ms`, `${hand.p50} / ${hand.p99} ms`, `p99 target < 20 ms`);
    if (ours.non2xx || ours.errors) note(section('dashboard query'), 'non-2xx or errors (should be 0)', ours.non2xx + ours.errors);

    // 2. The framework floor: { __typename } through everything, against a bare handler and a bare Apollo.
    const floorBody = JSON.stringify({ query: '{ __typename }' });
    const full = await load(`${url}/graphql`, { body: floorBody, headers: auth });
    const jsonPort = await freePort();
    const bare = await startProcess(join(ROOT, 'bench/baseline-server.mjs'), ['json', String(jsonPort)]);
    const bareJson = await load(`http://127.0.0.1:${jsonPort}/`, { body: floorBody });
    await bare.stop();
    const apolloPort = await freePort();
    const apollo = await startProcess(join(ROOT, 'bench/baseline-server.mjs'), ['apollo', String(apolloPort)]);
    const bareApollo = await load(`http://127.0.0.1:${apolloPort}/graphql`, { body: floorBody });
    await apollo.stop();
    note(section('framework floor'), '{ __typename } requests/s vs bare Apollo+Fastify', full.rps.toFixed(0), bareApollo.rps.toFixed(0), `${(full.rps / bareApollo.rps).toFixed(2)}× (cost ${((1 - full.rps / bareApollo.rps) * 100).toFixed(0)} %, target ≤ 10 %)`);
    note(section('framework floor'), '{ __typename } requests/s vs bare node:http', full.rps.toFixed(0), bareJson.rps.toFixed(0), `${(full.rps / bareJson.rps).toFixed(2)}×`);

    // 5. Webhook ingest: distinct signed deliveries from 20 concurrent senders for the run's duration, then a
    // count that proves every delivery answered 200 was stored once (each also gets the bot's menu).
    const ingestTimes = [];
    const answeredIds = new Set();
    let next = 0;
    const stopAt = performance.now() + duration * 1000;
    await Promise.all(Array.from({ length: 20 }, async () => {
      while (performance.now() < stopAt) {
        const index = next++;
        const id = `wamid.INGEST${process.pid}x${index}`;
        const body = delivery(`2348${String(index).padStart(8, '0')}`, 'hello', id);
        const t0 = performance.now();
        const response = await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body });
        await response.arrayBuffer();
        ingestTimes.push(performance.now() - t0);
        if (response.status === 200) answeredIds.add(id);
      }
    }));
    const orm = await createOrm(database);
    const [{ c: stored }] = await orm.em.fork().getConnection().execute("select count(*) as c from whatsapp_processed_inbound where whatsapp_message_id like 'wamid.INGEST%'");
    await orm.close(true);
    note(section('webhook ingest'), 'signed deliveries/s, 20 senders (bot answers each)', (answeredIds.size / duration).toFixed(0), '', 'target ≥ 1,000/s on SQLite');
    note(section('webhook ingest'), 'p50 / p99 answer time', `${ms(percentile(ingestTimes, 50))} / ${ms(percentile(ingestTimes, 99))}`);
    note(section('webhook ingest'), 'answered 200 / stored (exactly once each)', `${answeredIds.size} / ${Number(stored)}`, '', Number(stored) === answeredIds.size ? 'none lost, none doubled' : 'MISMATCH');

    // 6. Outbox: sendMessage to the stand-in receiving it.
    const ticketIds = [];
    for (let i = 0; i < 20; i++) ticketIds.push((await gql(url, token, 'mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', { i: { phoneNumber: `4479${String(i).padStart(8, '0')}`, issueDescription: 'bench' } })).createTicket.id);
    const latencies = [];
    const sendCount = quick ? 100 : 400;
    const started = performance.now() + performance.timeOrigin;
    await Promise.all(Array.from({ length: sendCount }, async (_, i) => {
      const body = `bench reply ${i} ${randomBytes(3).toString('hex')}`;
      const t0 = performance.now() + performance.timeOrigin;
      await gql(url, token, 'mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }', { t: ticketIds[i % ticketIds.length], b: body });
      while (!standIn.arrivals.has(body)) await new Promise((r) => setTimeout(r, 2));
      latencies.push(standIn.arrivals.get(body) - t0);
    }));
    const elapsed = (performance.now() + performance.timeOrigin - started) / 1000;
    note(section('outbox'), 'replies/s delivered to the stand-in', (sendCount / elapsed).toFixed(0));
    note(section('outbox'), 'sendMessage → stand-in p50 / p99', `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`, '', 'p50 target < 50 ms');

    // 4. Fan-out: subscribers on notificationsChanged and ticketCreated; webhook 200 to the last one's event.
    for (const count of subscriberCounts) {
      const before = rss(server.child.pid);
      const clients = [];
      const seen = new Map();
      await Promise.all(Array.from({ length: count }, () => new Promise((resolve) => {
        const client = createClient({ url: url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
        clients.push(client);
        client.subscribe({ query: 'subscription { ticketCreated { id } }' }, { next: ({ data }) => { const id = data.ticketCreated.id; const list = seen.get(id) ?? []; list.push(performance.now()); seen.set(id, list); }, error: () => undefined, complete: () => undefined });
        client.subscribe({ query: 'subscription { notificationsChanged { openTickets } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
        client.on('connected', () => setTimeout(resolve, 20));
      })));
      await new Promise((r) => setTimeout(r, 500));
      const perConnection = (rss(server.child.pid) - before) / count;
      const times = [];
      for (let event = 0; event < (quick ? 5 : 10); event++) {
        const phone = `4478${count}${String(event).padStart(6, '0')}`;
        for (const text of ['hi', 'chat support']) {
          const body = delivery(phone, text);
          await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body });
        }
        const body = delivery(phone, `fan-out issue ${event}`);
        const answered200 = performance.now();
        const response = await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body });
        const at200 = performance.now();
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        const deadline = Date.now() + 30_000;
        let last;
        while (Date.now() < deadline) {
          const full = [...seen.values()].find((list) => list.length >= count && list.some((t) => t >= answered200));
          if (full) { last = Math.max(...full); seen.clear(); break; }
          await new Promise((r) => setTimeout(r, 5));
        }
        times.push(last === undefined ? NaN : last - at200);
      }
      note(section(`fan-out ${count} subs`), 'webhook 200 → last subscriber p50 / p99', `${ms(percentile(times, 50))} / ${ms(percentile(times, 99))}`, '', 'p99 target < 100 ms at 5,000');
      note(section(`fan-out ${count} subs`), 'server memory per connection', `${(perConnection / 1024).toFixed(1)} KB`, '', 'target < 30 KB');
      await Promise.all(clients.map((client) => client.dispose()));
    }
  } finally {
    await server.stop();
    await standIn.close();
  }

  // 3. SQL statements per operation, from the ORM's query log (an in-process server on the same data).
  const queries = [];
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', WHATSAPP_SIMULATOR: 'off' });
  config.database = database;
  const counting = await createSupportServer(config, { onQuery: (line) => queries.push(line) });
  const localUrl = await counting.listen();
  const localToken = (await gql(localUrl, null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'agent0@bench.test', p: BENCH_PASSWORD })).login.token;
  const countFor = async (query, variables) => { queries.length = 0; await gql(localUrl, localToken, query, variables); return queries.filter((l) => /\b(select|insert|update|delete)\b/i.test(l)).length; };
  const list = (first) => `{ tickets(first: ${first}) { edges { node { assignee { name } lastMessage { body } messageCount unreadCount } } } }`;
  note(section('SQL per operation'), 'ticket list, 5 / 50 tickets', `${await countFor(list(5))} / ${await countFor(list(50))}`, '', 'target: constant, ≤ 6');
  const busiest = (await gql(localUrl, localToken, '{ tickets(first: 1, orderBy: { field: LAST_MESSAGE_AT, direction: DESC }) { edges { node { id } } } }')).tickets.edges[0].node.id;
  note(section('SQL per operation'), 'ticket detail with 50 messages', await countFor('query($id: ID!) { ticket(id: $id) { id assignee { name } messages(last: 50) { totalCount edges { node { body author { name } } } } } }', { id: busiest }));
  note(section('SQL per operation'), 'notifications', await countFor('{ notifications { openTickets inProgress unassigned unreadTickets } }'));
  if (database.dialect !== 'sqlite') await counting.services.orm.schema.dropDatabase(database.dbName);
  await counting.close();
  if (database.dialect === 'sqlite') removeSqliteDatabase(database.path);
}

async function databaseVersion(kind) {
  const database = kind === 'sqlite' ? { dialect: 'sqlite', path: ':memory:' } : parseDatabaseUrl(`${MYSQL.replace(/\/?$/, '/')}mysql`);
  const orm = await createOrm(database);
  const [row] = await orm.em.fork().getConnection().execute(kind === 'sqlite' ? 'select sqlite_version() as v' : 'select version() as v');
  await orm.close(true);
  return `${kind === 'sqlite' ? 'SQLite' : 'MariaDB/MySQL'} ${row.v}`;
}

const kinds = args.db.split(',').filter(Boolean);
const versions = [];
for (const kind of kinds) {
  try {
    versions.push(await databaseVersion(kind));
  } catch (error) {
    console.warn(`skipping ${kind}: ${error.message}`);
    kinds.splice(kinds.indexOf(kind), 1);
  }
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node.js ${process.version}, ${versions.join(', ')}`;
console.log(`machine: ${machine}\nmode: ${quick ? 'quick' : 'full'}, ${duration} s per load run\n`);
console.log(`${'section'.padEnd(22)} ${'metric'.padEnd(46)} ${'ours'.padEnd(16)} ${'baseline'.padEnd(16)} ratio / target`);
for (const kind of kinds) await benchDatabase(kind);

// 7. The client: what the first screen downloads.
const bundle = spawn(process.execPath, [join(ROOT, 'scripts/bundle-size.mjs')]);
let bundleOut = '';
bundle.stdout.on('data', (c) => (bundleOut += c));
await new Promise((r) => bundle.on('exit', r));
note('client', 'first screen JS + CSS, gzipped', /first screen: ([\d.]+ KB)/.exec(bundleOut)?.[1] ?? 'not built', '', 'budget 250 KB');

const table = ['| section | metric | ours | baseline | ratio / target |', '| --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r.section} | ${r.metric} | ${r.value} | ${r.baseline} | ${r.ratio} |`)].join('\n');
const doc = join(ROOT, 'docs', 'benchmarks.md');
const previous = (() => { try { return readFileSync(doc, 'utf8'); } catch { return ''; } })();
const findings = previous.includes('## Findings') ? previous.slice(previous.indexOf('## Findings')) : '## Findings\n\n(none written yet)\n';
writeFileSync(doc, `# Benchmarks\n\n\`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}.\n\nMachine: ${machine}.\nData: ${sizes.tickets} tickets, ${sizes.messages} messages, ${sizes.agents} agents; ${duration} s per load run; autocannon for HTTP, the graphql-ws client for subscribers.\n\n${table}\n\n${findings}`);
console.log(`\nwrote ${doc}`);
process.exit(0);
