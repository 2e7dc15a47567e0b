// Several instances behind a load balancer: one MariaDB database and one Redis shared between them.
import { randomBytes } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverError, startCloudApiStandIn, type CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import {
  createTicket,
  REDIS_PORT,
  redisAnswers,
  databases,
  startServer,
  uniquePhone,
  type TestServer,
} from '../helpers/harness.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

const redisAvailable = await redisAnswers('the multi-instance tests');

/** Collects a subscription's events, to wait for one that matches. */
function collect(client: Client, query: string) {
  const events: any[] = [];
  client.subscribe(
    { query },
    { next: (result) => events.push(result.data), error: () => undefined, complete: () => undefined },
  );
  return {
    events,
    async waitFor(predicate: (event: any) => boolean, ms = 10_000): Promise<any> {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event for ${query}; got ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe.runIf(databases.includes('mariadb') && redisAvailable)('two instances sharing MariaDB and Redis', () => {
  let standIn: CloudApiStandIn;
  let redisProxy: TcpProxy;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    redisProxy = await startTcpProxy(REDIS_PORT);
    const prefix = `test:${randomBytes(4).toString('hex')}:`;
    a = await startServer(
      'mariadb',
      standIn.env({
        NODE_ENV: 'production',
        REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
        REDIS_PREFIX: prefix,
        OUTBOX_POLL_MS: '10',
        OUTBOX_MAX_ATTEMPTS: '1000',
        RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000',
      }),
    );
    b = await startServer(
      'mariadb',
      standIn.env({
        NODE_ENV: 'production',
        REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
        REDIS_PREFIX: prefix,
        OUTBOX_POLL_MS: '10',
        OUTBOX_MAX_ATTEMPTS: '1000',
        RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000',
      }),
      { database: a.database },
    );
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redisProxy?.close();
    await standIn?.close();
  });

  it('an agent connected to one instance sees tickets and messages that arrive through the other', async () => {
    const created = collect(a.ws(a.adminToken), 'subscription { ticketCreated { id issueDescription } }');
    const messages = collect(a.ws(a.adminToken), 'subscription { messageAdded { body } }');
    await settle();
    const ticket = await createTicket(b, { issueDescription: 'Arrived through B' });
    expect(
      (await created.waitFor((event) => event.ticketCreated.id === ticket.id)).ticketCreated.issueDescription,
    ).toBe('Arrived through B');
    await b.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "Answered on B") { id } }', { t: ticket.id });
    await messages.waitFor((event) => event.messageAdded.body === 'Answered on B');
  });

  it('with Redis gone, an instance still serves its own subscribers, and hears the others again when it returns', async () => {
    const created = collect(a.ws(a.adminToken), 'subscription { ticketCreated { id } }');
    await settle();
    redisProxy.cut();
    const local = await createTicket(a, { issueDescription: 'While Redis is away' });
    await created.waitFor((event) => event.ticketCreated.id === local.id);
    redisProxy.restore();
    // ioredis reconnects with backoff and resubscribes; B's events reach A again.
    const deadline = Date.now() + 15_000;
    let heard = false;
    while (!heard && Date.now() < deadline) {
      const remote = await createTicket(b, { issueDescription: 'After Redis returned', phoneNumber: uniquePhone() });
      heard = await created
        .waitFor((event) => event.ticketCreated.id === remote.id, 1000)
        .then(
          () => true,
          () => false,
        );
    }
    expect(heard).toBe(true);
  }, 30_000);

  it('a session ended or a token revoked on one instance is refused at once by the other', async () => {
    const session = await a.login();
    const tool = (await a.ok('mutation { createApiToken(name: "tool", scopes: [READ]) { token apiToken { id } } }'))
      .createApiToken;
    expect((await b.gql('{ me { id } }', {}, session)).status).toBe(200);
    expect((await b.gql('{ me { id } }', {}, tool.token)).status).toBe(200);
    await a.ok('mutation { logout }', {}, session);
    await a.ok('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: tool.apiToken.id });
    await settle();
    expect((await b.gql('{ me { id } }', {}, session)).status).toBe(401);
    expect((await b.gql('{ me { id } }', {}, tool.token)).status).toBe(401);
  });

  it('two dispatchers with 500 queued replies send each exactly once', async () => {
    standIn.failAlways(serverError);
    const tickets = await Promise.all(
      Array.from({ length: 50 }, () => createTicket(a, { phoneNumber: uniquePhone() })),
    );
    let n = 0;
    for (const ticket of tickets) {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          (n++ % 2 ? a : b).ok('mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }', {
            t: ticket.id,
            b: `reply ${n}`,
          }),
        ),
      );
    }
    standIn.recover();
    const accepted = () =>
      standIn.requests.filter((request) => request.status === 200 && request.body.text?.body?.startsWith('reply '));
    await standIn.waitFor(() => accepted().length >= 500, 60_000);
    await settle();
    const bodies = accepted().map((request) => request.body.text.body);
    expect(bodies).toHaveLength(500);
    expect(new Set(bodies).size).toBe(500);
  }, 90_000);
});
