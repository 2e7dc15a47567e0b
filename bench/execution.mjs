// `npm run build && node bench/execution.mjs [--db sqlite,mariadb] [--rounds 12] [--requests 200]`
// Compiled execution (GRAPHQL_JIT) against graphql-js, measured so that a busy machine moves both sides alike:
// two servers in this one process on the same seeded data, one with it off and one on, asked without sockets
// (Fastify's inject, 10 requests in flight) in alternating rounds; the figure is this process's CPU time per
// request (user + system), the median of the rounds. What differs between the two is the execution alone.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, parseDatabaseUrl } from '../dist/src/config.js';
import { createServer } from '../dist/src/server.js';
import { dropBenchDatabase } from './lib.mjs';
import { BENCH_PASSWORD, seed } from './seed.mjs';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,mariadb' },
    rounds: { type: 'string', default: '12' },
    requests: { type: 'string', default: '200' },
  },
});
const ROUNDS = Number(args.rounds);
const REQUESTS = Number(args.requests);
const IN_FLIGHT = 10;
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';
const DASHBOARD =
  '{ tickets(first: 50, filter: { status: [OPEN, IN_PROGRESS] }) { edges { node { id senderName status priority assignee { name } lastMessage { body } messageCount unreadCount } } } }';
const QUERIES = [
  ['dashboard query', DASHBOARD],
  ['{ __typename }', '{ __typename }'],
];

const post = (server, token, query, variables) =>
  server.http.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query, variables }),
  });

async function start(database, jit) {
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    LOG_LEVEL: 'silent',
    WHATSAPP_SIMULATOR: 'off',
    WHATSAPP_APP_SECRET: 'bench-app-secret',
    WHATSAPP_VERIFY_TOKEN: 'bench',
    GRAPHQL_JIT: jit,
    RATE_LIMIT_LOGIN_ATTEMPTS: '100000',
  });
  config.database = database;
  const server = await createServer(config);
  await server.http.ready();
  const login = await post(
    server,
    null,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    {
      e: 'agent0@bench.test',
      p: BENCH_PASSWORD,
    },
  );
  return { server, token: login.json().data.login.token };
}

/** CPU microseconds per request for `REQUESTS` requests, `IN_FLIGHT` at a time. */
async function round({ server, token }, query) {
  const before = process.cpuUsage();
  let sent = 0;
  const worker = async () => {
    while (sent < REQUESTS) {
      sent++;
      const response = await post(server, token, query);
      if (response.statusCode !== 200 || response.json().errors) throw new Error(response.body);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / REQUESTS;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const kind of args.db.split(',').filter(Boolean)) {
  const databaseUrl =
    kind === 'sqlite'
      ? `sqlite:${join(tmpdir(), `bench-execution-${process.pid}.sqlite`)}`
      : `${MYSQL.replace(/\/?$/, '/')}support_bench_execution_${process.pid}`;
  const database = parseDatabaseUrl(databaseUrl);
  await seed(database, { tickets: 10_000, messages: 100_000, agents: 20 });
  const off = await start(database, '0');
  const on = await start(database, '1');
  try {
    for (const [name, query] of QUERIES) {
      const [a, b] = [await post(off.server, off.token, query), await post(on.server, on.token, query)];
      if (a.body !== b.body) throw new Error(`${name}: the answers differ`);
      const figures = { off: [], on: [] };
      // A warm-up round each (the compiled query is made on the second sight), then alternating rounds.
      await round(off, query);
      await round(on, query);
      for (let i = 0; i < ROUNDS; i++) {
        const order = i % 2 ? ['on', 'off'] : ['off', 'on'];
        for (const side of order) figures[side].push(await round(side === 'on' ? on : off, query));
      }
      const [plain, compiled] = [median(figures.off), median(figures.on)];
      console.log(
        `${kind.padEnd(8)} ${name.padEnd(16)} CPU per request: graphql-js ${plain.toFixed(0)} µs, compiled ${compiled.toFixed(0)} µs, ` +
          `${(plain / compiled).toFixed(2)}× (rounds: off ${figures.off.map((v) => v.toFixed(0)).join(' ')}; on ${figures.on.map((v) => v.toFixed(0)).join(' ')})`,
      );
    }
  } finally {
    await off.server.close();
    await on.server.close();
    await dropBenchDatabase(database);
  }
}
console.log(
  `load average at the end: ${(await import('node:os'))
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')}`,
);
process.exit(0);
