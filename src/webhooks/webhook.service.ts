// Admins' webhook endpoints: registering, changing, disabling, deleting, rotating the secret, and the delivery log
// with redelivery and ping. The resolver checks who may; every change is audited in its own transaction.
import { traceparentNow } from '../observability/tracing.js';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { badInput, notFound } from '../errors.js';
import { decodeIdCursor, readPage, shapePage, type PageResult } from '../support/pagination.js';
import { inTransaction, type SupportContext } from '../support/support.context.js';
import { parseId } from '../support/support.validation.js';
import { type AddressPolicy, checkEndpointUrl } from './webhook.address.js';
import { WebhookDeliveryStatus, WebhookEventType } from './webhook.enums.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { eventBody, newEventId } from './webhook.payload.js';

export const WEBHOOK_DELIVERIES = 'webhookDeliveries';
const MAX_DESCRIPTION = 200;

export interface CreatedEndpoint {
  endpoint: WebhookEndpoint;
  secret: string;
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

function checkEvents(events: readonly WebhookEventType[]): WebhookEventType[] {
  if (events.length === 0) throw badInput('events must name at least one event type');
  if (events.includes(WebhookEventType.PING))
    throw badInput('events: PING is not subscribable (pingWebhookEndpoint sends one on demand)');
  return [...new Set(events)];
}

function checkDescription(raw: string | null | undefined): string | null {
  const text = raw?.trim() ?? '';
  if (text.length > MAX_DESCRIPTION) throw badInput(`description is at most ${MAX_DESCRIPTION} characters`);
  return text || null;
}

const described = (endpoint: WebhookEndpoint) => ({
  id: endpoint.id,
  url: endpoint.url,
  events: endpoint.events,
  description: endpoint.description,
  enabled: endpoint.enabled,
});

export function listEndpoints(em: EntityManager): Promise<WebhookEndpoint[]> {
  return em.find(WebhookEndpoint, {}, { orderBy: { id: 'asc' } });
}

export async function findEndpoint(em: EntityManager, id: string): Promise<WebhookEndpoint | null> {
  const endpointId = parseId(id);
  return endpointId === null ? null : em.findOne(WebhookEndpoint, endpointId);
}

async function loadEndpoint(em: EntityManager, id: string): Promise<WebhookEndpoint> {
  const endpoint = await findEndpoint(em, id);
  if (!endpoint) throw notFound('Webhook endpoint', id);
  return endpoint;
}

export async function createEndpoint(
  ctx: SupportContext,
  actor: AuditActor,
  policy: AddressPolicy,
  input: { url: string; events: WebhookEventType[]; description?: string | null },
): Promise<CreatedEndpoint> {
  const events = checkEvents(input.events);
  const description = checkDescription(input.description);
  const url = await checkEndpointUrl(input.url, policy);
  const secret = newSecret();
  return inTransaction(ctx, async (em) => {
    const endpoint = em.create(WebhookEndpoint, { url, events, description, secret, createdAt: new Date() });
    await em.flush();
    recordAudit(em, actor, 'webhook.created', null, null, described(endpoint));
    return { endpoint, secret };
  });
}

/** Deliveries still waiting for an endpoint that stops sending are given up, so the log says what happened. */
async function failPending(em: EntityManager, endpoint: WebhookEndpoint, reason: string): Promise<void> {
  await em.nativeUpdate(
    WebhookDelivery,
    { endpoint: endpoint.id, status: WebhookDeliveryStatus.PENDING },
    {
      status: WebhookDeliveryStatus.FAILED,
      nextAttemptAt: null,
      claimedBy: null,
      claimedUntil: null,
      lastError: reason,
    },
  );
}

export async function updateEndpoint(
  ctx: SupportContext,
  actor: AuditActor,
  policy: AddressPolicy,
  id: string,
  input: {
    url?: string | null;
    events?: WebhookEventType[] | null;
    description?: string | null;
    enabled?: boolean | null;
  },
): Promise<WebhookEndpoint> {
  const events = input.events == null ? null : checkEvents(input.events);
  const description = input.description == null ? undefined : checkDescription(input.description);
  const url = input.url == null ? null : await checkEndpointUrl(input.url, policy);
  if (events === null && description === undefined && url === null && input.enabled == null)
    throw badInput('Nothing to change: pass url, events, description or enabled');
  return inTransaction(ctx, async (em, emitted) => {
    const endpoint = await loadEndpoint(em, id);
    const before = described(endpoint);
    const wasAutoDisabled = endpoint.disabledAt !== null && endpoint.disabledBy === null;
    if (url !== null) endpoint.url = url;
    if (events !== null) endpoint.events = events;
    if (description !== undefined) endpoint.description = description;
    if (input.enabled === true && !endpoint.enabled) {
      endpoint.disabledAt = null;
      endpoint.disabledBy = null;
      endpoint.disabledReason = null;
      endpoint.failingSince = null;
    } else if (input.enabled === false && endpoint.enabled) {
      endpoint.disabledAt = new Date();
      endpoint.disabledBy = actor.adminId;
      endpoint.disabledReason = 'Disabled by an admin';
      await failPending(em, endpoint, 'the endpoint was disabled');
    }
    await em.flush();
    recordAudit(em, actor, 'webhook.updated', null, before, described(endpoint));
    if (wasAutoDisabled && endpoint.enabled) await emitted.emit({ type: 'NotificationsChanged', ticketId: 0 });
    return endpoint;
  });
}

export async function rotateSecret(ctx: SupportContext, actor: AuditActor, id: string): Promise<CreatedEndpoint> {
  const secret = newSecret();
  return inTransaction(ctx, async (em) => {
    const endpoint = await loadEndpoint(em, id);
    endpoint.secret = secret;
    await em.flush();
    recordAudit(em, actor, 'webhook.secret_rotated', null, null, { id: endpoint.id, url: endpoint.url });
    return { endpoint, secret };
  });
}

/** Deletes the endpoint and its delivery log. */
export async function deleteEndpoint(ctx: SupportContext, actor: AuditActor, id: string): Promise<boolean> {
  return inTransaction(ctx, async (em, emitted) => {
    const endpoint = await loadEndpoint(em, id);
    const before = described(endpoint);
    const wasAutoDisabled = endpoint.disabledAt !== null && endpoint.disabledBy === null;
    await em.nativeDelete(WebhookDelivery, { endpoint: endpoint.id });
    em.remove(endpoint);
    await em.flush();
    recordAudit(em, actor, 'webhook.deleted', null, before, null);
    if (wasAutoDisabled) await emitted.emit({ type: 'NotificationsChanged', ticketId: 0 });
    return true;
  });
}

function refuseWhenDisabled(endpoint: WebhookEndpoint): void {
  if (!endpoint.enabled) throw badInput(`Webhook endpoint ${endpoint.id} is disabled: enable it first`);
}

/** Queues the same event again (same eventId and body) as a new delivery, after the ticket's others. */
export async function redeliver(ctx: SupportContext, actor: AuditActor, id: string): Promise<WebhookDelivery> {
  return inTransaction(ctx, async (em) => {
    const deliveryId = parseId(id);
    const original =
      deliveryId === null ? null : await em.findOne(WebhookDelivery, deliveryId, { populate: ['endpoint'] });
    if (!original) throw notFound('Webhook delivery', id);
    refuseWhenDisabled(original.endpoint);
    const { endpoint, eventId, eventType, ticketId, payload } = original;
    const again = em.create(WebhookDelivery, {
      endpoint,
      eventId,
      eventType,
      ticketId,
      payload,
      traceparent: traceparentNow(),
    });
    await em.flush();
    recordAudit(em, actor, 'webhook.redelivered', null, null, {
      endpointId: endpoint.id,
      deliveryId: original.id,
      newDeliveryId: again.id,
      eventId,
    });
    return again;
  });
}

/** Queues a ping: a small signed body that tells nothing but that the endpoint is reached. */
export async function ping(ctx: SupportContext, id: string): Promise<WebhookDelivery> {
  return inTransaction(ctx, async (em) => {
    const endpoint = await loadEndpoint(em, id);
    refuseWhenDisabled(endpoint);
    const eventId = newEventId();
    const payload = eventBody(eventId, WebhookEventType.PING, new Date(), {
      endpoint: { id: String(endpoint.id), url: endpoint.url },
    });
    const delivery = em.create(WebhookDelivery, {
      endpoint,
      eventId,
      eventType: WebhookEventType.PING,
      payload,
      traceparent: traceparentNow(),
    });
    await em.flush();
    return delivery;
  });
}

/** An endpoint's delivery log, newest first. */
export async function listDeliveries(
  em: EntityManager,
  endpointId: number,
  args: { first?: number | null; after?: string | null; status?: WebhookDeliveryStatus | null },
): Promise<PageResult<WebhookDelivery> & { totalCount: number }> {
  const page = readPage({ first: args.first ?? 20, after: args.after });
  const cursor = page.cursor === null ? null : decodeIdCursor(WEBHOOK_DELIVERIES, page.cursor);
  const scope = { endpoint: endpointId, ...(args.status ? { status: args.status } : {}) };
  const rows = await em.find(WebhookDelivery, cursor === null ? scope : { ...scope, id: { $lt: cursor } }, {
    orderBy: { id: 'desc' },
    limit: page.size + 1,
  });
  return { ...shapePage(rows, page), totalCount: await em.count(WebhookDelivery, scope) };
}
