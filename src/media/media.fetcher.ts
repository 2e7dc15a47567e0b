// Fetches the media people send, in the background: the webhook records each file as PENDING in the
// same transaction as its message (so it answers 200 at once and nothing accepted is lost), and this
// worker, in every instance, claims due rows, asks the Cloud API for the file's URL, downloads it with
// the access token, checks type, size and hash, and stores it. Failures that may pass (timeouts, 5xx, a
// short or corrupt download) are retried with backoff; refusals and gone files fail at once, with a reason.
import { publishDomainEvents } from '../support/event-topics.js';
import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from '../logger.js';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import type { CloudApiClient } from '../whatsapp/cloud-api.client.js';
import { MediaFile, MediaStatus } from './media.entity.js';
import { refuseSize, refuseType, WHATSAPP_MAX_BYTES } from './media.policy.js';
import type { MediaStore } from './media.store.js';
import { backoffDelay } from '../jobs/backoff.js';
import { PollLoop } from '../jobs/poll-loop.js';

export interface MediaFetcherOptions {
  /** How often to look for due files. @default 500 */
  pollMs: number;
  /** First retry delay; doubles per attempt, with jitter (see jobs/backoff.ts). @default 2000 */
  retryBaseMs: number;
  /** Attempts before a file is marked FAILED. @default 8 */
  maxAttempts: number;
  /** How long one download may take. @default 60000 */
  downloadTimeoutMs: number;
  /** The desk's own maximum, on top of WhatsApp's per-kind limits. @default 104857600 */
  maxBytes: number;
}

type Step =
  | { kind: 'stored'; key: string; size: number; mimeType: string | null }
  | { kind: 'retry' | 'failed'; reason: string };

/** WhatsApp's hashes come as hex or as base64, depending on where they are read. */
function matchesSha256(bytes: Buffer, expected: string): boolean {
  const digest = createHash('sha256').update(bytes).digest();
  return expected.toLowerCase() === digest.toString('hex') || expected === digest.toString('base64');
}

const CLAIM_MS = 5 * 60_000;
const BATCH = 4;

export class MediaFetcher {
  private readonly loop: PollLoop;

  constructor(
    private readonly orm: MikroORM,
    private readonly api: CloudApiClient,
    private readonly store: MediaStore,
    private readonly pubsub: SupportPubSub,
    private readonly logger: Logger,
    private readonly options: MediaFetcherOptions,
  ) {
    this.loop = new PollLoop(
      () => this.runOnce(),
      options.pollMs,
      (error) => logger.error({ err: error }, 'media fetch round failed; retrying'),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims due files (a conditional update, so two instances never fetch one file) and fetches them. */
  async runOnce(): Promise<number> {
    const em = this.orm.em.fork();
    const now = new Date();
    const due = await em.find(
      MediaFile,
      {
        status: MediaStatus.PENDING,
        nextAttemptAt: { $lte: now },
        $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }],
      },
      { orderBy: { id: 'asc' }, limit: BATCH, fields: ['id'] },
    );
    const claimed: number[] = [];
    for (const { id } of due) {
      const taken = await em.nativeUpdate(
        MediaFile,
        { id, status: MediaStatus.PENDING, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
        { claimedUntil: new Date(Date.now() + CLAIM_MS) },
      );
      if (taken === 1) claimed.push(id);
    }
    await Promise.all(claimed.map((id) => this.fetchOne(id)));
    return claimed.length;
  }

  private async fetchOne(id: number): Promise<void> {
    const em = this.orm.em.fork();
    const file = await em.findOneOrFail(MediaFile, id);
    const step = await this.download(file).catch((error: unknown): Step => {
      this.logger.error({ err: error, mediaFileId: id }, 'media fetch failed unexpectedly');
      return { kind: 'retry', reason: 'internal error while storing the file' };
    });
    file.attempts += 1;
    file.claimedUntil = null;
    if (step.kind === 'stored') {
      Object.assign(file, {
        status: MediaStatus.STORED,
        storageKey: step.key,
        sizeBytes: step.size,
        mimeType: step.mimeType,
        error: null,
      });
    } else if (step.kind === 'retry' && file.attempts < this.options.maxAttempts) {
      file.error = step.reason.slice(0, 512);
      file.nextAttemptAt = new Date(Date.now() + backoffDelay(file.attempts, { baseMs: this.options.retryBaseMs }));
      this.logger.warn(
        { mediaFileId: id, attempts: file.attempts, reason: step.reason },
        'media fetch will be retried',
      );
    } else {
      file.status = MediaStatus.FAILED;
      file.error = (
        step.kind === 'retry' ? `gave up after ${file.attempts} attempts: ${step.reason}` : step.reason
      ).slice(0, 512);
      this.logger.warn({ mediaFileId: id, reason: file.error }, 'media not stored');
    }
    await em.flush();
    if (file.status !== MediaStatus.PENDING) {
      const message = await em.findOneOrFail(MediaFile, id, { populate: ['message'] });
      if (message.message)
        publishDomainEvents(this.pubsub, [
          {
            type: 'MessageUpdated',
            ticketId: message.message.ticket.id,
            messageId: message.message.id,
            ticketChanged: false,
          },
        ]);
    }
  }

  private async download(file: MediaFile): Promise<Step> {
    if (!file.whatsappMediaId) return { kind: 'failed', reason: 'WhatsApp sent no media id for this file' };
    const info = await this.api.mediaInfo(file.whatsappMediaId);
    if (info.kind !== 'ok') return info;
    const mimeType = info.value.mimeType ?? file.mimeType;
    const refusal =
      refuseType(file.kind, mimeType) ??
      (info.value.fileSize !== null ? refuseSize(file.kind, info.value.fileSize, this.options.maxBytes) : null);
    if (refusal) return { kind: 'failed', reason: refusal };
    if (!mimeType) return { kind: 'failed', reason: 'refused: WhatsApp gave no content type' };
    const limit = Math.min(WHATSAPP_MAX_BYTES[file.kind], this.options.maxBytes);
    const body = await this.api.download(info.value.url, limit, this.options.downloadTimeoutMs);
    if (body.kind === 'too-large')
      return { kind: 'failed', reason: refuseSize(file.kind, limit + 1, this.options.maxBytes)! };
    if (body.kind !== 'ok') return body;
    const bytes = body.value;
    if (info.value.fileSize !== null && bytes.length !== info.value.fileSize) {
      return { kind: 'retry', reason: `download was ${bytes.length} bytes, WhatsApp said ${info.value.fileSize}` };
    }
    const expected = info.value.sha256 ?? file.sha256;
    if (expected && !matchesSha256(bytes, expected)) {
      return { kind: 'retry', reason: 'the download does not match the SHA-256 WhatsApp gave' };
    }
    return { kind: 'stored', key: await this.store.put(bytes), size: bytes.length, mimeType };
  }
}
