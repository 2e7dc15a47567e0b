// Sends outbox rows to the Cloud API. Rows are claimed (FOR UPDATE SKIP LOCKED where the database has
// row locks) so that several instances never send one row twice; rows for one person go out in order;
// failures are retried with exponential backoff and jitter until they are accepted or fail for good.
import { publishDomainEvents } from '../support/event-topics.js';
import { LockMode, type MikroORM } from '@mikro-orm/core';
import type { Logger } from '../logger.js';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import { Message } from '../support/message.entity.js';
import { DeliveryStatus } from '../support/support.enums.js';
import type { CloudApiClient, SendOutcome } from './cloud-api.client.js';
import { EarlyReceipt } from './early-receipt.entity.js';
import { OutboxRow, OutboxState } from './outbox.entity.js';
import { applyEarlyReceipts } from './receipt.service.js';
import { MediaFile } from '../media/media.entity.js';
import type { MediaStore } from '../media/media.store.js';
import { backoffDelay } from '../jobs/backoff.js';
import { PollLoop } from '../jobs/poll-loop.js';
import { claimWithLease, newWorkerId } from '../jobs/lease-claim.js';
import { withSpan } from '../observability/tracing.js';

export interface DispatcherOptions {
  /** How often to look for due rows when idle. @default 200 */
  pollMs: number;
  /** First retry delay; doubles per attempt, with jitter (see jobs/backoff.ts). @default 1000 */
  retryBaseMs: number;
  /** Longest delay between two attempts. @default 300000 */
  retryMaxMs: number;
  /** Attempts before a message is marked FAILED for good. @default 20 */
  maxAttempts: number;
  /**
   * How long a claim holds before another instance may take the row over (a crashed instance's rows
   * come back this long after it claimed them). Instance ids cannot tell a dead process from a live one
   * reliably (containers share pids and hostnames), so expiry is the only takeover. @default 60000
   */
  claimMs: number;
  /** Rows claimed at once. @default 20 */
  batchSize: number;
  /** Sends in flight at once, each to a different person (OUTBOX_CONCURRENCY). @default 16 */
  concurrency: number;
}

export const defaultDispatcherOptions: DispatcherOptions = {
  pollMs: 200,
  retryBaseMs: 1000,
  retryMaxMs: 300_000,
  maxAttempts: 20,
  claimMs: 60_000,
  batchSize: 20,
  concurrency: 16,
};

const UNFINISHED = [OutboxState.PENDING, OutboxState.SENDING];

export class OutboxDispatcher {
  readonly id = newWorkerId();
  private readonly loop: PollLoop;
  /** Sends under way, each a person's oldest unsent row: the claim never hands out a person's next one before. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Resolves when rows were committed while sends were under way (see runOnce). */
  private woken: () => void = () => undefined;
  /** Rows were committed, or a poll period passed: look even if only one send slot is free. */
  private lookNow = true;

  constructor(
    private readonly orm: MikroORM,
    private readonly client: CloudApiClient,
    private readonly pubsub: SupportPubSub,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions = defaultDispatcherOptions,
    /** Where agents' attachments are kept, for rows that send one. */
    private readonly media: MediaStore | null = null,
  ) {
    this.loop = new PollLoop(
      () => this.runOnce(),
      options.pollMs,
      (error) => logger.error({ err: error }, 'outbox dispatch failed; retrying'),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling, lets the batch in flight finish, and hands back rows this instance claimed but did not send. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.all(this.inFlight);
    try {
      const em = this.orm.em.fork();
      await em.nativeUpdate(
        OutboxRow,
        { claimedBy: this.id, state: OutboxState.SENDING },
        { state: OutboxState.PENDING, claimedBy: null, claimedUntil: null },
      );
    } catch (error) {
      // Best effort: a claim also expires by itself (claimMs), and another instance takes the row over then.
      this.logger.warn({ err: error }, 'could not hand back claimed outbox rows at shutdown');
    }
  }

  /** New rows were committed: look now rather than at the next poll. */
  wake(): void {
    this.lookNow = true;
    this.woken();
    this.loop.wake();
  }

  /**
   * Claims due rows into the free send slots and starts sending them; then waits until a send ends (its person's
   * next row may be due now, and its slot is free), rows are committed, or a poll period passes. Answers how many
   * rows it started or saw end: the loop comes straight back while there is work.
   */
  async runOnce(): Promise<number> {
    await this.pruneEarlyReceipts();
    // While the number is paused (130429) nothing is claimed: the rows would only wait in line, holding claims.
    const free = this.client.pausedForMs() > 0 ? 0 : this.options.concurrency - this.inFlight.size;
    // In a burst, sends end one by one: claiming for each alone would be a transaction per row on top of its
    // record, so the next claim waits for a quarter of the slots (or a wake, or a poll period).
    const worthClaiming =
      free > 0 && (this.lookNow || this.inFlight.size === 0 || free >= Math.ceil(this.options.concurrency / 4));
    if (worthClaiming) this.lookNow = false;
    const rows = worthClaiming ? await this.claim(Math.min(free, this.options.batchSize)) : [];
    const byRecipient = new Map<string, OutboxRow[]>();
    for (const row of rows) byRecipient.set(row.recipient, [...(byRecipient.get(row.recipient) ?? []), row]);
    for (const queue of byRecipient.values()) this.track(this.sendInOrder(queue));
    if (this.inFlight.size === 0) return rows.length;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      ...this.inFlight,
      new Promise<void>((resolve) => {
        this.woken = resolve;
        timer = setTimeout(() => {
          this.lookNow = true;
          resolve();
        }, this.options.pollMs).unref();
      }),
    ]);
    clearTimeout(timer);
    this.woken = () => undefined;
    return rows.length + 1;
  }

  private track(sending: Promise<void>): void {
    const tracked: Promise<void> = sending
      .catch((error: unknown) => {
        // The row keeps its claim and is sent again when it expires (OUTBOX_CLAIM_MS).
        this.logger.error({ err: error }, 'outbox send could not be recorded; the row is taken over later');
      })
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async sendInOrder(queue: OutboxRow[]): Promise<void> {
    for (const [index, row] of queue.entries()) {
      const send = () => (row.mediaFile ? this.sendWithMedia(row) : this.client.send(row.payload));
      const outcome = await withSpan('outbox send', { 'outbox.id': row.id }, send, { parent: row.traceparent });
      await this.record(row.id, outcome);
      if (outcome.kind === 'retry') {
        // Later messages to this person wait, so that they never overtake this one.
        await this.release(queue.slice(index + 1).map((later) => later.id));
        return;
      }
    }
  }

  /**
   * A media message: the file is uploaded to the Cloud API first (once: its media id is kept for retries),
   * then the payload goes out with that id.
   */
  private async sendWithMedia(row: OutboxRow): Promise<SendOutcome> {
    const em = this.orm.em.fork();
    const file = await em.findOne(MediaFile, row.mediaFile!.id);
    if (!file?.storageKey || !file.mimeType || !this.media)
      return { kind: 'failed', reason: 'the attached file is no longer stored' };
    if (!file.whatsappMediaId) {
      const uploaded = await this.client.upload(await this.media.get(file.storageKey), file.mimeType, file.filename);
      if (uploaded.kind === 'retry')
        return { kind: 'retry', reason: `media upload: ${uploaded.reason}`, retryAfterMs: null };
      if (uploaded.kind === 'failed') return { kind: 'failed', reason: `media upload: ${uploaded.reason}` };
      file.whatsappMediaId = uploaded.value;
      await em.flush();
    }
    const type = String(row.payload.type);
    return this.client.send({
      ...row.payload,
      [type]: { ...(row.payload[type] as Record<string, unknown>), id: file.whatsappMediaId },
    });
  }

  private claim(limit: number): Promise<OutboxRow[]> {
    const now = new Date();
    return claimWithLease(this.orm, {
      entity: OutboxRow,
      dueIdsSql: `select o.id from whatsapp_outbox o
          where ((o.state = ? and o.next_attempt_at <= ?) or (o.state = ? and o.claimed_until < ?))
            and not exists (select 1 from whatsapp_outbox p
                             where p.recipient = o.recipient and p.id < o.id and p.state in (?, ?))
          order by o.id limit ? %LOCK%`,
      params: [OutboxState.PENDING, now, OutboxState.SENDING, now, ...UNFINISHED, limit],
      claim: {
        state: OutboxState.SENDING,
        claimedBy: this.id,
        claimedUntil: new Date(Date.now() + this.options.claimMs),
      },
    });
  }

  private lastPrune = 0;

  /** Receipts kept for ids we never learned (messages sent by another system, say) are dropped after an hour. */
  private async pruneEarlyReceipts(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    await this.orm.em.fork().nativeDelete(EarlyReceipt, { receivedAt: { $lt: new Date(Date.now() - 3_600_000) } });
  }

  private async release(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.orm.em
      .fork()
      .nativeUpdate(
        OutboxRow,
        { id: { $in: ids }, claimedBy: this.id },
        { state: OutboxState.PENDING, claimedBy: null, claimedUntil: null },
      );
  }

  private backoff(attempts: number, retryAfterMs: number | null): number {
    const { retryBaseMs: baseMs, retryMaxMs: maxMs } = this.options;
    return backoffDelay(attempts, { baseMs, maxMs, atLeastMs: retryAfterMs ?? 0 });
  }

  private async record(rowId: number, outcome: SendOutcome): Promise<void> {
    const em = this.orm.em.fork();
    const changed = await em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(OutboxRow, rowId);
      if (row.claimedBy !== this.id || row.state !== OutboxState.SENDING) return null; // taken over meanwhile
      // Locked: a receipt may be moving the same message forward at this moment (see receipt.service.ts).
      const message = row.message
        ? await tx.findOne(Message, row.message.id, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      row.attempts += 1;
      row.claimedBy = null;
      row.claimedUntil = null;
      if (outcome.kind === 'accepted') {
        row.state = OutboxState.SENT;
        row.sentAt = new Date();
        row.lastError = null;
        if (message) {
          message.whatsappMessageId ??= outcome.whatsappMessageId;
          if (message.deliveryStatus === DeliveryStatus.PENDING) message.deliveryStatus = DeliveryStatus.SENT;
        }
      } else if (outcome.kind === 'retry' && row.attempts < this.options.maxAttempts) {
        row.state = OutboxState.PENDING;
        row.lastError = outcome.reason;
        row.nextAttemptAt = new Date(Date.now() + this.backoff(row.attempts, outcome.retryAfterMs));
        this.logger.warn(
          { outboxId: row.id, attempts: row.attempts, reason: outcome.reason },
          'WhatsApp send will be retried',
        );
        return null;
      } else {
        const reason =
          outcome.kind === 'retry' ? `gave up after ${row.attempts} attempts: ${outcome.reason}` : outcome.reason;
        row.state = OutboxState.FAILED;
        row.lastError = reason;
        if (message) {
          message.deliveryStatus = DeliveryStatus.FAILED;
          message.deliveryError = reason.slice(0, 512);
        }
        this.logger.warn({ outboxId: row.id, reason }, 'WhatsApp send failed for good');
      }
      return message;
    });
    if (!changed) return;
    // Receipts that came before this record are rare: look for them before paying for a locked transaction. This
    // sees every receipt the locked read would (on MariaDB a receipt's locking lookup of the missing id holds the
    // record's commit back until the receipt is stored).
    const receiptsWaiting =
      outcome.kind === 'accepted' &&
      changed.whatsappMessageId !== null &&
      (await em.fork().count(EarlyReceipt, { whatsappMessageId: changed.whatsappMessageId })) > 0;
    if (receiptsWaiting) {
      await em.fork().transactional(async (tx) => {
        const message = await tx.findOne(Message, changed.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (message) await applyEarlyReceipts(tx, message);
      });
    }
    publishDomainEvents(this.pubsub, [
      { type: 'MessageUpdated', ticketId: changed.ticket.id, messageId: changed.id, ticketChanged: false },
    ]);
  }
}
