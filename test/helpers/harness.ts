// One place that builds what tests need: a real server on an ephemeral port, on SQLite or MariaDB,
// and real clients for it (fetch for HTTP, graphql-ws for WebSocket).
import 'reflect-metadata';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, parseDatabaseUrl, type DatabaseConfig } from '../../src/config.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { startCloudApiStandIn, VERIFY_TOKEN, WEBHOOK_SECRET, type CloudApiStandIn } from './cloud-api-stand-in.js';
import { createServer, type SupportServer } from '../../src/server.js';
import { removeSqliteDatabase } from '../../src/db/sqlite-tuning.js';

export type DatabaseKind = 'sqlite' | 'mariadb';

export const ADMIN_EMAIL = 'admin@example.test';
export const ADMIN_PASSWORD = 'correct horse battery';

const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';

async function isPortOpen(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 3306) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const mysqlAvailable = await isPortOpen(MYSQL_URL);
if (!mysqlAvailable) {
  if (process.env.REQUIRE_MYSQL === '1')
    throw new Error(`REQUIRE_MYSQL=1 but no MySQL/MariaDB answers at ${MYSQL_URL}`);
  console.warn(
    `SKIPPING the MariaDB/MySQL runs: nothing answers at ${MYSQL_URL} (set TEST_MYSQL_URL, or REQUIRE_MYSQL=1 to make this a failure)`,
  );
}

/** The databases every integration suite runs on; MariaDB only where it answers. */
export const databases: DatabaseKind[] = mysqlAvailable ? ['sqlite', 'mariadb'] : ['sqlite'];

function freshDatabase(kind: DatabaseKind): DatabaseConfig {
  const name = `support_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (kind === 'sqlite') return { dialect: 'sqlite', path: join(tmpdir(), `${name}.sqlite`) };
  return parseDatabaseUrl(`${MYSQL_URL.replace(/\/?$/, '/')}${name}`);
}

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface TestServer {
  url: string;
  wsUrl: string;
  server: SupportServer;
  kind: DatabaseKind;
  /** Pass as `startServer(kind, env, { database })` to start another instance on the same data. */
  database: DatabaseConfig;
  /** Every SQL statement the server ran; tests may clear it. */
  queries: string[];
  adminToken: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphqlResponse<T>>;
  /** Like gql, but fails the test on any error and returns the data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  login(email?: string, password?: string): Promise<string>;
  /** Creates an agent through the API and signs them in. */
  createAgent(name: string, role?: 'ADMIN' | 'AGENT'): Promise<{ id: string; token: string; email: string }>;
  ws(token: string | null): Client;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Share another server's database (a second instance, or a restart); the first owner drops it. */
  database?: DatabaseConfig;
}

export async function startServer(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const ownsDatabase = !options.database;
  const database = options.database ?? freshDatabase(kind);
  // `startServer(kind, { NODE_ENV: 'production' })` is the server as operators run it; production requires its
  // secrets, and such a test gets the Cloud API stand-in's.
  const required =
    env.NODE_ENV === 'production' ? { WHATSAPP_APP_SECRET: WEBHOOK_SECRET, WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN } : {};
  const config = loadConfig({
    NODE_ENV: 'test',
    ...required,
    PORT: '0',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Replies stay PENDING unless a test attaches WhatsApp (the simulator, or a Cloud API stand-in).
    WHATSAPP_SIMULATOR: 'off',
    // Resolving a ticket sends no satisfaction survey unless a test asks for one: other tests count the sends.
    CSAT_SURVEY: 'off',
    // Fetched media go to a folder of this server's own, removed when it closes.
    MEDIA_DIR: join(tmpdir(), `support_media_${process.pid}_${randomBytes(4).toString('hex')}`),
    // The snooze sweep's statements stay out of the SQL counts unless a test asks for a sweep.
    SNOOZE_SWEEP_MS: '3600000',
    SLA_SWEEP_MS: '3600000',
    // Likewise the webhook dispatcher's idle poll (a commit that queues deliveries still wakes it at once).
    WEBHOOKS_POLL_MS: '60000',
    // scrypt at 2^14 rather than production's 2^17: a sign-in costs ~50 ms instead of ~400 ms (far more on a busy
    // machine), and the suite signs in hundreds of times. test/auth/accounts.test.ts signs in at the production cost.
    PASSWORD_HASH_COST: '14',
    ...env,
  });
  config.database = database;
  const queries: string[] = [];
  const server = await createServer(config, { onQuery: (sql) => queries.push(sql) });
  const url = await server.listen();
  const wsUrl = `${url.replace(/^http/, 'ws')}/graphql`;
  const clients: Client[] = [];

  const gql: TestServer['gql'] = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphqlResponse<any>;
    return { ...body, status: response.status };
  };
  const login = async (email = ADMIN_EMAIL, password = ADMIN_PASSWORD) => {
    const result = await gql<{ login: { token: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password },
    );
    if (!result.data?.login) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  };
  const adminToken = await login();
  const ok: TestServer['ok'] = async (query, variables, token = adminToken) => {
    const result = await gql(query, variables, token);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as any;
  };
  let agents = 0;
  const createAgent: TestServer['createAgent'] = async (name, role = 'AGENT') => {
    const email = `agent${++agents}.${randomBytes(3).toString('hex')}@example.test`;
    const password = 'agent password 1';
    const data = await ok<{ createAgent: { id: string } }>(
      'mutation($input: CreateAgentInput!) { createAgent(input: $input) { id } }',
      { input: { email, name, password, role } },
    );
    return { id: data.createAgent.id, token: await login(email, password), email };
  };
  const ws = (token: string | null) => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    return client;
  };
  return {
    url,
    wsUrl,
    server,
    kind,
    database,
    queries,
    adminToken,
    gql,
    ok,
    login,
    createAgent,
    ws,
    async close() {
      await Promise.all(clients.map((client) => client.dispose()));
      if (ownsDatabase && database.dialect !== 'sqlite') await server.services.orm.schema.dropDatabase(database.dbName);
      await server.close();
      if (ownsDatabase && database.dialect === 'sqlite') removeSqliteDatabase(database.path);
      if (ownsDatabase) rmSync(config.media.dir, { recursive: true, force: true });
    },
  };
}

/** A phone number no other test uses, so tests sharing a database can filter to their own tickets. */
let phoneCounter = randomBytes(2).readUInt16BE();
/**
 * A number no other call in this test process gets: a counter, not chance (two random numbers taken in the
 * same millisecond once collided, and two people's replies went to one stand-in phone).
 */
export function uniquePhone(): string {
  phoneCounter = (phoneCounter + 1) % 1_000_000;
  return `44${String(process.pid % 1000).padStart(3, '0')}${String(Date.now() % 10_000).padStart(4, '0')}${String(phoneCounter).padStart(6, '0')}`;
}

export const TICKET_FIELDS = `id phoneNumber senderName issueDescription status priority studentId createdAt updatedAt
  resolvedAt firstResponseAt lastMessageAt replyWindowClosesAt messageCount unreadCount
  assignee { id name email role } lastMessage { id body senderType }`;

export async function createTicket(
  server: TestServer,
  input: { phoneNumber?: string; senderName?: string; issueDescription?: string; priority?: string } = {},
  token?: string,
) {
  const data = await server.ok<{ createTicket: any }>(
    `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ${TICKET_FIELDS} } }`,
    {
      input: {
        phoneNumber: uniquePhone(),
        senderName: 'Ann Lee',
        issueDescription: 'I cannot see my exam results',
        ...input,
      },
    },
    token,
  );
  return data.createTicket;
}

// --- WhatsApp: signed webhook deliveries, as the Cloud API posts them ---

export const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/whatsapp');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, `${name}.json`));
}

export function sign(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs exactly these bytes to the webhook, signed with `secret` (or with the given header, or none). */
export async function postWebhook(
  server: TestServer,
  body: Buffer | string,
  options: { secret?: string; signature?: string | null; contentType?: string } = {},
): Promise<Response> {
  const signature = options.signature === undefined ? sign(options.secret ?? WEBHOOK_SECRET, body) : options.signature;
  return fetch(`${server.url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    },
    body,
  });
}

let wamidCounter = 0;
/** A text message from a person, as WhatsApp would deliver it now (or `sentAt` ago). */
export function inboundText(from: string, text: string, options: { name?: string; sentAt?: Date; id?: string } = {}) {
  return inboundMessage(from, { type: 'text', text: { body: text } }, options);
}

/** A person opens a ticket on WhatsApp; their issue message was sent `ago` ms before now (its webhook timestamp, where SLA clocks start). */
export async function openFromWhatsapp(server: TestServer, ago: number): Promise<{ id: string; phone: string }> {
  const phone = uniquePhone();
  const choice = inboundMessage(phone, {
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: { id: 'chat_support', title: '💬 Chat Support' } },
  });
  expect((await postWebhook(server, choice.body)).status).toBe(200);
  expect(
    (
      await postWebhook(
        server,
        inboundText(phone, 'My grades are missing', { sentAt: new Date(Date.now() - ago) }).body,
      )
    ).status,
  ).toBe(200);
  const found = await server.ok(
    'query($p: String) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { id } } } }',
    { p: phone },
  );
  return { id: found.tickets.edges[0].node.id, phone };
}

/** A Cloud-API-shaped delivery around one change's value. */
export function delivery(value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

const unixSeconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

export function inboundMessage(
  from: string,
  content: Record<string, unknown>,
  options: { name?: string; sentAt?: Date; id?: string } = {},
) {
  const id = options.id ?? `wamid.TEST${process.pid}x${++wamidCounter}x${randomBytes(4).toString('hex')}`;
  const body = delivery({
    contacts: [{ profile: { name: options.name ?? 'Test Person' }, wa_id: from }],
    messages: [{ from, id, timestamp: unixSeconds(options.sentAt ?? new Date()), ...content }],
  });
  return { id, body };
}

/** A delivery receipt for a message we sent. */
export function receipt(
  whatsappMessageId: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  recipient: string,
  error?: { code: number; title: string },
) {
  const errors = error ? { errors: [{ code: error.code, title: error.title, message: error.title }] } : {};
  return delivery({
    statuses: [
      { id: whatsappMessageId, status, timestamp: unixSeconds(new Date()), recipient_id: recipient, ...errors },
    ],
  });
}

/** Polls `check` until it returns a value that is not undefined, or fails after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  ms = 10_000,
  what = 'the expected state',
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * For a describe block: a server whose WhatsApp channel talks to its own Cloud API stand-in, both
 * started before the block's tests and closed after them. Read `.server` and `.standIn` inside tests.
 * `extraEnv` may be a function, called when the server starts.
 */
export function useServerWithCloudApi(
  kind: DatabaseKind,
  extraEnv: Record<string, string> | (() => Record<string, string>) = {},
) {
  const world = {} as { server: TestServer; standIn: CloudApiStandIn };
  beforeAll(async () => {
    world.standIn = await startCloudApiStandIn();
    // A function is read only now, so it may name what earlier beforeAll hooks started (an S3 stand-in's URL).
    world.server = await startServer(kind, world.standIn.env(typeof extraEnv === 'function' ? extraEnv() : extraEnv));
  });
  afterAll(async () => {
    await world.server?.close();
    await world.standIn?.close();
  });
  return world;
}

export const REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6379);

/** Whether Redis answers, for the multi-instance tests (`what` names them); REQUIRE_REDIS=1 (CI) makes its absence a failure. */
export async function redisAnswers(what: string): Promise<boolean> {
  const answers = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: REDIS_PORT });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (!answers) {
    if (process.env.REQUIRE_REDIS === '1')
      throw new Error(`REQUIRE_REDIS=1 but no Redis answers on 127.0.0.1:${REDIS_PORT}`);
    console.warn(`SKIPPING ${what}: no Redis on 127.0.0.1:${REDIS_PORT}`);
  }
  return answers;
}
