// The WhatsApp webhook: GET answers the verification handshake; POST checks the signature on the raw
// bytes, parses, and answers 200 only once every element the delivery carries is committed: stored (with the
// deliveries that arrived with it, ingest-group.ts), or parked (inbound-failure.service.ts) when it cannot be
// stored. A transient failure answers 503 so that WhatsApp retries.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logger.js';
import type { SupportContext } from '../support/support.context.js';
import type { BotMenu } from './bot.menu.js';
import { createIngestQueue, type IngestGroupOptions } from './ingest-group.js';
import { NotAWhatsappPayload, parseDelivery, type ParsedDelivery } from './webhook.parse.js';

export const WEBHOOK_PATH = '/webhooks/whatsapp';
export const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

export interface WebhookDeps {
  appSecret: string;
  verifyToken: string;
  menu: BotMenu;
  logger: Logger;
  /** A fresh support context (its own EntityManager) per group of deliveries. */
  support: () => SupportContext;
  /** How deliveries that arrive together share a transaction. */
  groups: IngestGroupOptions;
}

export function signPayload(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function hasValidSignature(secret: string, body: Buffer, header: unknown): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signPayload(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function registerWebhookRoute(http: FastifyInstance, deps: WebhookDeps): Promise<void> {
  const queue = createIngestQueue(deps, deps.groups);
  await http.register(async (scope) => {
    // The signature covers the exact bytes, so the body is kept raw and parsed only after the check.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );

    scope.get(
      WEBHOOK_PATH,
      async (request: FastifyRequest<{ Querystring: Record<string, string | undefined> }>, reply: FastifyReply) => {
        const query = request.query;
        if (query['hub.mode'] === 'subscribe' && sameSecret(query['hub.verify_token'], deps.verifyToken)) {
          return reply
            .code(200)
            .type('text/plain')
            .send(query['hub.challenge'] ?? '');
        }
        return reply.code(403).send({ error: 'verification failed' });
      },
    );

    scope.post(WEBHOOK_PATH, { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!hasValidSignature(deps.appSecret, raw, request.headers['x-hub-signature-256'])) {
        deps.logger.warn({ ip: request.ip }, 'WhatsApp webhook refused: missing or wrong signature');
        return reply.code(401).send({ error: 'invalid signature' });
      }
      let delivery: ParsedDelivery;
      try {
        delivery = parseDelivery(JSON.parse(raw.toString('utf8')));
      } catch (error) {
        const reason = error instanceof NotAWhatsappPayload ? error.message : 'body is not JSON';
        return reply.code(400).send({ error: reason });
      }
      // A bounded queue: a flood of deliveries cannot take every database connection from the agents.
      const received = queue.receive(delivery.elements);
      if (!received) return reply.code(503).send({ error: 'busy; retry later' });
      const outcomes = await received;
      // Nothing is lost: WhatsApp retries a delivery that does not get a 200, and what was committed is skipped then.
      if (outcomes.includes('transient')) return reply.code(503).send({ error: 'temporarily unavailable' });
      const parked = outcomes.filter((outcome) => outcome === 'parked').length;
      return reply.code(200).send({ received: outcomes.length - parked, parked });
    });
  });
}
