// `npm run bench [-- --scale | --soak MINUTES | --quick] [--tickets N --messages N --agents N --duration S --subscribers N,M --db sqlite,mariadb --only a,b]`
// Seeds a fresh database, starts the real server in production mode in its own process, drives it from this
// one (and from subscriber processes), and prints every figure beside a baseline measured in the same run.
// Writes the table to docs/benchmarks.md, keeping the findings written under it.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, parseDatabaseUrl } from '../dist/src/config.js';
import { createOrm } from '../dist/src/db/orm.js';
import { createServer as createSupportServer } from '../dist/src/server.js';
import {
  closeFeeds,
  dropBenchDatabase,
  DASHBOARD,
  REPORT,
  ROOT,
  cpuSeconds,
  delivery,
  freePort,
  gql,
  load as loadUrl,
  login,
  ms,
  now,
  percentile,
  postDelivery,
  serverEnv,
  sleep,
  startProcess,
  startStandIn,
  startSupport,
} from './lib.mjs';
import { seed } from './seed.mjs';

// `--scale` (desk size sweep) and `--soak MINUTES` (steady load over time) are their own programs.
if (process.argv.includes('--scale')) {
  await import('./scale.mjs');
  process.exit(0);
}
if (process.argv.includes('--soak')) {
  await import('./soak.mjs');
  process.exit(0);
}
const SECTIONS = ['dashboard', 'floor', 'jit', 'report', 'live-reports', 'ingest', 'outbox', 'fanout', 'sql', 'client'];
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    tickets: { type: 'string' },
    messages: { type: 'string' },
    agents: { type: 'string', default: '20' },
    duration: { type: 'string' },
    subscribers: { type: 'string' },
    db: { type: 'string', default: 'sqlite,mariadb' },
    only: { type: 'string', default: SECTIONS.join(',') },
  },
});
const quick = args.quick;
const only = new Set(args.only.split(','));
const sizes = {
  tickets: Number(args.tickets ?? (quick ? 2000 : 10_000)),
  messages: Number(args.messages ?? (quick ? 20_000 : 100_000)),
  agents: Number(args.agents),
};
const duration = Number(args.duration ?? (quick ? 3 : 10));
const ingestSeconds = quick ? 5 : 30;
const subscriberCounts = (args.subscribers ?? (quick ? '200' : '1000,5000')).split(',').map(Number);
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';
const REDIS = process.env.REDIS_URL;

const rows = [];
const note = (section, metric, value, baseline = '', ratio = '') => {
  rows.push({ section, metric, value, baseline, ratio });
  console.log(
    `${section.padEnd(26)} ${metric.padEnd(50)} ${String(value).padEnd(18)} ${String(baseline).padEnd(18)} ${ratio}`,
  );
};
const load = (url, options) => loadUrl(url, { seconds: duration, ...options });
const best = (a, b) => (b.rps > a.rps ? b : a);

const startBaseline = async (kind, databaseUrl) => {
  const port = await freePort();
  const process = await startProcess(join(ROOT, 'bench/baseline-server.mjs'), [kind, String(port), databaseUrl ?? '']);
  return { ...process, url: `http://127.0.0.1:${port}` };
};

// 1. The dashboard's main query, against the same SQL written by hand; at 50 connections, and for one agent alone.
async function benchDashboard(section, url, server, auth, databaseUrl) {
  const body = JSON.stringify({ query: DASHBOARD });
  const baseline = await startBaseline('sql', databaseUrl);
  try {
    const ours = await load(`${url}/graphql`, { body, headers: auth, pid: server.child.pid });
    const hand = await load(`${baseline.url}/`, { body: '{}', headers: auth, pid: baseline.child.pid });
    const oursAlone = await load(`${url}/graphql`, {
      body,
      headers: auth,
      connections: 1,
      seconds: Math.min(duration, 5),
    });
    const handAlone = await load(`${baseline.url}/`, {
      body: '{}',
      headers: auth,
      connections: 1,
      seconds: Math.min(duration, 5),
    });
    note(
      section,
      'requests/s at 50 connections',
      ours.rps.toFixed(0),
      hand.rps.toFixed(0),
      `${(ours.rps / hand.rps).toFixed(2)}× (target ≥ 0.5×)`,
    );
    note(
      section,
      'p50 / p99 at 50 connections',
      `${ours.p50} / ${ours.p99} ms`,
      `${hand.p50} / ${hand.p99} ms`,
      'p99 target < 20 ms',
    );
    note(
      section,
      'p50 / p99 for one agent alone (1 connection)',
      `${oursAlone.p50} / ${oursAlone.p99} ms`,
      `${handAlone.p50} / ${handAlone.p99} ms`,
    );
    note(
      section,
      'server CPU per request',
      `${ours.cpuPerRequest.toFixed(0)} µs`,
      `${hand.cpuPerRequest.toFixed(0)} µs`,
      `${(hand.cpuPerRequest / ours.cpuPerRequest).toFixed(2)}×`,
    );
    if (ours.bad) note(section, 'non-2xx, errors or timeouts (should be 0)', ours.bad);
  } finally {
    await baseline.stop();
  }
}

// 2. The framework floor: { __typename } through everything, against a bare handler and a bare Apollo on Fastify.
// Ours and bare Apollo run twice, interleaved, and the better run of each counts: a noisy neighbour then
// has to hit both runs of one side to skew the ratio.
async function benchFloor(section, url, server, auth) {
  const body = JSON.stringify({ query: '{ __typename }' });
  const json = await startBaseline('json');
  const apollo = await startBaseline('apollo');
  try {
    let ours = await load(`${url}/graphql`, { body, headers: auth, pid: server.child.pid });
    let bare = await load(`${apollo.url}/graphql`, { body, pid: apollo.child.pid });
    if (!quick) {
      ours = best(ours, await load(`${url}/graphql`, { body, headers: auth, pid: server.child.pid }));
      bare = best(bare, await load(`${apollo.url}/graphql`, { body, pid: apollo.child.pid }));
    }
    const plain = await load(`${json.url}/`, { body });
    note(
      section,
      '{ __typename } requests/s vs bare Apollo+Fastify',
      ours.rps.toFixed(0),
      bare.rps.toFixed(0),
      `${(ours.rps / bare.rps).toFixed(2)}× (cost ${((1 - ours.rps / bare.rps) * 100).toFixed(0)} %, target ≤ 10 %)`,
    );
    note(
      section,
      '{ __typename } server CPU per request',
      `${ours.cpuPerRequest.toFixed(0)} µs`,
      `${bare.cpuPerRequest.toFixed(0)} µs`,
      `cost ${((ours.cpuPerRequest / bare.cpuPerRequest - 1) * 100).toFixed(0)} %`,
    );
    note(
      section,
      '{ __typename } requests/s vs bare node:http',
      ours.rps.toFixed(0),
      plain.rps.toFixed(0),
      `${(ours.rps / plain.rps).toFixed(2)}×`,
    );
  } finally {
    await Promise.all([json.stop(), apollo.stop()]);
  }
}

// 2b. Compiled execution (GRAPHQL_JIT): the dashboard query and { __typename } on two more servers on the same
// data, one with it off and one on, run in turn twice; the better run of each counts (see the floor).
async function benchCompiled(section, auth, databaseUrl, standIn) {
  const start = async (jit) => {
    const port = await freePort();
    const process = await startSupport(serverEnv(port, databaseUrl, standIn, { GRAPHQL_JIT: jit }));
    return { process, url: `http://127.0.0.1:${port}/graphql` };
  };
  const off = await start('0');
  const on = await start('1');
  try {
    for (const [name, query] of [
      ['dashboard query', DASHBOARD],
      ['{ __typename }', '{ __typename }'],
    ]) {
      const body = JSON.stringify({ query });
      const answer = async (server) =>
        (
          await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body })
        ).text();
      const answers = [await answer(off), await answer(on), await answer(on)];
      if (answers.some((text) => text !== answers[0]))
        throw new Error(`compiled answer differs: ${answers.join('\n')}`);
      const run = (server) => load(server.url, { body, headers: auth, pid: server.process.child.pid });
      let plain = await run(off);
      let compiled = await run(on);
      if (!quick) {
        plain = best(plain, await run(off));
        compiled = best(compiled, await run(on));
      }
      note(
        section,
        `${name}: requests/s, compiled vs graphql-js`,
        compiled.rps.toFixed(0),
        plain.rps.toFixed(0),
        `${(compiled.rps / plain.rps).toFixed(2)}×`,
      );
      note(
        section,
        `${name}: server CPU per request, compiled vs graphql-js`,
        `${compiled.cpuPerRequest.toFixed(0)} µs`,
        `${plain.cpuPerRequest.toFixed(0)} µs`,
        `${(plain.cpuPerRequest / compiled.cpuPerRequest).toFixed(2)}×`,
      );
      if (compiled.bad || plain.bad)
        note(section, `${name}: non-2xx, errors or timeouts (should be 0)`, compiled.bad, plain.bad);
    }
  } finally {
    await Promise.all([off.process.stop(), on.process.stop()]);
  }
}

// 3. Reports: the desk's report over a month and over ten years (every ticket), one agent asking at a time,
// against the naive way: every ticket's times read into this process and aggregated in JavaScript.
async function benchReport(section, url, auth, database) {
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const body = (from) => JSON.stringify({ query: REPORT, variables: { input: { from, to: day(0) } } });
  const month = await load(`${url}/graphql`, {
    body: body(day(-29)),
    headers: auth,
    connections: 1,
    seconds: Math.min(duration, 5),
  });
  const decade = await load(`${url}/graphql`, {
    body: body(day(-3659)),
    headers: auth,
    connections: 1,
    seconds: Math.min(duration, 5),
  });
  const orm = await createOrm(database);
  try {
    const times = [];
    for (let run = 0; run < (quick ? 5 : 15); run++) {
      const started = performance.now();
      const rows = await orm.em
        .fork()
        .getConnection()
        .execute(
          'select assigned_admin_id, created_at, resolved_at, first_response_at, first_response_seconds, resolution_seconds from support_tickets',
        );
      const groups = new Map();
      for (const row of rows) {
        const group = groups.get(row.assigned_admin_id) ?? { first: [], resolution: [] };
        if (row.first_response_seconds !== null) group.first.push(row.first_response_seconds);
        if (row.resolution_seconds !== null) group.resolution.push(row.resolution_seconds);
        groups.set(row.assigned_admin_id, group);
      }
      for (const group of groups.values())
        for (const list of [group.first, group.resolution]) percentile(list, 50) + percentile(list, 90);
      times.push(performance.now() - started);
    }
    const naive = percentile(times, 50);
    note(section, 'one month, p50 / p99 (1 connection)', `${month.p50} / ${month.p99} ms`);
    note(
      section,
      'ten years (every ticket), p50 / p99',
      `${decade.p50} / ${decade.p99} ms`,
      `${ms(naive)} (rows into JS)`,
      `${(naive / Math.max(decade.p50, 0.5)).toFixed(2)}× the naive time`,
    );
  } finally {
    await orm.close(true);
  }
}

// 3b. Live reports: every token follows as many different live reports as REPORT_SUBSCRIPTIONS_PER_TOKEN allows
// (20 agents × 10 = 200), tickets keep changing (one created every 200 ms, so each report is recomputed on every
// tick), and meanwhile one caller asks /healthz and `{ me }` in turn: their latency, beside the same without reports.
const LIVE_REPORT =
  'subscription($input: ReportInput!) { deskReport(input: $input) { opened resolved backlogAtEnd firstResponse { medianSeconds } days { date opened } } }';
const PER_TOKEN = 10;
async function probeLatency(url, auth, seconds) {
  const health = [];
  const me = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    let started = performance.now();
    await (await fetch(`${url}/healthz`)).text();
    health.push(performance.now() - started);
    started = performance.now();
    await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: '{"query":"{ me { id } }"}',
      })
    ).text();
    me.push(performance.now() - started);
    await sleep(10);
  }
  return { health, me };
}
async function benchLiveReports(section, url, auth, tokens) {
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  let changing = true;
  const changes = (async () => {
    for (let n = 0; changing; n++) {
      await gql(
        url,
        auth.authorization.slice(7),
        'mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
        { i: { phoneNumber: `4470${String(n).padStart(8, '0')}`, issueDescription: 'live report load' } },
      );
      await sleep(200);
    }
  })();
  const quiet = await probeLatency(url, auth, Math.min(duration, 5));
  const clients = tokens.map((token) =>
    createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
    }),
  );
  let updates = 0;
  let refused = 0;
  const opened = performance.now();
  await Promise.all(
    clients.flatMap((client) =>
      Array.from(
        { length: PER_TOKEN },
        (_, k) =>
          new Promise((resolve) => {
            let first = true;
            client.subscribe(
              { query: LIVE_REPORT, variables: { input: { from: day(-30 * (k + 1)), to: day(0) } } },
              {
                next: (result) => {
                  if (result.errors) refused++;
                  updates++;
                  if (first) {
                    first = false;
                    resolve();
                  }
                },
                error: () => {
                  refused++;
                  resolve();
                },
                complete: () => resolve(),
              },
            );
          }),
      ),
    ),
  );
  const openMs = performance.now() - opened;
  updates = 0;
  const busy = await probeLatency(url, auth, duration);
  changing = false;
  await changes;
  await Promise.all(clients.map((client) => client.dispose()));
  const count = tokens.length * PER_TOKEN;
  note(section, `${count} reports open: all first reports in`, ms(openMs), '', refused ? `${refused} refused` : '');
  note(
    section,
    `/healthz p50 / p99 (tickets changing)`,
    `${ms(percentile(busy.health, 50))} / ${ms(percentile(busy.health, 99))}`,
    `${ms(percentile(quiet.health, 50))} / ${ms(percentile(quiet.health, 99))} (no reports)`,
  );
  note(
    section,
    `{ me } p50 / p99 (tickets changing)`,
    `${ms(percentile(busy.me, 50))} / ${ms(percentile(busy.me, 99))}`,
    `${ms(percentile(quiet.me, 50))} / ${ms(percentile(quiet.me, 99))} (no reports)`,
  );
  note(section, 'report updates delivered per second', (updates / duration).toFixed(0));
}

// 5. Webhook ingest: distinct signed deliveries from 20 concurrent senders, sustained, then a count that
// proves every delivery answered 200 was stored once (each also gets the bot's menu through the outbox).
/** 20 senders post signed deliveries, each from a new person, for `ingestSeconds`; `label` keeps runs apart. */
async function ingestRun(url, database, label) {
  const times = [];
  const answered = new Set();
  let next = 0;
  let refused = 0;
  const load = loadavg()[0];
  const stopAt = performance.now() + ingestSeconds * 1000;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (performance.now() < stopAt) {
        const index = next++;
        const id = `wamid.INGEST${label}${process.pid}x${index}`;
        const body = delivery(`23${label === 'B' ? 5 : 4}8${String(index).padStart(8, '0')}`, 'hello', id);
        const t0 = performance.now();
        const response = await postDelivery(url, body);
        await response.arrayBuffer();
        times.push(performance.now() - t0);
        if (response.status === 200) answered.add(id);
        else refused += 1;
      }
    }),
  );
  const ingestEnded = performance.now();
  const orm = await createOrm(database);
  const execute = (sql) => orm.em.fork().getConnection().execute(sql);
  const [{ c: stored }] = await execute(
    `select count(*) as c from whatsapp_processed_inbound where whatsapp_message_id like 'wamid.INGEST${label}${process.pid}x%'`,
  );
  // The bot answered each delivery through the outbox; the next run or section starts once those are out.
  while (
    Number((await execute("select count(*) as c from whatsapp_outbox where state in ('PENDING', 'SENDING')"))[0].c) > 0
  )
    await sleep(100);
  const drained = (performance.now() - ingestEnded) / 1000;
  await orm.close(true);
  return {
    rate: answered.size / ingestSeconds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    answered: answered.size,
    stored: Number(stored),
    refused,
    drained,
    load: (load + loadavg()[0]) / 2,
  };
}

/**
 * 5. Webhook ingest. The baseline, same run: the same load on a server that stores each delivery in its own
 * transaction, as before group commit (INGEST_GROUP_MAX=1, and the 8 deliveries at once the webhook then allowed).
 */
async function benchIngest(section, url, database, baseline) {
  const ours = await ingestRun(url, database, 'G');
  note(
    section,
    `signed deliveries/s, 20 senders, ${ingestSeconds} s`,
    ours.rate.toFixed(0),
    baseline ? baseline.rate.toFixed(0) : '',
    `${baseline ? `×${(ours.rate / baseline.rate).toFixed(2)}; ` : ''}target ≥ 1,500/s SQLite, ≥ 1,000/s MariaDB`,
  );
  note(
    section,
    'p50 / p99 answer time',
    `${ms(ours.p50)} / ${ms(ours.p99)}`,
    baseline ? `${ms(baseline.p50)} / ${ms(baseline.p99)}` : '',
    'p99 target < 100 ms',
  );
  for (const [name, run] of [
    ['ours', ours],
    ['baseline', baseline],
  ]) {
    if (!run) continue;
    note(
      section,
      `${name}: answered 200 / stored (exactly once each)`,
      `${run.answered} / ${run.stored}`,
      '',
      run.stored === run.answered ? 'none lost, none doubled' : 'MISMATCH',
    );
    if (run.refused) note(section, `${name}: answered other than 200 (WhatsApp retries those)`, run.refused);
  }
  note(
    section,
    "the bot's answers all sent, after the last delivery",
    `${ours.drained.toFixed(1)} s`,
    baseline ? `${baseline.drained.toFixed(1)} s` : '',
  );
  note(section, 'load average (1 min) while it ran', ours.load.toFixed(1), baseline ? baseline.load.toFixed(1) : '');
}

// 6. Outbox: one reply at a time on a quiet desk (what an agent sees), then a burst to 20 people.
async function benchOutbox(section, url, token, standIn) {
  const ticketIds = [];
  for (let i = 0; i < 20; i++)
    ticketIds.push(
      (
        await gql(url, token, 'mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
          i: { phoneNumber: `4479${String(i).padStart(8, '0')}`, issueDescription: 'bench' },
        })
      ).createTicket.id,
    );
  let lastAnswered = 0;
  const send = async (ticketId, body) => {
    const t0 = now();
    await gql(url, token, 'mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }', {
      t: ticketId,
      b: body,
    });
    const answered = now();
    while (!standIn.arrivals.has(body)) await sleep(1);
    lastAnswered = Math.max(lastAnswered, answered);
    return standIn.arrivals.get(body) - t0;
  };
  const quiet = [];
  for (let i = 0; i < (quick ? 20 : 50); i++)
    quiet.push(await send(ticketIds[i % 20], `quiet reply ${i} ${randomBytes(3).toString('hex')}`));
  note(
    section,
    'one reply on a quiet desk: sendMessage → Cloud API p50 / p99',
    `${ms(percentile(quiet, 50))} / ${ms(percentile(quiet, 99))}`,
    '',
    'p50 target < 50 ms',
  );
  const count = quick ? 100 : 400;
  const burst = (label) =>
    Array.from({ length: count }, (_, i) => ({
      ticketId: ticketIds[i % 20],
      body: `${label} ${i} ${randomBytes(3).toString('hex')}`,
    }));
  // Baseline, same run: the burst's sendMessage calls alone, while the stand-in holds its answers and the dispatcher
  // can only wait. The outbox cannot drain faster than agents' replies are written, so this is its ceiling here.
  const alone = burst('baseline reply');
  standIn.hold(true);
  const aloneStarted = now();
  const aloneTimes = await Promise.all(
    alone.map(async ({ ticketId, body }) => {
      const t0 = now();
      await gql(url, token, 'mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }', {
        t: ticketId,
        b: body,
      });
      return now() - t0;
    }),
  );
  const aloneSeconds = (now() - aloneStarted) / 1000;
  standIn.hold(false);
  while (!alone.every(({ body }) => standIn.arrivals.has(body))) await sleep(10);
  await sleep(500);
  const started = now();
  const times = await Promise.all(burst('burst reply').map(({ ticketId, body }) => send(ticketId, body)));
  const finished = now();
  const seconds = (finished - started) / 1000;
  const rate = count / seconds;
  const aloneRate = count / aloneSeconds;
  note(
    section,
    `a burst of ${count} replies to 20 people: replies/s`,
    rate.toFixed(0),
    `${aloneRate.toFixed(0)} (sendMessage alone)`,
    `${(rate / aloneRate).toFixed(2)}× (target ≥ 400/s)`,
  );
  note(
    section,
    'the burst: sendMessage → Cloud API p50 / p99',
    `${ms(percentile(times, 50))} / ${ms(percentile(times, 99))}`,
    `${ms(percentile(aloneTimes, 50))} / ${ms(percentile(aloneTimes, 99))}`,
    `p99 ${(percentile(times, 99) / percentile(aloneTimes, 99)).toFixed(2)}× (target < 1 s)`,
  );
  // How far the dispatcher trails the writes: 0 would be every reply out the moment the last one is written.
  note(section, 'the burst: last reply out, after the last sendMessage answered', ms(finished - lastAnswered));
}

/**
 * Opens `count` subscribers (spread over two processes and over `urls`), then calls `trigger` for each event
 * and times from the moment it returns to the moment the last subscriber has the new ticket. Memory per
 * connection: what `memory()` reports before and after the sockets connected.
 */
async function measureFanOut({ urls, tokens = [], count, plain = false, memory, trigger, pids }) {
  const before = await memory();
  const feeds = [];
  for (const size of [Math.ceil(count / 2), Math.floor(count / 2)].filter(Boolean)) {
    feeds.push(
      await startProcess(join(ROOT, 'bench/subscribers.mjs'), [JSON.stringify({ urls, tokens, count: size, plain })]),
    );
  }
  const times = [];
  try {
    await sleep(500);
    const perConnection = ((await memory()) - before) / count;
    const cpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const cpuBefore = cpu();
    const events = quick ? 5 : 10;
    for (let event = 0; event < events; event++) {
      const lasts = feeds.map(
        (feed) =>
          new Promise((resolve) => {
            const on = (m) => {
              if (!m?.ticketId) return;
              feed.child.off('message', on);
              resolve(m.last);
            };
            feed.child.on('message', on);
          }),
      );
      const started = await trigger(event);
      const last = await Promise.race([
        Promise.all(lasts).then((all) => Math.max(...all)),
        sleep(30_000).then(() => NaN),
      ]);
      times.push(last - started);
      await sleep(200);
    }
    return {
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      perConnection,
      cpuPerEvent: ((cpu() - cpuBefore) * 1000) / events,
    };
  } finally {
    await closeFeeds(feeds);
  }
}

/** A person opens a ticket through real signed deliveries (hi, Chat Support, the issue); resolves at the issue's 200. */
async function fanOutTicket(url, count, event) {
  const phone = `4478${count}${String(event).padStart(6, '0')}${randomBytes(2).readUInt16BE()}`;
  for (const text of ['hi', 'chat support']) await postDelivery(url, delivery(phone, text));
  const response = await postDelivery(url, delivery(phone, `fan-out issue ${event}`));
  const at200 = now();
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  return at200;
}

/**
 * 4. Fan-out: `count` subscribers (tokens of every agent in turn) on ticketCreated and notificationsChanged;
 * a real signed delivery opens a ticket on the first server; timed from its 200. The baseline: a plain `ws`
 * server broadcasting two messages of the same shape to as many sockets, timed from the order to send.
 */
async function benchFanOut(section, servers, tokens, count, withBaseline) {
  // Processes grow as they warm up (compiled code, caches): a small round first keeps that out of the memory figure.
  await measureFanOut({
    urls: servers.map((server) => server.url),
    tokens,
    count: 20,
    memory: async () => 0,
    pids: [],
    trigger: (event) => fanOutTicket(servers[0].url, 20, event),
  });
  const ours = await measureFanOut({
    urls: servers.map((server) => server.url),
    tokens,
    count,
    memory: async () =>
      (await Promise.all(servers.map((server) => server.process.ask('memory', 'memory')))).reduce((a, b) => a + b, 0),
    pids: servers.map((server) => server.process.child.pid),
    trigger: (event) => fanOutTicket(servers[0].url, count, event),
  });
  let plain = null;
  if (withBaseline) {
    const port = await freePort();
    const broadcaster = await startProcess(join(ROOT, 'bench/baseline-server.mjs'), ['ws', String(port)], {}, [
      '--expose-gc',
    ]);
    try {
      plain = await measureFanOut({
        urls: [`http://127.0.0.1:${port}`],
        count,
        plain: true,
        memory: () => broadcaster.ask('memory', 'memory'),
        pids: [broadcaster.child.pid],
        trigger: async (event) => {
          const id = `plain-${count}-${event}`;
          const ticket = { id, senderName: 'P 447800000000', status: 'OPEN', priority: 'MEDIUM', messageCount: 1 };
          const counts = { openTickets: 4000 + event, inProgress: 4000, unassigned: 1300, unreadTickets: 2000 };
          const started = now();
          broadcaster.child.send({
            broadcast: [
              JSON.stringify({
                id: '0c0ffee0-0000-4000-8000-000000000001',
                type: 'next',
                payload: { data: { ticketCreated: ticket } },
              }),
              JSON.stringify({
                id: '0c0ffee0-0000-4000-8000-000000000002',
                type: 'next',
                payload: { data: { notificationsChanged: counts } },
              }),
            ],
          });
          return started;
        },
      });
    } finally {
      await broadcaster.stop();
    }
  }
  note(
    section,
    'webhook 200 → last subscriber has the ticket p50 / p99',
    `${ms(ours.p50)} / ${ms(ours.p99)}`,
    plain ? `${ms(plain.p50)} / ${ms(plain.p99)}` : '',
    `${plain ? `${(ours.p50 / plain.p50).toFixed(1)}× plain ws; ` : ''}p99 target < 100 ms at 5,000`,
  );
  note(
    section,
    'server CPU per new ticket (all its events, every socket)',
    `${ours.cpuPerEvent.toFixed(0)} ms`,
    plain ? `${plain.cpuPerEvent.toFixed(0)} ms` : '',
    plain ? `${(ours.cpuPerEvent / plain.cpuPerEvent).toFixed(1)}× plain ws` : '',
  );
  note(
    section,
    'server memory per connection (heap + buffers after GC)',
    `${(ours.perConnection / 1024).toFixed(1)} KB`,
    plain ? `${(plain.perConnection / 1024).toFixed(1)} KB` : '',
    'target < 30 KB',
  );
}

// 3. SQL statements per operation, from the ORM's query log (an in-process server on the same data).
async function benchSql(section, database) {
  const queries = [];
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', WHATSAPP_SIMULATOR: 'off' });
  config.database = database;
  const counting = await createSupportServer(config, { onQuery: (line) => queries.push(line) });
  try {
    const url = await counting.listen();
    const token = await login(url, 'agent0@bench.test');
    // Steady state: the token is remembered after its first use, as it is for an agent at work.
    await gql(url, token, '{ me { id } }');
    // The log line of the last statement can land just after the answer: a short wait before counting.
    const countFor = async (query, variables) => {
      queries.length = 0;
      await gql(url, token, query, variables);
      await sleep(50);
      if (process.env.BENCH_SHOW_SQL) console.log(queries.join('\n'));
      return queries.filter((l) => /\b(select|insert|update|delete)\b/i.test(l)).length;
    };
    const list = (first) =>
      `{ tickets(first: ${first}) { edges { node { assignee { name } lastMessage { body } messageCount unreadCount } } } }`;
    note(
      section,
      'ticket list, 5 / 50 tickets (token remembered)',
      `${await countFor(list(5))} / ${await countFor(list(50))}`,
      '',
      'target: constant, ≤ 6',
    );
    const busiest = (
      await gql(
        url,
        token,
        '{ tickets(first: 1, orderBy: { field: LAST_MESSAGE_AT, direction: DESC }) { edges { node { id } } } }',
      )
    ).tickets.edges[0].node.id;
    note(
      section,
      'ticket detail with 50 messages',
      await countFor(
        'query($id: ID!) { ticket(id: $id) { id assignee { name } messages(last: 50) { totalCount edges { node { body author { name } } } } } }',
        { id: busiest },
      ),
    );
    note(
      section,
      'notifications',
      await countFor('{ notifications { openTickets inProgress unassigned unreadTickets } }'),
    );
  } finally {
    await counting.close();
  }
}

async function benchDatabase(kind) {
  const databaseUrl =
    kind === 'sqlite'
      ? `sqlite:${join(tmpdir(), `bench-${process.pid}.sqlite`)}`
      : `${MYSQL.replace(/\/?$/, '/')}support_bench_${process.pid}`;
  const database = parseDatabaseUrl(databaseUrl);
  const section = (name) => `${name} (${kind})`;
  const seeded = performance.now();
  await seed(database, sizes);
  console.log(
    `\n[${kind}] seeded ${sizes.tickets} tickets, ${sizes.messages} messages, ${sizes.agents} agents in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const standIn = await startStandIn();
  try {
    // The ingest baseline runs first, alone: two servers on one SQLite file would contend for its write lock.
    let ingestBaseline = null;
    if (only.has('ingest') && process.env.BENCH_INGEST_BASELINE !== 'off') {
      const oldPort = await freePort();
      const old = await startSupport(
        serverEnv(oldPort, databaseUrl, standIn, { INGEST_GROUP_MAX: '1', INGEST_GROUPS_AT_ONCE: '8' }),
      );
      try {
        ingestBaseline = await ingestRun(`http://127.0.0.1:${oldPort}`, database, 'B');
      } finally {
        await old.stop();
      }
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = await startSupport(serverEnv(port, databaseUrl, standIn));
    try {
      const token = await login(url, 'agent0@bench.test');
      const auth = { authorization: `Bearer ${token}` };
      if (only.has('dashboard')) await benchDashboard(section('dashboard query'), url, server, auth, databaseUrl);
      if (only.has('floor')) await benchFloor(section('framework floor'), url, server, auth);
      if (only.has('jit')) await benchCompiled(section('compiled execution'), auth, databaseUrl, standIn);
      if (only.has('report')) await benchReport(section('report'), url, auth, database);
      if (only.has('live-reports')) {
        const tokens = [];
        for (let i = 0; i < sizes.agents; i++) tokens.push(await login(url, `agent${i}@bench.test`));
        await benchLiveReports(section('live reports'), url, auth, tokens);
      }
      if (only.has('ingest')) await benchIngest(section('webhook ingest'), url, database, ingestBaseline);
      if (only.has('outbox')) await benchOutbox(section('outbox'), url, token, standIn);
      if (only.has('fanout')) {
        const tokens = [];
        for (let i = 0; i < sizes.agents; i++) tokens.push(await login(url, `agent${i}@bench.test`));
        for (const count of subscriberCounts)
          await benchFanOut(section(`fan-out ${count} subs`), [{ url, process: server }], tokens, count, true);
        if (REDIS && kind !== 'sqlite') {
          const port2 = await freePort();
          const redisEnv = { REDIS_URL: REDIS, REDIS_PREFIX: `bench${process.pid}:` };
          await server.stop();
          const first = await startSupport(serverEnv(port, databaseUrl, standIn, redisEnv));
          const second = await startSupport(serverEnv(port2, databaseUrl, standIn, redisEnv));
          try {
            const servers = [
              { url, process: first },
              { url: `http://127.0.0.1:${port2}`, process: second },
            ];
            for (const count of subscriberCounts)
              await benchFanOut(section(`fan-out ${count} subs, 2 instances + Redis`), servers, tokens, count, false);
          } finally {
            await Promise.all([first.stop(), second.stop()]);
          }
        }
      }
    } finally {
      await server.stop();
    }
    if (only.has('sql')) await benchSql(section('SQL per operation'), database);
  } finally {
    await standIn.close();
    await dropBenchDatabase(database);
  }
}

async function databaseVersion(kind) {
  const database =
    kind === 'sqlite'
      ? { dialect: 'sqlite', path: ':memory:' }
      : parseDatabaseUrl(`${MYSQL.replace(/\/?$/, '/')}mysql`);
  const orm = await createOrm(database);
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute(kind === 'sqlite' ? 'select sqlite_version() as v' : 'select version() as v');
  await orm.close(true);
  return `${kind === 'sqlite' ? 'SQLite' : 'MariaDB/MySQL'} ${row.v}`;
}

const benchStarted = performance.now();
const kinds = [];
const versions = [];
for (const kind of args.db.split(',').filter(Boolean)) {
  try {
    versions.push(await databaseVersion(kind));
    kinds.push(kind);
  } catch (error) {
    console.warn(`skipping ${kind}: ${error.message}`);
  }
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node.js ${process.version}, ${versions.join(', ')}${REDIS ? ', Redis' : ''}`;
console.log(`machine: ${machine}\nmode: ${quick ? 'quick' : 'full'}, ${duration} s per load run\n`);
console.log(
  `${'section'.padEnd(26)} ${'metric'.padEnd(50)} ${'ours'.padEnd(18)} ${'baseline'.padEnd(18)} ratio / target`,
);
for (const kind of kinds) await benchDatabase(kind);

// 7. The client: what the first screen downloads.
if (only.has('client')) {
  const bundle = fork(join(ROOT, 'scripts/bundle-size.mjs'), [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let bundleOut = '';
  bundle.stdout.on('data', (c) => (bundleOut += c));
  await new Promise((r) => bundle.on('exit', r));
  note(
    'client',
    'first screen JS + CSS, gzipped',
    /first screen: ([\d.]+ KB)/.exec(bundleOut)?.[1] ?? 'not built',
    '',
    'budget 250 KB',
  );
}

const minutes = ((performance.now() - benchStarted) / 60_000).toFixed(1);
console.log(`\nfinished in ${minutes} min`);
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const table = [
  '| section | metric | ours | baseline | ratio / target |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.section} | ${r.metric} | ${r.value} | ${r.baseline} | ${r.ratio} |`),
].join('\n');
const doc = join(ROOT, 'docs', 'benchmarks.md');
const previous = (() => {
  try {
    return readFileSync(doc, 'utf8');
  } catch {
    return '';
  }
})();
const findings = previous.includes('## Findings')
  ? previous.slice(previous.indexOf('## Findings'))
  : '## Findings\n\n(none written yet)\n';
const dataLine = `Data: ${sizes.tickets} tickets, ${sizes.messages} messages, ${sizes.agents} agents; ${duration} s per load run after a 1 s warm-up, ${ingestSeconds} s of webhook ingest; autocannon for HTTP, graphql-ws clients in two processes for subscribers. The run took ${minutes} minutes.`;
writeFileSync(
  doc,
  `# Benchmarks\n\n\`${command}\` on ${new Date().toISOString().slice(0, 10)}.\n\nMachine: ${machine}.\n${dataLine}\n\n${table}\n\n${findings}`,
);
console.log(`wrote ${doc}`);
process.exit(0);
