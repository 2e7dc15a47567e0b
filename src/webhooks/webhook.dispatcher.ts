// Sends webhook deliveries. Rows are claimed with a lease (FOR UPDATE SKIP LOCKED where the database has row
// locks) so that several instances never send one twice; deliveries for one ticket reach an endpoint in order (a
// later one waits until the earlier is delivered or given up); failures are retried with backoff until the
// endpoint accepts, the delivery is given up (giveUpMs), or the endpoint, failing for disableAfterMs, is disabled.
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { isTransient } from '../db/transient.js';
import { backoffDelay } from '../jobs/backoff.js';
import { claimWithLease, newWorkerId } from '../jobs/lease-claim.js';
import { PollLoop } from '../jobs/poll-loop.js';
import { withSpan } from '../observability/tracing.js';
import type { Logger } from '../logger.js';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import { publishDomainEvents } from '../support/event-topics.js';
import type { AddressPolicy } from './webhook.address.js';
import { WebhookDeliveryStatus, wireNameOf } from './webhook.enums.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { type AttemptOutcome, sendWebhook } from './webhook.sender.js';

export interface WebhookDispatcherOptions extends AddressPolicy {
  pollMs: number;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  giveUpMs: number;
  disableAfterMs: number;
  logDays: number;
  claimMs: number;
  /** Deliveries claimed at once. @default 20 */
  batchSize?: number;
}

/** How an attempt ended, for metrics: delivered, failed and retried later, or failed for good. */
export type AttemptResult = 'delivered' | 'retry' | 'failed';

const PENDING = WebhookDeliveryStatus.PENDING;
const PRUNE_EVERY_MS = 60_000;
const DAY_MS = 86_400_000;
/** Tries at writing an attempt's outcome before the round fails (and the lease's expiry takes over). */
const RECORD_ATTEMPTS = 5;

export class WebhookDispatcher {
  readonly id = newWorkerId();
  private readonly loop: PollLoop;
  private lastPrune = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly pubsub: SupportPubSub,
    private readonly logger: Logger,
    private readonly options: WebhookDispatcherOptions,
    /** Told of every attempt's result and how long it took, in seconds (the metrics hook). */
    private readonly onAttempt: (outcome: AttemptResult, seconds: number) => void = () => undefined,
  ) {
    this.loop = new PollLoop(
      () => this.runOnce(),
      options.pollMs,
      (error) => logger.error({ err: error }, 'webhook dispatch failed; retrying'),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling, lets the batch in flight finish, and hands back deliveries claimed but not sent. */
  async stop(): Promise<void> {
    await this.loop.stop();
    try {
      await this.orm.em
        .fork()
        .nativeUpdate(
          WebhookDelivery,
          { claimedBy: this.id, status: PENDING },
          { claimedBy: null, claimedUntil: null },
        );
    } catch (error) {
      // Best effort: a claim also expires by itself (claimMs), and another instance takes the delivery over then.
      this.logger.warn({ err: error }, 'could not hand back claimed webhook deliveries at shutdown');
    }
  }

  wake(): void {
    this.loop.wake();
  }

  /** Claims due deliveries, sends them, records the outcomes. Answers how many it handled. */
  async runOnce(): Promise<number> {
    await this.prune();
    const rows = await this.claim();
    const queues = new Map<string, WebhookDelivery[]>();
    for (const row of rows) {
      const key = row.ticketId === null ? `d${row.id}` : `${row.endpoint.id}:${row.ticketId}`;
      queues.set(key, [...(queues.get(key) ?? []), row]);
    }
    await Promise.all([...queues.values()].map((queue) => this.sendInOrder(queue)));
    return rows.length;
  }

  private async sendInOrder(queue: WebhookDelivery[]): Promise<void> {
    for (const [index, row] of queue.entries()) {
      const delivered = await this.attempt(row);
      if (!delivered) {
        // Later deliveries for this ticket wait, so that they never overtake this one.
        await this.release(queue.slice(index + 1).map((later) => later.id));
        return;
      }
    }
  }

  private claim(): Promise<WebhookDelivery[]> {
    const now = new Date();
    return claimWithLease(this.orm, {
      entity: WebhookDelivery,
      dueIdsSql: `select d.id from webhook_deliveries d
          where d.status = ? and d.next_attempt_at <= ? and (d.claimed_until is null or d.claimed_until < ?)
            and not exists (select 1 from webhook_deliveries e
                             where e.endpoint_id = d.endpoint_id and e.ticket_id = d.ticket_id
                               and e.id < d.id and e.status = ?)
          order by d.id limit ? %LOCK%`,
      params: [PENDING, now, now, PENDING, this.options.batchSize ?? 20],
      claim: { claimedBy: this.id, claimedUntil: new Date(Date.now() + this.options.claimMs) },
      populate: ['endpoint'],
    });
  }

  private async release(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.orm.em
      .fork()
      .nativeUpdate(WebhookDelivery, { id: { $in: ids }, claimedBy: this.id }, { claimedBy: null, claimedUntil: null });
  }

  /** One attempt at one delivery; answers whether the ticket's next deliveries may go now (delivered or given up). */
  private async attempt(row: WebhookDelivery): Promise<boolean> {
    const endpoint = row.endpoint;
    const started = performance.now();
    const send = () =>
      sendWebhook(
        {
          url: endpoint.url,
          secret: endpoint.secret,
          payload: row.payload,
          eventType: wireNameOf(row.eventType),
          eventId: row.eventId,
          deliveryId: row.id,
        },
        this.options,
        this.options.timeoutMs,
      );
    const outcome: AttemptOutcome = endpoint.enabled
      ? await withSpan('webhook send', { 'webhook.delivery_id': row.id, 'webhook.endpoint_id': endpoint.id }, send, {
          parent: row.traceparent,
        })
      : { ok: false, statusCode: null, error: 'the endpoint was disabled' };
    const result = await this.record(row.id, endpoint.id, outcome, !endpoint.enabled);
    if (result) this.onAttempt(result, (performance.now() - started) / 1000);
    return result !== 'retry';
  }

  /**
   * Writes an attempt's outcome on the delivery, then on its endpoint (each in its own short transaction, so that
   * instances recording outcomes for one endpoint at once never wait on each other in a cycle). Answers null when
   * another instance took the delivery over meanwhile.
   */
  private async record(
    deliveryId: number,
    endpointId: number,
    outcome: AttemptOutcome,
    endpointDisabled: boolean,
  ): Promise<AttemptResult | null> {
    const now = new Date();
    const result = await this.withRetries(() => this.recordOnDelivery(deliveryId, outcome, endpointDisabled, now));
    if (result === null || endpointDisabled) return result;
    if (result !== 'delivered')
      this.logger.warn(
        { webhookDeliveryId: deliveryId, endpointId, result, status: outcome.ok ? null : outcome.statusCode },
        result === 'retry' ? 'webhook delivery will be retried' : 'webhook delivery given up',
      );
    const em = this.orm.em.fork();
    if (result === 'delivered') {
      await this.withRetries(() =>
        em.nativeUpdate(WebhookEndpoint, { id: endpointId }, { lastDeliveryAt: now, failingSince: null }),
      );
      return result;
    }
    await this.withRetries(() =>
      em.nativeUpdate(WebhookEndpoint, { id: endpointId, failingSince: null }, { failingSince: now }),
    );
    const disabled = await this.withRetries(() =>
      this.orm.em.fork().transactional((tx) => this.disableIfFailingTooLong(tx, endpointId, now)),
    );
    if (disabled) publishDomainEvents(this.pubsub, [{ type: 'NotificationsChanged', ticketId: 0 }]);
    return disabled ? 'failed' : result;
  }

  private recordOnDelivery(
    deliveryId: number,
    outcome: AttemptOutcome,
    endpointDisabled: boolean,
    now: Date,
  ): Promise<AttemptResult | null> {
    return this.orm.em.fork().transactional(async (tx) => {
      const row = await tx.findOne(WebhookDelivery, deliveryId);
      if (!row || row.claimedBy !== this.id || row.status !== PENDING) return null;
      row.claimedBy = null;
      row.claimedUntil = null;
      if (endpointDisabled) {
        row.status = WebhookDeliveryStatus.FAILED;
        row.nextAttemptAt = null;
        row.lastError = outcome.ok ? null : outcome.error;
        return 'failed';
      }
      row.attempts += 1;
      row.lastStatusCode = outcome.statusCode;
      if (outcome.ok) {
        row.status = WebhookDeliveryStatus.DELIVERED;
        row.deliveredAt = now;
        row.nextAttemptAt = null;
        row.lastError = null;
        return 'delivered';
      }
      row.lastError = outcome.error;
      const giveUpAt = row.createdAt.getTime() + this.options.giveUpMs;
      if (now.getTime() >= giveUpAt) {
        row.status = WebhookDeliveryStatus.FAILED;
        row.nextAttemptAt = null;
        return 'failed';
      }
      const { retryBaseMs: baseMs, retryMaxMs: maxMs } = this.options;
      const delay = backoffDelay(row.attempts, { baseMs, maxMs });
      // The last attempt is made when the delivery is given up, not skipped.
      row.nextAttemptAt = new Date(Math.min(now.getTime() + delay, giveUpAt));
      return 'retry';
    });
  }

  /**
   * Runs a write again when the database lost it to a deadlock or a lock wait: the attempt was made, and its
   * outcome must not be left to the lease's expiry (that would send it twice).
   */
  private async withRetries<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS || !isTransient(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }

  /**
   * An endpoint whose current run of failures has lasted disableAfterMs is disabled (once, whichever instance sees
   * it first), its waiting deliveries given up, and the audit trail told. Answers whether this call disabled it.
   */
  private async disableIfFailingTooLong(tx: EntityManager, endpointId: number, now: Date): Promise<boolean> {
    const since = new Date(now.getTime() - this.options.disableAfterMs);
    const endpoint = await tx.findOne(WebhookEndpoint, endpointId, { refresh: true });
    if (!endpoint?.failingSince || endpoint.failingSince > since || !endpoint.enabled) return false;
    const hours = Math.round((now.getTime() - endpoint.failingSince.getTime()) / 3_600_000);
    const reason = `Failing since ${endpoint.failingSince.toISOString()} (${hours} h)`;
    const changed = await tx.nativeUpdate(
      WebhookEndpoint,
      { id: endpointId, disabledAt: null },
      { disabledAt: now, disabledBy: null, disabledReason: reason },
    );
    if (changed === 0) return false;
    await tx.nativeUpdate(
      WebhookDelivery,
      { endpoint: endpointId, status: PENDING },
      { status: WebhookDeliveryStatus.FAILED, nextAttemptAt: null, claimedBy: null, claimedUntil: null },
    );
    recordAudit(
      tx,
      null,
      'webhook.disabled',
      null,
      { id: endpointId, enabled: true },
      { id: endpointId, enabled: false, reason },
    );
    await tx.flush();
    this.logger.warn(
      { endpointId, failingSince: endpoint.failingSince },
      'webhook endpoint disabled: failing too long',
    );
    return true;
  }

  /** Keeps the log bounded: finished deliveries older than logDays are deleted, once a minute at most. */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    const before = new Date(Date.now() - this.options.logDays * DAY_MS);
    const em = this.orm.em.fork();
    for (const status of [WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.FAILED])
      await em.nativeDelete(WebhookDelivery, { status, createdAt: { $lt: before } });
  }
}
