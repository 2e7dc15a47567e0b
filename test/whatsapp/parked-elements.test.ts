// One element of a delivery that cannot be stored never costs the others: it is parked where admins see it,
// the delivery is answered 200, and a replay changes nothing. Admins retry (after a fix) or dismiss it.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config.js';
import { createOrm } from '../../src/db/orm.js';
import { startCloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import {
  databases,
  delivery,
  postWebhook,
  startServer,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

type World = ReturnType<typeof useServerWithCloudApi>;

const THREAD = `query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { edges { node { id
  messages(last: 50) { edges { node { body senderType } } } } } } }`;
const PARKED = `query($first: Int, $after: String, $state: InboundFailureState) { inboundFailures(first: $first, after: $after, state: $state) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id kind state whatsappId sender field phoneNumberId errorCode errorMessage attempts receivedAt rawJson } } } }`;
const RETRY = 'mutation($id: ID!) { retryInboundFailure(id: $id) { id state errorCode errorMessage attempts } }';
const DISMISS = 'mutation($id: ID!) { dismissInboundFailure(id: $id) { id state } }';
const AUDIT = '{ auditLog(first: 20) { action actorLabel before after } }';

const seconds = () => String(Math.floor(Date.now() / 1000));
let counter = 0;
const wamid = (tag: string) => `wamid.PARK${process.pid}x${++counter}x${tag}`;
const text = (from: string, body: string, id = wamid('T')) => ({
  from,
  id,
  timestamp: seconds(),
  type: 'text',
  text: { body },
});

async function openTicket(server: TestServer): Promise<string> {
  const phone = uniquePhone();
  await server.ok('mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
    i: { phoneNumber: phone, issueDescription: 'Opened by an agent' },
  });
  return phone;
}

const personBodies = async (server: TestServer, phone: string): Promise<string[]> =>
  (await server.ok(THREAD, { phone })).tickets.edges[0].node.messages.edges
    .filter(
      (edge: { node: { senderType: string; body: string } }) =>
        edge.node.senderType === 'USER' && edge.node.body !== 'Opened by an agent',
    )
    .map((edge: { node: { body: string } }) => edge.node.body);

const parked = async (server: TestServer) => (await server.ok(PARKED, { first: 100 })).inboundFailures;
const parkedWith = async (server: TestServer, id: string) =>
  (await parked(server)).edges
    .map((edge: { node: any }) => edge.node)
    .find((node: { whatsappId: string | null }) => node.whatsappId?.startsWith(id.slice(0, 100)));

/** The poison kinds of issue 12: each the middle element of [good, poison, good] from one person. */
const POISONS: { name: string; code: string | null; poison: (phone: string) => Record<string, unknown> }[] = [
  { name: 'a sender of 33 digits', code: 'INVALID_ID', poison: () => text('1'.repeat(33), 'hello from nowhere') },
  {
    name: 'a media id of 129 characters',
    code: 'INVALID_ID',
    poison: (phone) => ({
      from: phone,
      id: wamid('M'),
      timestamp: seconds(),
      type: 'image',
      image: { id: 'm'.repeat(129), mime_type: 'image/jpeg', sha256: 'a'.repeat(64) },
    }),
  },
  {
    name: 'a sha256 of 65 characters',
    code: 'INVALID_ID',
    poison: (phone) => ({
      from: phone,
      id: wamid('S'),
      timestamp: seconds(),
      type: 'document',
      document: { id: '1234567890', mime_type: 'application/pdf', sha256: 'b'.repeat(65), filename: 'form.pdf' },
    }),
  },
  {
    name: 'a message id of 200 characters',
    code: 'INVALID_ID',
    poison: (phone) => text(phone, 'absurd id', `wamid.${'x'.repeat(194)}`),
  },
];

describe.each(databases)('parked webhook elements on %s', (kind) => {
  const world: World = useServerWithCloudApi(kind);
  const post = async (body: string) => (await postWebhook(world.server, body)).status;

  for (const { name, code, poison } of POISONS) {
    it(`[good, ${name}, good]: both good messages are in the thread, the poison is parked, a replay changes nothing`, async () => {
      const { server } = world;
      const phone = await openTicket(server);
      const bad = poison(phone);
      const body = delivery({
        contacts: [{ profile: { name: 'Poison Test' }, wa_id: phone }],
        messages: [text(phone, `first good ${name}`), bad, text(phone, `second good ${name}`)],
      });
      const before = (await parked(server)).totalCount;
      expect(await post(body)).toBe(200);
      expect(await personBodies(server, phone)).toEqual([`first good ${name}`, `second good ${name}`]);
      const row = await parkedWith(server, String(bad.id));
      expect(row).toMatchObject({
        kind: 'message',
        state: 'PARKED',
        errorCode: code,
        field: 'messages',
        phoneNumberId: '106540352242922',
        attempts: 1,
      });
      expect(JSON.parse(row.rawJson).messages).toEqual([bad]);
      expect((await parked(server)).totalCount).toBe(before + 1);

      expect(await post(body)).toBe(200);
      expect(await personBodies(server, phone)).toEqual([`first good ${name}`, `second good ${name}`]);
      expect((await parked(server)).totalCount).toBe(before + 1);
    });
  }

  it('[good, text with U+0000, good]: the NUL is removed and all three are stored, nothing parked', async () => {
    const { server } = world;
    const phone = await openTicket(server);
    const before = (await parked(server)).totalCount;
    const body = delivery({
      messages: [text(phone, 'good one'), text(phone, 'nul\u0000 here\u0000'), text(phone, 'good two')],
    });
    expect(await post(body)).toBe(200);
    expect(await post(body)).toBe(200);
    expect(await personBodies(server, phone)).toEqual(['good one', 'nul here', 'good two']);
    expect((await parked(server)).totalCount).toBe(before);
  });

  it('a status with an absurd id is parked; the receipts beside it still apply', async () => {
    const { server } = world;
    const absurd = `wamid.${'s'.repeat(300)}`;
    const body = delivery({
      statuses: [
        { id: 'wamid.UNKNOWN-TO-US-1', status: 'delivered', timestamp: seconds(), recipient_id: '447700900001' },
        { id: absurd, status: 'read', timestamp: seconds(), recipient_id: '447700900001' },
      ],
    });
    expect(await post(body)).toBe(200);
    const row = await parkedWith(server, absurd);
    expect(row).toMatchObject({ kind: 'status', errorCode: 'INVALID_ID', sender: '447700900001' });
    expect(row.whatsappId.length).toBeLessThanOrEqual(128);
    const count = (await parked(server)).totalCount;
    expect(await post(body)).toBe(200);
    expect((await parked(server)).totalCount).toBe(count);
  });

  it('a message the database refuses is parked with the database’s error; retried after the fix it joins the thread', async () => {
    const { server } = world;
    const phone = await openTicket(server);
    const connection = server.server.services.orm.em.getConnection();
    // The fault: the database refuses one message (as a too-narrow column or a bad trigger would).
    if (kind === 'sqlite') {
      await connection.execute(
        `create trigger refuse_poison before insert on support_messages when new.message like '%refused by the database%' begin select raise(abort, 'refused by the test trigger'); end`,
      );
    } else {
      await connection.execute(
        `create trigger refuse_poison before insert on support_messages for each row begin if new.message like '%refused by the database%' then signal sqlstate '45000' set message_text = 'refused by the test trigger'; end if; end`,
      );
    }
    const poison = text(phone, 'this one is refused by the database');
    const body = delivery({ messages: [text(phone, 'before it'), poison, text(phone, 'after it')] });
    try {
      expect(await post(body)).toBe(200);
      expect(await personBodies(server, phone)).toEqual(['before it', 'after it']);
      const row = await parkedWith(server, poison.id);
      expect(row).toMatchObject({ kind: 'message', sender: phone, state: 'PARKED' });
      expect(row.errorMessage).toContain('refused by the test trigger');
      expect(row.errorMessage).not.toMatch(/insert into/i);

      const again = (await server.ok(RETRY, { id: row.id })).retryInboundFailure;
      expect(again).toMatchObject({ state: 'PARKED', attempts: 2 });
      expect(await personBodies(server, phone)).toEqual(['before it', 'after it']);
    } finally {
      await connection.execute('drop trigger refuse_poison');
    }
    const row = await parkedWith(server, poison.id);
    const retried = (await server.ok(RETRY, { id: row.id })).retryInboundFailure;
    expect(retried).toMatchObject({ state: 'RESOLVED', attempts: 3 });
    expect(await personBodies(server, phone)).toEqual(['before it', 'after it', 'this one is refused by the database']);
    expect(await parkedWith(server, poison.id)).toBeUndefined();
    // Resolved, the same delivery again adds nothing: the message is stored, the row is kept.
    expect(await post(body)).toBe(200);
    expect(await personBodies(server, phone)).toEqual(['before it', 'after it', 'this one is refused by the database']);
    const resolved = (await server.ok(PARKED, { first: 100, state: 'RESOLVED' })).inboundFailures.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
    expect(resolved).toContain(row.id);
    const audit = (await server.ok(AUDIT)).auditLog.filter(
      (entry: { action: string }) => entry.action === 'inbound-failure.retried',
    );
    expect(audit[0]).toMatchObject({
      actorLabel: 'admin@example.test',
      before: { state: 'PARKED' },
      after: { state: 'RESOLVED' },
    });
  });

  it('admins retry and dismiss over GraphQL, see the count live; agents are refused and read 0', async () => {
    const { server } = world;
    const agent = await server.createAgent('Agent Parks', 'AGENT');
    const feed = await subscribe(server, server.adminToken, 'subscription { notificationsChanged { parkedElements } }');
    const start = (await server.ok('{ notifications { parkedElements } }')).notifications.parkedElements;
    const poison = text('9'.repeat(40), 'from a number too long');
    expect(await post(delivery({ messages: [poison] }))).toBe(200);
    expect((await feed.next()).parkedElements).toBe(start + 1);
    expect((await server.ok('{ notifications { parkedElements } }')).notifications.parkedElements).toBe(start + 1);
    expect(
      (await server.ok('{ notifications { parkedElements } }', {}, agent.token)).notifications.parkedElements,
    ).toBe(0);

    const row = await parkedWith(server, poison.id);
    for (const [query, variables] of [
      [PARKED, { first: 5 }],
      [RETRY, { id: row.id }],
      [DISMISS, { id: row.id }],
    ] as const) {
      const refused = await server.gql(query, variables, agent.token);
      expect(refused.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }

    // Refused again by the same rule: still parked, with the attempt counted.
    expect((await server.ok(RETRY, { id: row.id })).retryInboundFailure).toMatchObject({
      state: 'PARKED',
      errorCode: 'INVALID_ID',
      attempts: 2,
    });
    expect((await server.ok(DISMISS, { id: row.id })).dismissInboundFailure).toMatchObject({ state: 'DISMISSED' });
    expect(await parkedWith(server, poison.id)).toBeUndefined();
    expect((await server.ok('{ notifications { parkedElements } }')).notifications.parkedElements).toBe(start);
    const dismissedAgain = await server.gql(DISMISS, { id: row.id }, server.adminToken);
    expect(dismissedAgain.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(RETRY, { id: '999999' }, server.adminToken)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    // Dismissed, the same element delivered again is not parked again.
    expect(await post(delivery({ messages: [poison] }))).toBe(200);
    expect(await parkedWith(server, poison.id)).toBeUndefined();
    const actions = (await server.ok(AUDIT)).auditLog.map((entry: { action: string }) => entry.action);
    expect(actions).toContain('inbound-failure.dismissed');
    feed.stop();
  });

  it('lists parked elements newest first, a page at a time', async () => {
    const { server } = world;
    const ids = [1, 2, 3].map(() => text('8'.repeat(34), 'paged').id);
    for (const id of ids) expect(await post(delivery({ messages: [text('8'.repeat(34), 'paged', id)] }))).toBe(200);
    const first = (await server.ok(PARKED, { first: 2 })).inboundFailures;
    expect(first.edges.map((edge: { node: { whatsappId: string } }) => edge.node.whatsappId)).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await server.ok(PARKED, { first: 1, after: first.pageInfo.endCursor })).inboundFailures;
    expect(second.edges[0].node.whatsappId).toBe(ids[0]);
  });
});

const MYSQL = process.env.TEST_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';

describe.runIf(databases.includes('mariadb'))('a transient failure on mariadb', () => {
  it('answers 503 while the database is away and parks nothing; WhatsApp’s retry then stores every element once', async () => {
    const standIn = await startCloudApiStandIn();
    const proxy = await startTcpProxy(Number(new URL(MYSQL).port || 3306));
    const direct = `${MYSQL.replace(/\/?$/, '/')}support_transient_${process.pid}_${randomBytes(3).toString('hex')}`;
    const server = await startServer('mariadb', standIn.env(), {
      database: parseDatabaseUrl(direct.replace(/:(\d+)\//, `:${proxy.port}/`)),
    });
    try {
      const phone = await openTicket(server);
      const body = delivery({
        messages: [text(phone, 'sent while the database was away'), text(phone, 'and another')],
      });
      proxy.cut();
      expect(await postWebhook(server, body).then((response) => response.status)).toBe(503);
      proxy.restore();
      const deadline = Date.now() + 20_000;
      while ((await fetch(`${server.url}/readyz`)).status !== 200 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await postWebhook(server, body)).status).toBe(200);
      expect((await postWebhook(server, body)).status).toBe(200);
      expect(await personBodies(server, phone)).toEqual(['sent while the database was away', 'and another']);
      expect((await parked(server)).totalCount).toBe(0);
    } finally {
      await server.close();
      await proxy.close();
      await standIn.close();
      const config = parseDatabaseUrl(direct) as Extract<DatabaseConfig, { dialect: 'mariadb' | 'mysql' }>;
      const orm = await createOrm(config);
      await orm.schema.dropDatabase(config.dbName);
      await orm.close(true);
    }
  }, 60_000);
});
