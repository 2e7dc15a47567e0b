// The WhatsApp Cloud API, as far as we call it: POST /{version}/{phone-number-id}/messages.
// Answers are sorted into accepted, worth retrying, and permanent failures. Sends keep to the number's pace.
import { DEFAULT_RATE_LIMIT_PAUSE_MS, MAX_RATE_LIMIT_PAUSE_MS, SendPace } from './send-rate.js';

export interface CloudApiSettings {
  baseUrl: string;
  version: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs: number;
  /** Messages per second this instance sends to the number at most (OUTBOX_RATE_PER_SECOND). @default 80 */
  ratePerSecond?: number;
}

/** Told of every call made and how it ended (the desk's metrics). */
export interface CloudApiObserver {
  observeCloudApiCall(call: 'send' | 'upload' | 'media_info' | 'download', outcome: string, seconds: number): void;
}

export type SendOutcome =
  | { kind: 'accepted'; whatsappMessageId: string | null }
  | {
      kind: 'retry';
      reason: string;
      retryAfterMs: number | null;
      /** 130429: the business number is over its throughput, so every send to it pauses, not just this one. */
      numberRateLimited?: boolean;
    }
  | { kind: 'failed'; reason: string };

/** The business number's throughput limit was hit. */
const THROUGHPUT_CODE = 130429;
/** Rate, throughput and spam limits, and the API's own transient errors: try again later. */
const RETRYABLE_CODES = new Set([4, 80007, 130429, 131000, 131016, 131048, 131056, 133004, 2]);
/** A bad or expired access token: nothing is wrong with the message, so it waits for the fix. */
const ACCESS_TOKEN_CODE = 190;

function describeError(status: number, body: unknown): { code: number | null; reason: string } {
  const error =
    typeof body === 'object' && body !== null && 'error' in body
      ? (body as { error: Record<string, unknown> }).error
      : null;
  const code = typeof error?.code === 'number' ? error.code : null;
  const details = (error?.error_data as { details?: unknown } | undefined)?.details;
  const message = [error?.message, typeof details === 'string' ? details : null]
    .filter((part) => typeof part === 'string' && part)
    .join(': ');
  return { code, reason: `${code !== null ? `${code} ` : ''}${message || `HTTP ${status}`}`.slice(0, 500) };
}

export function classifyAnswer(status: number, body: unknown, retryAfterHeader: string | null): SendOutcome {
  if (status >= 200 && status < 300) {
    const messages = (body as { messages?: { id?: unknown }[] } | null)?.messages;
    const id = messages?.[0]?.id;
    return { kind: 'accepted', whatsappMessageId: typeof id === 'string' ? id : null };
  }
  const { code, reason } = describeError(status, body);
  const retryAfter =
    retryAfterHeader && Number.isFinite(Number(retryAfterHeader)) ? Number(retryAfterHeader) * 1000 : null;
  if (status === 429 || status >= 500 || status === 408 || (code !== null && RETRYABLE_CODES.has(code))) {
    return code === THROUGHPUT_CODE
      ? { kind: 'retry', reason, retryAfterMs: retryAfter, numberRateLimited: true }
      : { kind: 'retry', reason, retryAfterMs: retryAfter };
  }
  if (status === 401 || code === ACCESS_TOKEN_CODE) return { kind: 'retry', reason, retryAfterMs: null };
  return { kind: 'failed', reason };
}

export class CloudApiClient {
  /** Every message this instance sends to the number goes at this pace. */
  private readonly pace: SendPace;

  constructor(
    private readonly settings: CloudApiSettings,
    private readonly observer: CloudApiObserver | null = null,
  ) {
    this.pace = new SendPace(settings.ratePerSecond ?? 80);
  }

  /** How long sends still wait because the API answered 130429 (rate limit hit); 0 when they do not. */
  pausedForMs(): number {
    return this.pace.pausedForMs();
  }

  /** Makes a call, telling the observer how it ended and how long it took. */
  private async observed<T extends { kind: string }>(
    call: Parameters<CloudApiObserver['observeCloudApiCall']>[0],
    work: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    const outcome = await work();
    const kind = outcome.kind === 'ok' ? 'accepted' : outcome.kind;
    this.observer?.observeCloudApiCall(call, kind, (performance.now() - started) / 1000);
    return outcome;
  }

  /** `timeoutMs` shortens the wait for this call (a typing indicator is worth little late); never lengthens it. */
  send(payload: Record<string, unknown>, options: { timeoutMs?: number } = {}): Promise<SendOutcome> {
    return this.observed('send', async () => {
      const answered = await this.pace.take();
      try {
        const outcome = await this.post(payload, options);
        if (outcome.kind === 'retry' && outcome.numberRateLimited)
          this.pace.pause(Math.min(outcome.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS, MAX_RATE_LIMIT_PAUSE_MS));
        return outcome;
      } finally {
        answered();
      }
    });
  }

  private async post(payload: Record<string, unknown>, options: { timeoutMs?: number }): Promise<SendOutcome> {
    const { baseUrl, version, phoneNumberId, accessToken } = this.settings;
    const timeoutMs = Math.min(this.settings.timeoutMs, options.timeoutMs ?? Number.POSITIVE_INFINITY);
    const url = `${baseUrl.replace(/\/$/, '')}/${version}/${phoneNumberId}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'network error';
      return { kind: 'retry', reason, retryAfterMs: null };
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // a non-JSON answer is classified by its status alone
    }
    return classifyAnswer(response.status, body, response.headers.get('retry-after'));
  }

  /** Uploads a file for a media message; answers its WhatsApp media id. */
  upload(bytes: Buffer, mimeType: string, filename: string | null): Promise<MediaOutcome<string>> {
    return this.observed('upload', () => uploadMedia(this.settings, bytes, mimeType, filename));
  }

  /** Where a person's file (by its WhatsApp media id) can be downloaded, its type, hash and size. */
  mediaInfo(mediaId: string): Promise<MediaOutcome<MediaInfo>> {
    return this.observed('media_info', () => fetchMediaInfo(this.settings, mediaId));
  }

  /** Downloads a file at the url `mediaInfo` gave, with the access token; stops reading past `maxBytes`. */
  download(url: string, maxBytes: number, timeoutMs: number): Promise<MediaOutcome<Buffer> | { kind: 'too-large' }> {
    return this.observed('download', () => downloadMedia(this.settings, url, maxBytes, timeoutMs));
  }
}

export interface MediaInfo {
  url: string;
  mimeType: string | null;
  sha256: string | null;
  fileSize: number | null;
}

export type MediaOutcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'retry'; reason: string }
  | { kind: 'failed'; reason: string };

/** A failed media call: the same sorting as sends (404 and other 4xx are for good; 5xx, 429, timeouts retried). */
function mediaFailure(status: number, body: unknown): MediaOutcome<never> {
  const outcome = classifyAnswer(status, body, null);
  if (outcome.kind === 'accepted') return { kind: 'failed', reason: `HTTP ${status}` };
  return { kind: outcome.kind, reason: outcome.reason };
}

const networkFailure = (error: unknown, timeoutMs: number): MediaOutcome<never> => ({
  kind: 'retry',
  reason:
    error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'network error',
});

/** GET /{version}/{media-id}: where a person's file can be downloaded, its type, hash and size. */
export async function fetchMediaInfo(settings: CloudApiSettings, mediaId: string): Promise<MediaOutcome<MediaInfo>> {
  const { baseUrl, version, accessToken, timeoutMs } = settings;
  try {
    const response = await fetch(`${baseUrl.replace(/\/$/, '')}/${version}/${encodeURIComponent(mediaId)}`, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok) return mediaFailure(response.status, body);
    if (typeof body?.url !== 'string') return { kind: 'retry', reason: 'the media metadata has no url' };
    const size = Number(body.file_size);
    return {
      kind: 'ok',
      value: {
        url: body.url,
        mimeType: typeof body.mime_type === 'string' ? body.mime_type : null,
        sha256: typeof body.sha256 === 'string' ? body.sha256 : null,
        fileSize: Number.isFinite(size) && size >= 0 ? size : null,
      },
    };
  } catch (error) {
    return networkFailure(error, timeoutMs);
  }
}

/** Downloads the file at the metadata's url with the access token; stops reading past `maxBytes`. */
export async function downloadMedia(
  settings: CloudApiSettings,
  url: string,
  maxBytes: number,
  timeoutMs: number,
): Promise<MediaOutcome<Buffer> | { kind: 'too-large' }> {
  try {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${settings.accessToken}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok || !response.body) return mediaFailure(response.status, await response.json().catch(() => null));
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of response.body) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        return { kind: 'too-large' };
      }
      chunks.push(Buffer.from(chunk));
    }
    return { kind: 'ok', value: Buffer.concat(chunks) };
  } catch (error) {
    return networkFailure(error, timeoutMs);
  }
}

/** POST /{version}/{phone-number-id}/media (multipart): the Cloud API keeps the file and answers its media id. */
export async function uploadMedia(
  settings: CloudApiSettings,
  bytes: Buffer,
  mimeType: string,
  filename: string | null,
): Promise<MediaOutcome<string>> {
  const { baseUrl, version, phoneNumberId, accessToken, timeoutMs } = settings;
  const form = new FormData();
  form.append('messaging_product', 'whatsapp');
  form.append('type', mimeType);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), filename ?? 'file');
  try {
    const response = await fetch(`${baseUrl.replace(/\/$/, '')}/${version}/${phoneNumberId}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
      body: form,
      signal: AbortSignal.timeout(Math.max(timeoutMs, 60_000)),
    });
    const body = (await response.json().catch(() => null)) as { id?: unknown } | null;
    if (!response.ok) return mediaFailure(response.status, body);
    return typeof body?.id === 'string'
      ? { kind: 'ok', value: body.id }
      : { kind: 'retry', reason: 'the media upload answered no id' };
  } catch (error) {
    return networkFailure(error, timeoutMs);
  }
}
