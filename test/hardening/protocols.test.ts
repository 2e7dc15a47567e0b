// The two wire protocols as their own specifications define them: GraphQL over HTTP (graphql-http's
// audit suite) and GraphQL over WebSocket (graphql-ws's close codes).
import { serverAudits } from 'graphql-http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startServer, type TestServer } from '../helpers/harness.js';

describe.each(databases)('on a production server on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, { NODE_ENV: 'production', WS_INIT_TIMEOUT_MS: '300' });
  });
  afterAll(() => server.close());

  describe('GraphQL over HTTP', () => {
    // As a tool calls us: with its token (introspection is for authenticated callers), and with the header
    // Apollo's CSRF prevention asks of GET requests (one a browser cannot send cross-site).
    const fetchWithPreflightHeader: typeof fetch = (input, init = {}) =>
      fetch(input, {
        ...init,
        headers: {
          ...Object.fromEntries(new Headers(init.headers).entries()),
          'apollo-require-preflight': 'true',
          authorization: `Bearer ${server.adminToken}`,
        },
      });

    it.each(
      serverAudits({ url: () => `${server.url}/graphql`, fetchFn: fetchWithPreflightHeader }).map(
        (audit) => [audit.name, audit] as const,
      ),
    )('%s', async (_name, audit) => {
      const result = await audit.fn();
      // Every MUST and every SHOULD.
      expect(result.status, result.status === 'ok' ? '' : result.reason).toBe('ok');
    });

    it('answers a subscription sent over HTTP with a 400 that points to the WebSocket', async () => {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${server.adminToken}` },
          body: JSON.stringify({ query: 'subscription { ticketCreated { id } }' }),
        });
        expect(response.status).toBe(400);
        const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
        expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
        expect(body.errors[0]!.message).toMatch(/WebSocket.*graphql-ws.*\/graphql/);
      }
    });
  });

  describe('GraphQL over WebSocket (graphql-transport-ws)', () => {
    function open(): Promise<WebSocket> {
      return new Promise((resolve, reject) => {
        const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      });
    }
    const closeCode = (socket: WebSocket) =>
      new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const acked = (socket: WebSocket) => new Promise<void>((resolve) => socket.once('message', () => resolve()));
    const init = (socket: WebSocket, token = server.adminToken) =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    const subscribe = (socket: WebSocket, id: string) =>
      socket.send(
        JSON.stringify({ id, type: 'subscribe', payload: { query: 'subscription { ticketCreated { id } }' } }),
      );

    it('closes with 4408 when connection_init does not come in time', async () => {
      const socket = await open();
      expect(await closeCode(socket)).toBe(4408);
    });

    it('closes with 4429 on a second connection_init', async () => {
      const socket = await open();
      const closed = closeCode(socket);
      init(socket);
      await acked(socket);
      init(socket);
      expect(await closed).toBe(4429);
    });

    it('closes with 4401 on a subscribe before the connection is acknowledged', async () => {
      const socket = await open();
      const closed = closeCode(socket);
      subscribe(socket, '1');
      expect(await closed).toBe(4401);
    });

    it('closes with 4409 when a subscription id is used twice', async () => {
      const socket = await open();
      const closed = closeCode(socket);
      init(socket);
      await acked(socket);
      subscribe(socket, 'same');
      subscribe(socket, 'same');
      expect(await closed).toBe(4409);
    });

    it('closes with 4403 for a bad token', async () => {
      const socket = await open();
      const closed = closeCode(socket);
      init(socket, 'sess_not-a-real-one');
      expect(await closed).toBe(4403);
    });
  });
});
