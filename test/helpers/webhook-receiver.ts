// A local receiver of the desk's outgoing webhooks (plain http on 127.0.0.1: the server allows http outside
// production and private addresses with WEBHOOKS_ALLOW_PRIVATE=1). It records every request, answers as the test
// tells it (200, an error status, or no answer at all), and lets a test await what it is waiting for.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestServer } from './harness.js';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; createdAt: string; [key: string]: any };
  /** What the receiver answered: a status, or 'hang' (no answer). */
  answer: number | 'hang';
}

/** How to answer one request; the default answers 200. */
export type Answer = (request: ReceivedWebhook) => number | 'hang';

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The requests answered 2xx. */
  accepted(): ReceivedWebhook[];
  answerWith(answer: Answer): void;
  /** Resolves once `check` holds over what was received (checked on every request), or fails after `ms`. */
  waitFor(check: (received: ReceivedWebhook[]) => boolean, ms?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<ServerResponse>();
  const events = new EventEmitter();
  let answer: Answer = () => 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const entry: ReceivedWebhook = { headers: request.headers, raw, body: JSON.parse(raw), answer: 200 };
      entry.answer = answer(entry);
      received.push(entry);
      if (entry.answer === 'hang') hanging.add(response);
      else response.writeHead(entry.answer, { 'content-type': 'text/plain' }).end(`answered ${entry.answer}`);
      events.emit('request');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    accepted: () => received.filter((entry) => typeof entry.answer === 'number' && entry.answer < 300),
    answerWith(next) {
      answer = next;
    },
    waitFor(check, ms = 15_000, what = 'the expected webhooks') {
      if (check(received)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('request', listener);
          reject(
            new Error(
              `timed out waiting for ${what}; received: ${received.map((r) => `${r.body.type}:${r.answer}`).join(', ')}`,
            ),
          );
        }, ms);
        const listener = () => {
          if (!check(received)) return;
          clearTimeout(timer);
          events.off('request', listener);
          resolve();
        };
        events.on('request', listener);
      });
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Verifies X-Desk-Signature as a receiver should: t=<seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>. */
export function verifySignature(
  secret: string,
  header: string | undefined,
  raw: string,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return false;
  if (Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${raw}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const ALL_EVENTS = [
  'TICKET_CREATED',
  'TICKET_UPDATED',
  'TICKET_RESOLVED',
  'MESSAGE_ADDED',
  'ASSIGNMENT_CHANGED',
  'RATING_RECEIVED',
];
const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;
const LOG = `query($id: ID!, $status: WebhookDeliveryStatus) { webhookEndpoint(id: $id) {
  enabled failingSince lastDeliveryAt
  deliveries(first: 100, status: $status) { totalCount edges { node {
    id eventId eventType ticketId status attempts lastStatusCode lastError createdAt deliveredAt nextAttemptAt payload } } } } }`;

/** Registers an endpoint at `url` through the API; answers its id and secret. */
export async function register(server: TestServer, url: string, events = ALL_EVENTS) {
  const data = await server.ok(CREATE_ENDPOINT, { input: { url, events } });
  return { id: data.createWebhookEndpoint.endpoint.id as string, secret: data.createWebhookEndpoint.secret as string };
}

/** The endpoint's delivery log, newest first, as the API shows it. */
export async function deliveriesOf(server: TestServer, endpointId: string, status?: string) {
  const data = await server.ok(LOG, { id: endpointId, status });
  return data.webhookEndpoint.deliveries.edges.map((edge: any) => edge.node) as any[];
}

/** A server that may send to this receiver on 127.0.0.1 and retries within milliseconds, not minutes. */
export const FAST_WEBHOOKS = {
  WEBHOOKS_ALLOW_PRIVATE: '1',
  WEBHOOKS_POLL_MS: '20',
  WEBHOOKS_RETRY_BASE_MS: '40',
  WEBHOOKS_RETRY_MAX_MS: '200',
  WEBHOOKS_TIMEOUT_MS: '500',
};
