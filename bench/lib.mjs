// What the benchmarks share: starting the real server (production mode, in its own process) and its stand-ins,
// driving it over HTTP (autocannon, GraphQL, signed webhook deliveries), and reading figures.
import { fork } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createOrm } from '../dist/src/db/orm.js';
import { removeSqliteDatabase } from '../dist/src/db/sqlite-tuning.js';
import { BENCH_PASSWORD } from './seed.mjs';

export const ROOT = join(import.meta.dirname, '..');
export const SECRET = 'bench-app-secret';

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
export const ms = (value) => `${value.toFixed(1)} ms`;
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));
export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
export const sign = (body) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

export function delivery(from, text, id = `wamid.BENCH${randomBytes(9).toString('hex')}`) {
  return JSON.stringify({
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
              contacts: [{ profile: { name: `P ${from}` }, wa_id: from }],
              messages: [
                { from, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } },
              ],
            },
          },
        ],
      },
    ],
  });
}
export const postDelivery = (url, body) =>
  fetch(`${url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
    body,
  });

/**
 * A Cloud API stand-in that accepts everything, notes when each text arrived and tells `onSend` each message id it
 * answers with. While `hold(true)`, it keeps its
 * answers back (the dispatcher then waits on its sends in flight and does nothing else) until `hold(false)`.
 */
export async function startStandIn({ onSend } = {}) {
  const arrivals = new Map();
  let count = 0;
  let held = null;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      count += 1;
      let sent = {};
      try {
        sent = JSON.parse(body);
      } catch {}
      const text = sent.text?.body;
      if (text) arrivals.set(text, now());
      const id = `wamid.S${count}${randomBytes(4).toString('hex')}`;
      onSend?.({ id, to: sent.to });
      const answer = () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ messages: [{ id }] }));
      };
      if (held) held.push(answer);
      else answer();
    });
  });
  const port = await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    hold(on) {
      const waiting = held ?? [];
      held = on ? [] : null;
      for (const answer of waiting) answer();
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** Forks a script and waits until it says it listens (a log line, or 'ready' on the IPC channel). */
export async function startProcess(script, argv, env = {}, execArgv = []) {
  const child = fork(script, argv, {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within 60 s: ${output}`));
    }, 60_000);
    const started = () => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve();
    };
    const poll = setInterval(() => /listening on/.test(output) && started(), 50);
    child.on('message', (m) => (m === 'ready' || m?.ready) && started());
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`${script} exited ${code}: ${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    child,
    ask: (message, field) =>
      new Promise((resolve) => {
        const on = (m) => {
          if (m?.[field] === undefined) return;
          child.off('message', on);
          resolve(m[field]);
        };
        child.on('message', on);
        child.send(message);
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Seconds of CPU the process has used (user + system), from /proc. */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** autocannon against one URL: a short warm-up first (JIT, caches, lazily loaded modules), then the measured run. */
export async function load(url, { body, headers = {}, connections = 50, seconds = 10, pid }) {
  const options = { url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
  await autocannon({ ...options, connections: Math.min(connections, 10), duration: 1 });
  const cpuBefore = pid ? cpuSeconds(pid) : 0;
  const result = await autocannon({ ...options, connections, duration: seconds });
  const cpuPerRequest = pid ? ((cpuSeconds(pid) - cpuBefore) * 1e6) / result.requests.total : NaN;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
    cpuPerRequest,
  };
}

export const gql = async (url, token, query, variables) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = await response.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
};
export const login = async (url, email) =>
  (
    await gql(url, null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: email,
      p: BENCH_PASSWORD,
    })
  ).login.token;

export const DASHBOARD =
  '{ tickets(first: 50, filter: { status: [OPEN, IN_PROGRESS] }) { edges { node { id senderName status priority assignee { name } lastMessage { body } messageCount unreadCount } } } }';

export const serverEnv = (port, databaseUrl, standIn, extra = {}) => ({
  NODE_ENV: 'production',
  PORT: String(port),
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'info',
  WHATSAPP_APP_SECRET: SECRET,
  WHATSAPP_VERIFY_TOKEN: 'bench',
  WHATSAPP_ACCESS_TOKEN: 'bench',
  WHATSAPP_PHONE_NUMBER_ID: '1',
  WHATSAPP_API_URL: standIn.url,
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
  RATE_LIMIT_TICKETS_PER_PHONE_PER_HOUR: '100000',
  RATE_LIMIT_LOGIN_ATTEMPTS: '100000',
  // Every bench client comes from 127.0.0.1: thousands of sockets from one address is the load, not an attack.
  HTTP_MAX_CONNECTIONS_PER_ADDRESS: '0',
  // The outbox section measures how fast the dispatcher drains, not the business number's pace (80/s by default).
  OUTBOX_RATE_PER_SECOND: '100000',
  ...extra,
});
export const startSupport = (env) =>
  startProcess(join(ROOT, 'dist/src/main.js'), [], env, [
    '--expose-gc',
    '--import',
    join(ROOT, 'bench/probe.mjs'),
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
  ]);

export const REPORT = `query($input: ReportInput!) { deskReport(input: $input) { opened resolved backlogAtEnd firstResponse { medianSeconds p90Seconds }
  resolution { medianSeconds p90Seconds } days { date opened resolved backlog } agents { agent { id } opened resolved firstResponse { medianSeconds p90Seconds } } } }`;

/** Removes a database the bench seeded: the SQLite file with its log, or the MariaDB/MySQL database. */
export async function dropBenchDatabase(database) {
  if (database.dialect === 'sqlite') {
    removeSqliteDatabase(database.path);
  } else {
    const orm = await createOrm(database);
    await orm.schema.dropDatabase(database.dbName);
    await orm.close(true);
  }
}

/** Asks each subscriber process to close its sockets and exit; one that has not gone in 10 s is killed. */
export const closeFeeds = (feeds) =>
  Promise.all(
    feeds.map(
      (feed) =>
        new Promise((resolve) => {
          feed.child.once('exit', resolve);
          feed.child.send('close');
          setTimeout(() => feed.child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
