// Slow and greedy clients: a request body that trickles in, headers that never end, and one address opening
// connection after connection. Short timeouts are configured here so that the test is quick.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startServer, type TestServer } from '../helpers/harness.js';
import { tinyPng } from '../helpers/png.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  WHATSAPP_APP_SECRET: 'slow-clients-app-secret-0123456789',
  WHATSAPP_VERIFY_TOKEN: 'slow-clients-verify',
};
const HEADERS_MS = 800;
const BODY_MS = 1200;
const UPLOAD_MS = 3000;
/** How much later than its deadline a connection may close (the server checks deadlines every few hundred ms). */
const SLACK_MS = 1000;

interface Outcome {
  /** Milliseconds from the first byte sent to the connection's end. */
  closedAfterMs: number;
  /** What the server answered, if anything. */
  answer: string;
}

/** Opens a raw connection, sends `head` (and then `trickle`, once), and waits until the server ends it. */
function slowSender(url: string, head: string, trickle = ''): Promise<Outcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: hostname, port: Number(port) });
    const started = Date.now();
    let answer = '';
    socket.on('connect', () => {
      socket.write(head);
      if (trickle) setTimeout(() => socket.writable && socket.write(trickle), 100);
    });
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ closedAfterMs: Date.now() - started, answer }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after 20 s; answered: ${answer.slice(0, 200)}`));
    }, 20_000);
  });
}

const postHead = (host: string, path: string, headers: Record<string, string> = {}) =>
  [
    `POST ${path} HTTP/1.1`,
    `Host: ${host}`,
    'Content-Type: application/json',
    'Content-Length: 100000',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');

describe.each(databases)('slow clients (%s, production)', (kind) => {
  let server: TestServer;
  let host: string;
  beforeAll(async () => {
    server = await startServer(kind, {
      ...PRODUCTION,
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
      HTTP_BODY_TIMEOUT_MS: String(BODY_MS),
      HTTP_UPLOAD_TIMEOUT_MS: String(UPLOAD_MS),
      HTTP_MAX_CONNECTIONS_PER_ADDRESS: '20',
    });
    host = new URL(server.url).host;
  });
  afterAll(() => server?.close());

  it('closes a trickling body to the webhook and to /graphql at the body deadline, with a 408', async () => {
    const [webhook, graphql] = await Promise.all([
      slowSender(server.url, postHead(host, '/webhooks/whatsapp'), '{"object":'),
      slowSender(server.url, postHead(host, '/graphql'), '{"query":"'),
    ]);
    for (const outcome of [webhook, graphql]) {
      expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(BODY_MS - 100);
      expect(outcome.closedAfterMs).toBeLessThan(BODY_MS + SLACK_MS);
      expect(outcome.answer).toMatch(/^HTTP\/1\.1 408/);
    }
  });

  it('closes an upload without a token at once, and a signed-in one that trickles at the upload deadline', async () => {
    const anonymous = await slowSender(
      server.url,
      postHead(host, '/media/uploads?filename=a.png', { 'Content-Type': 'image/png' }),
      'x'.repeat(10),
    );
    expect(anonymous.answer).toMatch(/^HTTP\/1\.1 401/);
    expect(anonymous.closedAfterMs).toBeLessThan(SLACK_MS);
    const signedIn = await slowSender(
      server.url,
      postHead(host, '/media/uploads?filename=a.png', { Authorization: `Bearer ${server.adminToken}` }),
      'x'.repeat(10),
    );
    expect(signedIn.closedAfterMs).toBeGreaterThanOrEqual(UPLOAD_MS - 100);
    expect(signedIn.closedAfterMs).toBeLessThan(UPLOAD_MS + SLACK_MS);
    expect(signedIn.answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose headers never end at the headers deadline', async () => {
    const outcome = await slowSender(server.url, `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `);
    expect(outcome.closedAfterMs).toBeLessThan(HEADERS_MS + SLACK_MS);
  });

  it('still takes an upload that needs longer than other bodies may, at a normal pace', async () => {
    const png = tinyPng(200);
    const half = Math.floor(png.length / 2);
    // Half now, half after the body deadline of other routes: uploads have their own, longer one.
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(png.subarray(0, half));
        await new Promise((resolve) => setTimeout(resolve, BODY_MS + 300));
        controller.enqueue(png.subarray(half));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/media/uploads?filename=slow.png`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.adminToken}`,
        'content-type': 'image/png',
        'content-length': String(png.length),
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { sizeBytes: number }).sizeBytes).toBe(png.length);
  });

  it('caps the connections one address holds open', async () => {
    const { hostname, port } = new URL(server.url);
    const open = (): Promise<Socket> =>
      new Promise((resolve) => {
        const socket = connect({ host: hostname, port: Number(port) }, () => resolve(socket));
        socket.on('error', () => undefined);
      });
    const held = await Promise.all(Array.from({ length: 25 }, open));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const alive = held.filter((socket) => !socket.destroyed && socket.readyState === 'open');
    // The harness's own keep-alive connection may hold one of the 20.
    expect(alive.length).toBeLessThanOrEqual(20);
    expect(alive.length).toBeGreaterThanOrEqual(15);
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
