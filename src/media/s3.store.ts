// Media in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2…): one PUT, GET or DELETE
// per call, signed with SigV4 by aws4fetch (with a session token when the credentials are temporary) and sent
// with fetch, so no SDK is needed.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AwsClient } from 'aws4fetch';
import type { S3Config } from '../config.js';
import { backoffDelay } from '../jobs/backoff.js';
import { assertMediaKey, MediaNotStored, newMediaKey, type MediaStore } from './media.store.js';

export interface S3RetryOptions {
  /** Attempts of a PUT or DELETE on 5xx, timeouts and network errors; a GET has one (someone is waiting). @default 3 */
  attempts: number;
  /** The delay before the second attempt; doubles per attempt, with jitter (jobs/backoff.ts). @default 200 */
  retryBaseMs: number;
}

type Method = 'PUT' | 'GET' | 'DELETE';

/** A request the bucket refused or never answered: its status and S3's error code, never a credential. */
export class S3RequestFailed extends Error {
  constructor(
    readonly method: Method,
    readonly objectName: string,
    readonly status: number | null,
    readonly s3Code: string | null,
    detail: string,
  ) {
    super(`S3 ${method} ${objectName} failed: ${detail}`);
  }
}

const EMPTY = Buffer.alloc(0);
const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const EMPTY_HASH = sha256Hex(EMPTY);

/** S3's error XML: `<Error><Code>NoSuchKey</Code><Message>…</Message>…</Error>`. */
function describeError(status: number, body: string): { code: string | null; detail: string } {
  const field = (name: string) => new RegExp(`<${name}>([^<]{1,300})</${name}>`).exec(body)?.[1] ?? null;
  const code = field('Code');
  const message = field('Message');
  return { code, detail: [String(status), code, message && `(${message})`].filter(Boolean).join(' ') };
}

/** Why a request got no answer: a timeout, or the network error's code (ECONNREFUSED, ENOTFOUND…). */
function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return `network error: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`;
}

export class S3MediaStore implements MediaStore {
  private readonly retry: S3RetryOptions;
  /** Holds the credentials and caches signing keys; its own retries are off (send() retries, with backoff). */
  private readonly signer: AwsClient;

  constructor(
    private readonly config: S3Config,
    retry: Partial<S3RetryOptions> = {},
  ) {
    this.retry = { attempts: 3, retryBaseMs: 200, ...retry };
    this.signer = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      sessionToken: config.sessionToken,
      service: 's3',
      region: config.region,
      retries: 0,
    });
  }

  async put(bytes: Buffer): Promise<string> {
    const key = newMediaKey();
    const response = await this.send('PUT', key, bytes);
    if (!response.ok) throw await this.failure('PUT', key, response);
    await response.body?.cancel();
    return key;
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.send('GET', key);
    if (response.status === 404) {
      await response.body?.cancel();
      throw new MediaNotStored(`no object ${this.objectName(key)} in bucket ${this.config.bucket}`);
    }
    if (!response.ok) throw await this.failure('GET', key, response);
    return Buffer.from(await response.arrayBuffer());
  }

  /** An object already gone is not an error (S3 answers 204 anyway; some stand-ins 404). */
  async remove(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    if (!response.ok && response.status !== 404) throw await this.failure('DELETE', key, response);
    await response.body?.cancel();
  }

  private objectName(key: string): string {
    return `${this.config.prefix}${assertMediaKey(key)}`;
  }

  /** Bucket, prefix and key hold only URL-safe characters (config.ts and assertMediaKey check), so none is encoded. */
  private urlFor(key: string): URL {
    const endpoint = new URL(this.config.endpoint);
    const base = endpoint.pathname.replace(/\/+$/, '');
    const object = this.objectName(key);
    return this.config.forcePathStyle
      ? new URL(`${endpoint.origin}${base}/${this.config.bucket}/${object}`)
      : new URL(`${endpoint.protocol}//${this.config.bucket}.${endpoint.host}${base}/${object}`);
  }

  /** One request, again after 5xx, timeouts and network errors while attempts last; the last answer or error is the caller's. */
  private async send(method: Method, key: string, body: Buffer = EMPTY): Promise<Response> {
    const url = this.urlFor(key);
    const payloadHash = body.length ? sha256Hex(body) : EMPTY_HASH;
    const attempts = method === 'GET' ? 1 : this.retry.attempts;
    for (let attempt = 1; ; attempt += 1) {
      const isLast = attempt >= attempts;
      try {
        // Signed per attempt: x-amz-date must stay within S3's 15 minutes of skew. The payload's hash is given,
        // so that S3 checks the bytes (aws4fetch would otherwise send UNSIGNED-PAYLOAD).
        const request = await this.signer.sign(url, {
          method,
          headers: {
            'x-amz-content-sha256': payloadHash,
            ...(method === 'PUT' ? { 'content-type': 'application/octet-stream' } : {}),
          },
          body: method === 'PUT' ? body : undefined,
          signal: AbortSignal.timeout(this.config.timeoutMs),
        });
        const response = await fetch(request);
        if (response.status < 500 || isLast) return response;
        await response.body?.cancel();
      } catch (error) {
        if (isLast)
          throw new S3RequestFailed(
            method,
            this.objectName(key),
            null,
            null,
            describeNetworkError(error, this.config.timeoutMs),
          );
      }
      await sleep(backoffDelay(attempt, { baseMs: this.retry.retryBaseMs }));
    }
  }

  private async failure(method: Method, key: string, response: Response): Promise<S3RequestFailed> {
    const { code, detail } = describeError(response.status, await response.text().catch(() => ''));
    return new S3RequestFailed(method, this.objectName(key), response.status, code, detail);
  }
}
