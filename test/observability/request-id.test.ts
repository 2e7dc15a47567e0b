// An operator following one request in the logs: every line its work writes carries one request id, the one
// the caller sent in X-Request-Id when it is sane, and the answer says which it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverError, startCloudApiStandIn, type CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import { createTicket, eventually, startServer, uniquePhone, type TestServer } from '../helpers/harness.js';
import { captureLogs, type CapturedLogs } from './log-capture.js';

describe('request ids in the logs', () => {
  let standIn: CloudApiStandIn;
  let server: TestServer;
  let logs: CapturedLogs;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    logs = captureLogs('debug');
    server = await startServer('sqlite', standIn.env(), { logger: logs.logger });
  });
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });

  const linesOf = (requestId: string) => logs.lines().filter((line) => line.requestId === requestId);

  it("puts the caller's X-Request-Id on every line of its request's work, and echoes it", async () => {
    const refused = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'lb-7f3a.42', 'x-hub-signature-256': 'sha256=00' },
      body: '{"object":"whatsapp_business_account","entry":[]}',
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBe('lb-7f3a.42');
    // The route's own warning, written deep in the handler, and the access line, written after the answer.
    const lines = linesOf('lb-7f3a.42');
    expect(lines.map((line) => line.msg)).toEqual([
      'WhatsApp webhook refused: missing or wrong signature',
      'request answered',
    ]);
    expect(lines[1]).toMatchObject({ method: 'POST', route: '/webhooks/whatsapp', status: 401 });
  });

  it('gives a request without a sane id a fresh one, each its own', async () => {
    const first = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'spaces are not sane' } });
    const second = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'x'.repeat(129) } });
    const [a, b] = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(linesOf(a!).map((line) => line.msg)).toEqual(['request answered']);
  });

  it('keeps concurrent requests apart: each line carries its own request id', async () => {
    const ids = Array.from({ length: 8 }, (_, index) => `concurrent-${index}`);
    await Promise.all(
      ids.map((id) =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-request-id': id,
            authorization: `Bearer ${server.adminToken}`,
          },
          body: JSON.stringify({ query: '{ me { id } }' }),
        }),
      ),
    );
    for (const id of ids) expect(linesOf(id)).toEqual([expect.objectContaining({ route: '/graphql', status: 200 })]);
  });

  it('leaves background work a request woke (the outbox sending its reply) out of that request', async () => {
    const ticket = await createTicket(server, { phoneNumber: uniquePhone() });
    standIn.failNext(serverError);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'reply-1',
        authorization: `Bearer ${server.adminToken}`,
      },
      body: JSON.stringify({
        query: 'mutation($id: ID!) { sendMessage(ticketId: $id, body: "On its way") { id } }',
        variables: { id: ticket.id },
      }),
    });
    expect(response.status).toBe(200);
    const retried = await eventually(async () =>
      logs.lines().find((line) => line.msg === 'WhatsApp send will be retried'),
    );
    expect(retried.requestId).toBeUndefined();
    expect(linesOf('reply-1').map((line) => line.msg)).toEqual(['request answered']);
  });
});
